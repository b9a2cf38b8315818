"""Answers for synthetic forms: complete for a form that was sent, half-written for a draft.

Complete answers pass every hard completeness rule for their threat type as of the day the form
was first sent: every date falls before it. The texts are templates (synthetic.texts) with
invented names, places, references and dates put in, so forms read differently for the cost of
a str.format, and stay near the rules' minimum lengths so that a million forms, each with its
snapshots, do not swell the database.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from random import Random
from typing import Any

from triggerflow.content.vocab import CAPABILITIES, INTELLIGENCE_SOURCES, VULNERABILITY_TYPES
from triggerflow.synthetic.names import code_word, nickname, person
from triggerflow.synthetic.texts import (
    CAPABILITY,
    EXPLOITING,
    HARMS,
    INTELLIGENCE,
    JUSTIFICATIONS,
    LINKS,
    MODUS,
    NOT_KNOWN_REASON,
    ORGANISATION,
    RATIONALE,
    SEARCH_RESULT,
    SUMMARIES,
    THEMES,
    VULNERABILITY,
)

Answers = dict[str, Any]


def _one_or_two(values) -> list[tuple]:
    """Every choice of one value (each twice, so one is likelier) or two of them."""
    singles = [(value,) for value in values]
    return singles + singles + list(combinations(values, 2))


_TESTS = _one_or_two(list(JUSTIFICATIONS))
_CAPABILITIES = _one_or_two(CAPABILITIES)
_HARM_KINDS = _one_or_two(list(HARMS))
_AREAS = ("North", "South", "East", "West", "Central")
_PLACES = {"Metropolitan": "London", "British Transport": "Railway"}  # forces not named after a place
_VICTIMS = ("yes", "no", "no", "unknown")
_AGENCIES = ("children's services", "adult social care", "the National Referral Mechanism")
_PNC_LETTERS = "ABCDEFGHJKLMNPRTUVWXYZ"
_SOURCES = [value for value, _ in INTELLIGENCE_SOURCES]
_VULNERABILITIES = _one_or_two([value for value, _ in VULNERABILITY_TYPES])
_FREQUENCIES = ("daily", "weekly", "weekly", "monthly", "less_often", "unknown")
_OTHER_ROLES = [(role,) for role in ("member", "enabler", "associate")] + list(
    combinations(("member", "member", "enabler", "associate"), 2)
)


# From random() alone, cheaper than Random.choice and randint: each form draws dozens.
def _pick(rng: Random, values):
    return values[int(rng.random() * len(values))]


def _between(rng: Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


@dataclass(frozen=True)
class Threat:
    """What the generator drew for a form, which its answers must agree with."""

    threat_type: str
    theme: str
    working_name: str
    running: bool
    force: dict  # its id, code, name and neighbours (the other forces of its region)


def complete(threat: Threat, rng: Random, sent: date) -> Answers:
    """Answers that pass every hard rule for the threat type on the day `sent`."""
    subjects = _subjects(threat, rng, sent)
    words = _words(threat, rng, subjects)
    intelligence = _intelligence(threat, rng, sent, words)
    words.update(ref1=intelligence[0]["reference"], ref2=intelligence[-1]["reference"])
    _link(subjects, intelligence, rng, words)
    return {
        "A": {
            **_identity(threat, rng, words),
            "master_list_searched_on": (sent - timedelta(days=_between(rng, 0, 14))).isoformat(),
        },
        "B": _people(threat, subjects, words),
        "C": _activity(threat, rng, sent, words),
        "D": _organisation(threat, rng, words, intelligence),
        "E": _geography(threat, rng),
        "F": {"intelligence": intelligence},
        "G": _harm(threat, rng),
        "H": _current(threat, rng),
        "I": {"security_marking": "OFFICIAL-SENSITIVE", "no_source_material": True},
    }


def partial(threat: Threat, rng: Random, started: date) -> Answers:
    """A draft as officers leave one part-way: the threat named, perhaps its first subject, the rest to come."""
    words = _words(threat, rng, [])
    answers = {"A": _identity(threat, rng, words), "H": _current(threat, rng)}
    del answers["A"]["master_list_searched"], answers["A"]["master_list_result"]
    if rng.random() < 0.5:
        del answers["A"]["summary"]
    if threat.threat_type != "soc_vulnerability" and rng.random() < 0.6:
        answers["B"] = {"subjects": [identified(rng, started, 1, "principal")]}
    return answers


def _words(threat: Threat, rng: Random, subjects: list[dict]) -> dict[str, Any]:
    activity, offence, sentence = THEMES[threat.theme]
    named = [f"{s['forename']} {s['surname']}" for s in subjects if s["identified"] == "yes"]
    stand_in = " ".join(person(rng))
    return {
        "name": threat.working_name,
        "activity": activity,
        "offence": offence,
        "sentence": sentence,
        "principal": named[0] if named else stand_in,
        "lieutenant": named[1] if len(named) > 1 else stand_in,
        "area": _local_area(threat.force["name"], rng),
        "count": max(3, len(subjects)),
        "amount": _between(rng, 150, 900),
    }


def _local_area(force_name: str, rng: Random) -> str:
    place = force_name.removesuffix(" Police Service").removesuffix(" Constabulary").removesuffix(" Police")
    return f"{_PLACES.get(place, place)} {_pick(rng, _AREAS)}"


def _subjects(threat: Threat, rng: Random, sent: date) -> list[dict]:
    if threat.threat_type == "soc_vulnerability":
        return []
    if threat.threat_type == "priority_individual":
        return [identified(rng, sent, 1, "principal")]
    roles = ["principal", "lieutenant", *_pick(rng, _OTHER_ROLES)]
    return [
        identified(rng, sent, n, role) if n <= 2 or rng.random() < 0.5 else _unidentified(rng, n, role)
        for n, role in enumerate(roles, start=1)
    ]


def identified(rng: Random, sent: date, n: int, role: str) -> dict:
    forename, surname = person(rng)
    born = sent.year - _between(rng, 19, 58)
    return {
        "id": f"subj{n}",
        "surname": surname,
        "forename": forename,
        "date_of_birth": f"{born}-{_between(rng, 1, 12):02d}-{_between(rng, 1, 28):02d}",
        "intelligence_id": f"PNC {(born + _between(rng, 15, 18)) % 100:02d}/{_between(rng, 1, 999_999):06d}"
        f"{_pick(rng, _PNC_LETTERS)}",
        "role": role,
        "identified": "yes",
    }


def _unidentified(rng: Random, n: int, role: str) -> dict:
    return {"id": f"subj{n}", "forename": f"'{nickname(rng)}'", "role": role, "identified": "no"}


def _link(subjects: list[dict], intelligence: list[dict], rng: Random, words: dict) -> None:
    """Every subject but the principal linked to the group by an intelligence item (C18)."""
    for subject in subjects:
        if subject["role"] != "principal":
            item = _pick(rng, intelligence)
            subject.update(
                link_to_group=_pick(rng, LINKS).format(ref=item["reference"], **words), link_cites=[item["id"]]
            )


def _intelligence(threat: Threat, rng: Random, sent: date, words: dict) -> list[dict]:
    """Newest first, all within six months of `sent`; the first is graded well enough to rely on."""
    count = _between(rng, 2, 3) if threat.threat_type == "ocg" else _between(rng, 1, 2)
    items, back = [], _between(rng, 3, 40)
    for n in range(1, count + 1):
        when = sent - timedelta(days=back)
        back += _between(rng, 5, 60)
        strong = n == 1 or rng.random() < 0.5
        # The first item is recent and assessed A or B, so it corroborates the rest (C20).
        item = {
            "id": f"intel{n}",
            "reference": f"{threat.force['code']}/{when:%y}/{_between(rng, 1, 99_999):05d}",
            "date": when.isoformat(),
            "summary": _pick(rng, INTELLIGENCE).format(**words),
            "source_kind": _pick(rng, _SOURCES),
            "source_evaluation": _pick(rng, "12" if strong else "123"),
            "intelligence_assessment": _pick(rng, "AB" if n == 1 else "ABC" if strong else "BCD"),
            "handling_code": "P",
        }
        if rng.random() < 0.15:
            item.update(
                handling_code="C",
                handling_conditions="Not to be shared outside policing without the originator's agreement.",
            )
        items.append(item)
    return items


def _identity(threat: Threat, rng: Random, words: dict) -> dict:
    section = {
        "threat_type": threat.threat_type,
        "working_name": threat.working_name,
        "local_policing_area": words["area"],
        "primary_theme": threat.theme,
        "summary": SUMMARIES[threat.threat_type].format(**words),
        "master_list_searched": "yes",
        "master_list_result": SEARCH_RESULT,
    }
    if threat.theme == "county_lines":
        section["county_line"] = f"{code_word(rng).upper()} line"
    if rng.random() < 0.2 and threat.theme != "money_laundering":
        section["secondary_themes"] = ["money_laundering"]
    return section


def _people(threat: Threat, subjects: list[dict], words: dict) -> dict:
    section: dict[str, Any] = {"subjects": subjects} if subjects else {}
    if threat.threat_type == "priority_individual":
        section["pi_rationale"] = RATIONALE.format(**words)
    return section


def _activity(threat: Threat, rng: Random, sent: date, words: dict) -> dict:
    tests = list(_pick(rng, _TESTS))
    offences = [{"id": "off1", "offence": words["offence"], "max_sentence": words["sentence"], "seven_years": "yes"}]
    if rng.random() < 0.2 and threat.theme != "money_laundering":
        offences.append(
            {"id": "off2", "offence": "Concealing criminal property", "max_sentence": "14 years", "seven_years": "yes"}
        )
    return {
        "offences": offences,
        "serious_crime_tests": tests,
        **{f"justification_{test}": JUSTIFICATIONS[test].format(**words) for test in tests},
        "first_known": (sent - timedelta(days=_between(rng, 120, 900))).isoformat(),
        "most_recent": (sent - timedelta(days=_between(rng, 1, 30))).isoformat(),
        "modus_operandi": _pick(rng, MODUS).format(**words),
    }


def _organisation(threat: Threat, rng: Random, words: dict, intelligence: list[dict]) -> dict:
    if threat.threat_type == "soc_vulnerability":
        return {"vulnerability_description": VULNERABILITY.format(**words)}
    capabilities = _pick(rng, _CAPABILITIES)
    shown = " and ".join(label.lower() for _, label in capabilities)
    section = {
        "capabilities": [value for value, _ in capabilities],
        "capability_narrative": CAPABILITY.format(shown=shown, **words),
    }
    if threat.threat_type == "ocg":
        for element, templates in ORGANISATION.items():
            text = section[element] = _pick(rng, templates).format(**words)
            section[f"{element}_cites"] = [item["id"] for item in intelligence if item["reference"] in text]
    return section


def _geography(threat: Threat, rng: Random) -> dict:
    regional = rng.random() < 0.35
    neighbours = threat.force["neighbours"][:1] if regional else []
    return {
        "forces_affected": [threat.force["code"], *neighbours],
        "geographic_scope": "regional" if regional else "force",
    }


def _harm(threat: Threat, rng: Random) -> dict:
    kinds = list(_pick(rng, _HARM_KINDS))
    victims = "yes" if threat.theme in EXPLOITING else _pick(rng, _VICTIMS)
    section = {"harm_types": kinds, **{f"harm_{kind}": HARMS[kind] for kind in kinds}, "vulnerable_victims": victims}
    if victims == "yes":
        section["safeguarding"] = (
            f"{_between(rng, 1, 6)} people referred to {_pick(rng, _AGENCIES)}, each with a safeguarding plan."
        )
        section["vulnerability_types"] = list(_pick(rng, _VULNERABILITIES))
    # What a MoRiLE assessment scores (C21); a tenth of forms cannot yet put a figure on the money.
    section.update(
        victims_count=str(_between(rng, 0 if victims == "no" else 1, 40)),
        financial_harm="not known" if rng.random() < 0.1 else str(_between(rng, 2, 900) * 1000),
        harm_frequency=_pick(rng, _FREQUENCIES),
    )
    if "not known" in section.values() or "unknown" in section.values():
        section["harm_not_known_reason"] = NOT_KNOWN_REASON
    return section


def _current(threat: Threat, rng: Random) -> dict:
    if not threat.running:
        return {"operation_running": "no"}
    forename, surname = person(rng)
    return {
        "operation_running": "yes",
        "operation_name": f"Operation {code_word(rng)}",
        "officer_in_charge": f"DI {forename} {surname}",
    }
