"""When a question applies: questions that matter only for some answers say so here, once.

The section pages hide a question that does not apply, and the completeness rules never ask for
one (tests/content/test_conditions.py holds the two together). An answer given to a question
that no longer applies is kept, never cleared: it stays in sight, marked, until the officer
clears it, and no criterion reads it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

UNANSWERED = ""


@dataclass(frozen=True)
class When:
    """The question applies when the answer to `field` is one of `values` (for a checkbox question,
    when any box ticked is); UNANSWERED among them means it applies until that question is answered.
    `section` names another section's answer, read from the saved form; None means the same page,
    where the page reveals the question as the answer changes."""

    field: str
    values: frozenset[str]
    section: str | None = None


def holds(when: When, answers: dict[str, Any]) -> bool:
    value = answers.get(when.field) if isinstance(answers, dict) else None
    chosen = value if isinstance(value, list) else [value if isinstance(value, str) else UNANSWERED]
    return any(v in when.values for v in chosen)


def applies(conditions: Iterable[When], here: dict[str, Any], form_answers: dict[str, Any]) -> bool:
    """Whether a question with these conditions applies, `here` being the answers on its own page."""
    return all(holds(w, here if w.section is None else form_answers.get(w.section) or {}) for w in conditions)


def is_answered(value: Any) -> bool:
    return value not in (None, UNANSWERED, [], False)
