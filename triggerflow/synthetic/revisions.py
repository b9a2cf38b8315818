"""How a force answers the items of a return: each section an item names is changed, as C16 asks."""

from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from random import Random

from triggerflow.content.vocab import GEOGRAPHIC_SCOPES
from triggerflow.synthetic.answers import Answers, Threat, identified
from triggerflow.synthetic.texts import NOTES

_SCOPES = [value for value, _ in GEOGRAPHIC_SCOPES]
_ORGANISATION_FIELD = {
    "R01": "coordination",
    "R05a": "planning",
    "R05b": "control",
    "R05c": "coordination",
    "R05d": "decision_making",
}


def revise(answers: Answers, threat: Threat, items: list[dict], rng: Random, on: date) -> Answers:
    """New answers with each section the return items named changed, as the force answered them `on` that day.

    The sections left alone are shared with `answers`, which is never changed.
    """
    revised = dict(answers)
    copied: set[str] = set()
    for item in items:
        key = item["section"]
        if key not in copied:
            revised[key] = deepcopy(revised.get(key) or {})
            copied.add(key)
        _REVISIONS[key](
            revised[key],
            _Revision(threat, item["reason_code"], rng, on, (answers.get("F") or {}).get("intelligence") or []),
        )
    return revised


@dataclass(frozen=True)
class _Revision:
    threat: Threat
    reason_code: str
    rng: Random
    on: date
    intelligence: list[dict]

    def append(self, section: dict, name: str, note: str | None = None) -> None:
        # The note the answer holds least: the criteria take one sentence pasted over and over for filler.
        text = section.get(name) or ""
        note = note or min(NOTES, key=lambda n: (text.count(n), self.rng.random()))
        section[name] = f"{text} {note}".strip()


def _revise_identity(section: dict, change: _Revision) -> None:
    change.append(section, "master_list_result" if change.reason_code == "R11" else "summary")


def _revise_subjects(section: dict, change: _Revision) -> None:
    if change.threat.threat_type != "ocg":  # a SOC vulnerability has no subjects to add
        change.append(section, "pi_rationale")
        return
    subjects = section.setdefault("subjects", [])
    unknown = next((n for n, s in enumerate(subjects) if s["identified"] == "no"), None)
    found = identified(change.rng, change.on, len(subjects) + 1, "associate")
    if unknown is None:
        first = change.intelligence[0]
        subjects.append(
            {
                **found,
                "link_cites": [first["id"]],
                "link_to_group": f"Found through {first['reference']} acting for the group since the return.",
            }
        )
    else:  # the return asked who they are: now they are identified, and linked as before
        was = subjects[unknown]
        subjects[unknown] = {**was, **found, "id": was["id"], "role": was["role"]}


def _revise_organisation(section: dict, change: _Revision) -> None:
    threat_type = change.threat.threat_type
    if threat_type == "soc_vulnerability":
        change.append(section, "vulnerability_description")
    elif threat_type == "ocg" and change.reason_code in _ORGANISATION_FIELD:
        change.append(section, _ORGANISATION_FIELD[change.reason_code])
    else:
        change.append(section, "capability_narrative")


def _revise_geography(section: dict, change: _Revision) -> None:
    """Another force of the region affected or, once all of them are, a wider scope."""
    affected = section.setdefault("forces_affected", [change.threat.force["code"]])
    more = [code for code in change.threat.force["neighbours"] if code not in affected]
    scope = _SCOPES.index(section.get("geographic_scope") or "force")
    if more:
        affected.append(more[0])
        section["geographic_scope"] = _SCOPES[max(scope, _SCOPES.index("regional"))]
    else:
        section["geographic_scope"] = _SCOPES[min(scope + 1, len(_SCOPES) - 1)]


_REVISIONS = {
    "A": _revise_identity,
    "B": _revise_subjects,
    "C": lambda section, change: change.append(section, "modus_operandi"),
    "D": _revise_organisation,
    "E": _revise_geography,
    "F": lambda section, change: change.append(section["intelligence"][0], "summary"),
    "G": lambda section, change: change.append(section, f"harm_{section['harm_types'][0]}"),
    "H": lambda section, change: change.append(section, "partner_agencies", "Partners briefed after the return."),
}
