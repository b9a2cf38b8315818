"""Runs the rules over a form's facts: findings, section status and completeness."""
from dataclasses import dataclass
from enum import StrEnum

from triggerflow.content.sections import SECTIONS, STARTING_ANSWERS
from triggerflow.criteria.facts import Facts
from triggerflow.criteria.rules import RULES, Rule, Severity


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
    applicable = tuple(rule for rule in RULES if rule.applies(facts))
    findings = tuple(
        Finding(rule.id, rule.severity, field.split(".")[0], field, message)
        for rule in applicable
        for field, message in rule.check(facts)
    )
    return Result(findings, applicable, _section_status(facts, findings))


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
