"""What a completeness rule is: what it asks, of which forms, how hard, and the check that tests it."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from triggerflow.criteria.facts import Facts


class Severity(StrEnum):
    HARD = "hard"  # blocks sending
    SOFT = "soft"  # a warning shown to submitter, SPOC and assessor

    @property
    def label(self) -> str:
        return {"hard": "Must be met", "soft": "Advice"}[self.value]

    @property
    def tag_colour(self) -> str:
        return {"hard": "red", "soft": "yellow"}[self.value]


@dataclass(frozen=True)
class Rule:
    id: str
    section: str
    severity: Severity
    title: str
    explanation: str  # a template: {summary_min} and the like name thresholds, filled by limits.explain
    prevents: tuple[str, ...]
    check: Callable[[Facts], list[tuple[str, str]]]
    threat_types: frozenset[str] | None = None  # None: every type
    resubmission_only: bool = False

    def applies(self, facts: Facts) -> bool:
        if self.resubmission_only and not facts.resubmission:
            return False
        return self.threat_types is None or facts.threat_type in self.threat_types
