"""Runs the rules over a form's facts: findings, section status and completeness."""

from dataclasses import dataclass, replace
from enum import StrEnum

from triggerflow.content.sections import SECTIONS, STARTING_ANSWERS
from triggerflow.criteria.facts import Facts
from triggerflow.criteria.rule import Rule, Severity
from triggerflow.criteria.rules import RULES, THREAT_TYPE_VALUES


class SectionStatus(StrEnum):
    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    COMPLETE = "Complete"

    @property
    def tag_colour(self) -> str | None:
        """A section still to do is tagged; a complete one is plain text, as in GOV.UK's task list."""
        return {"Not started": "grey", "In progress": "blue"}.get(self.value)


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    section: str
    field: str
    message: str
    # Set only while the form has no type of threat: the types this finding is for (see check).
    threat_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    findings: tuple[Finding, ...]
    applicable: tuple[Rule, ...]
    section_status: dict[str, SectionStatus]

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.HARD)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.SOFT)

    @property
    def can_send(self) -> bool:
        return not self.blocking

    @property
    def percent_complete(self) -> int:
        """The share of the applicable hard rules that pass."""
        hard = [r for r in self.applicable if r.severity is Severity.HARD]
        failing = {f.rule_id for f in self.blocking}
        return round(100 * (len(hard) - len(failing)) / len(hard)) if hard else 0


def check(facts: Facts) -> Result:
    findings, applicable = _run(facts)
    if not facts.threat_type:
        findings, applicable = _with_every_type(facts, findings, applicable)
    return Result(findings, applicable, _section_status(facts, findings))


def _run(facts: Facts) -> tuple[tuple[Finding, ...], tuple[Rule, ...]]:
    applicable = tuple(rule for rule in RULES if rule.applies(facts))
    findings = tuple(
        Finding(rule.id, rule.severity, field.split(".")[0], field, message)
        for rule in applicable
        for field, message in rule.check(facts)
    )
    return findings, applicable


def _with_every_type(
    facts: Facts, findings: tuple[Finding, ...], applicable: tuple[Rule, ...]
) -> tuple[tuple[Finding, ...], tuple[Rule, ...]]:
    """Until the type of threat is chosen, also what each type would need, marked with the types it is
    for: the list then holds everything from the start, and choosing a type can only shorten it."""
    extra: dict[Finding, list[str]] = {}
    rules = set(applicable)
    for value in THREAT_TYPE_VALUES:
        typed = {**facts.answers, "A": {**facts.section("A"), "threat_type": value}}
        found, applying = _run(replace(facts, answers=typed))
        rules.update(applying)
        for finding in found:
            if finding not in findings:
                extra.setdefault(finding, []).append(value)
    # A finding every type would have is the form's whatever the type, and not marked.
    marked = tuple(
        replace(f, threat_types=() if len(types) == len(THREAT_TYPE_VALUES) else tuple(types))
        for f, types in extra.items()
    )
    return findings + marked, tuple(rule for rule in RULES if rule in rules)


def _section_status(facts: Facts, findings: tuple[Finding, ...]) -> dict[str, SectionStatus]:
    blocked = {f.section for f in findings if f.severity is Severity.HARD}
    status = {}
    for section in SECTIONS:
        if not _has_answers(facts.section(section.key), STARTING_ANSWERS.get(section.key, {})):
            status[section.key] = SectionStatus.NOT_STARTED
        elif section.key in blocked:
            status[section.key] = SectionStatus.IN_PROGRESS
        else:
            status[section.key] = SectionStatus.COMPLETE
    return status


def _has_answers(answers: dict, defaults: dict) -> bool:
    return any(value not in (None, "", [], False) and value != defaults.get(name) for name, value in answers.items())
