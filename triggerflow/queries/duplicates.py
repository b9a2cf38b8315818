"""Open and accepted forms in the region that may be about the same threat as this one: a subject
with the same PNC or intelligence ID, or a similar name and the same date of birth, or the same
intelligence reference. Only forms the viewer may open are named; the hint never blocks anything.

The full-text index narrows the region's forms to those sharing a likeness key (an ID, a date of
birth or a reference); only those candidates' answers are read and compared."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from triggerflow.db import db
from triggerflow.models import Force, TriggerForm, User
from triggerflow.queries.scope import visible_to
from triggerflow.queries.search import having_any_word
from triggerflow.search.document import answer_items, likeness_keys
from triggerflow.search.likeness import reference_key, same_subject
from triggerflow.workflow.states import FormState

# Withdrawn and rejected forms are not threats anyone holds; every other state is open or accepted.
_CLOSED = (FormState.WITHDRAWN, FormState.REJECTED)


@dataclass(frozen=True)
class PossibleDuplicate:
    number: str
    working_name: str | None
    state: FormState
    force: str
    reasons: tuple[str, ...]


def possible_duplicates(form: TriggerForm, user: User) -> list[PossibleDuplicate]:
    subjects = answer_items(form.answers or {}, "B", "subjects")
    references = {reference_key(i.get("reference")) for i in answer_items(form.answers or {}, "F", "intelligence")}
    references -= {""}
    keys = likeness_keys(form.answers or {})
    if not keys:
        return []
    rows = db.session.execute(
        select(TriggerForm.number, TriggerForm.working_name, TriggerForm.state, Force.name, TriggerForm.answers)
        .join(Force, Force.id == TriggerForm.force_id)
        .where(
            Force.region_id == form.force.region_id,
            TriggerForm.id != form.id,
            TriggerForm.state.not_in(_CLOSED),
            visible_to(user),
            having_any_word(keys),
        )
        .order_by(TriggerForm.number)
    )
    found = []
    for number, working_name, state, force, answers in rows:
        reasons = _reasons(subjects, references, answers or {})
        if reasons:
            found.append(PossibleDuplicate(number, working_name, state, force, reasons))
    return found


def _reasons(subjects: list[dict], references: set[str], other: dict[str, Any]) -> tuple[str, ...]:
    reasons = []
    for theirs in answer_items(other, "B", "subjects"):
        reason = next((r for r in (same_subject(ours, theirs) for ours in subjects) if r), None)
        if reason and reason not in reasons:
            reasons.append(reason)
    reasons.extend(
        f"the same intelligence reference, {str(item.get('reference')).strip()}"
        for item in answer_items(other, "F", "intelligence")
        if reference_key(item.get("reference")) in references
    )
    return tuple(reasons)
