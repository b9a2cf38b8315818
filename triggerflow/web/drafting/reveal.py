"""Which questions a section or item page shows: a question another section's answer rules out is
left off, one this page's answer rules out starts hidden for the reveal script to show when it
applies. A question that does not apply but holds an answer is shown, marked, so nothing the
officer typed is out of sight; it is saved as it stands and no criterion reads it."""

from dataclasses import dataclass
from typing import Any

from triggerflow.content.conditions import When, applies, is_answered
from triggerflow.content.sections import Field
from triggerflow.models import TriggerForm


@dataclass(frozen=True)
class Question:
    spec: Field
    reveal: When | None = None  # the answer on this page that shows or hides it
    hidden: bool = False  # does not apply and holds no answer: hidden while the script runs
    kept: bool = False  # does not apply but holds an answer, kept in sight


def shown_specs(form: TriggerForm, specs: tuple[Field, ...], stored: dict[str, Any]) -> tuple[Field, ...]:
    """The questions the page offers, decided on the saved form alone so that a page and its save
    agree on which answers they hold: the others are left as they are saved."""
    return tuple(
        spec
        for spec in specs
        if is_answered(stored.get(spec.name))
        or applies([w for w in spec.when if w.section], stored, form.answers or {})
    )


def questions(
    form: TriggerForm, specs: tuple[Field, ...], stored: dict[str, Any], here: dict[str, Any]
) -> list[Question]:
    """The questions shown, `here` being the page's answers as they now stand (saved or just posted)."""
    shown = []
    for spec in shown_specs(form, specs, stored):
        reveal = next((w for w in spec.when if w.section is None), None)
        if applies(spec.when, here, form.answers or {}):
            shown.append(Question(spec, reveal))
        else:
            answered = is_answered(here.get(spec.name))
            shown.append(Question(spec, reveal, hidden=not answered, kept=answered))
    return shown
