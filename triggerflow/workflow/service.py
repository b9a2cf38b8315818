"""The only way a form's state changes; the lifecycle runner (workflow.machine) writes it.

`perform` checks permission and scope, the version the actor saw, and the action's
preconditions; runs the machine; applies the action's effects; appends the event; and commits
once. Anything that fails rolls the whole transaction back.
"""

import copy
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from triggerflow.audit import chain
from triggerflow.clocks.working_days import now_and_today
from triggerflow.content.sections import STARTING_ANSWERS
from triggerflow.db import db, transaction, utcnow
from triggerflow.models import Force, FormEvent, TriggerForm, User
from triggerflow.notifications import transitions as notifications
from triggerflow.rollups import store as rollups
from triggerflow.search import index as search_index
from triggerflow.workflow import effects, requirements, stays
from triggerflow.workflow.definition import FORM_LIFECYCLE
from triggerflow.workflow.errors import ActionNotAllowed
from triggerflow.workflow.machine import event_columns
from triggerflow.workflow.numbering import next_form_number
from triggerflow.workflow.permissions import may_create
from triggerflow.workflow.states import FormState


def available_actions(form: TriggerForm, user: User | None) -> list[str]:
    """The actions this user may take on this form now: drives both buttons and POST checks."""
    return FORM_LIFECYCLE.available(form, user)


def perform(
    form: TriggerForm,
    action: str,
    actor: User | None,
    *,
    expected_version: int | None = None,
    today: date | None = None,
    **details: Any,
) -> FormEvent:
    """Take `action` on `form` as `actor` (None for the system) and return the event written."""
    with transaction():
        FORM_LIFECYCLE.admit(form, actor, action, expected_version)
        now, today = now_and_today(today)
        requirements.check(form, action, actor, details, today)
        from_state = form.state
        FORM_LIFECYCLE.move(form, action)
        effects.apply(form, action, actor, details, now, today)
        kept = effects.event_details(form, action, details)
        event = chain.seal(form, form_event(form, action, from_state, actor, now, details, kept))
        stay = stays.ended(form, from_state, event)  # read before the event is added: it ends the last stay
        db.session.add_all([event, stay] if stay else [event])
        rollups.record(form)  # the dashboards' counts move with the form, in this transaction
        # In the same transaction: the e-mail is sent after commit, so it is neither lost nor early.
        notifications.queue_for_transition(form, event, actor)
    return event


def start_form(actor: User, force: Force | None = None) -> TriggerForm:
    """Create a draft in the actor's force with the next form number."""
    force = force or actor.force
    if not may_create(actor) or force is None or force.id != actor.force_id:
        raise ActionNotAllowed("Only officers and SPOCs may start a form, in their own force")
    with transaction():
        now = utcnow()
        form = FORM_LIFECYCLE.start(
            TriggerForm,
            number=next_form_number(force, now.year),
            force=force,
            created_by=actor,
            answers=copy.deepcopy(STARTING_ANSWERS),
            created_at=now,
        )
        # Sealed before the form is inserted, so the form is written once, with its chain head.
        created = chain.seal(
            form, FormEvent(action="create", from_state=None, to_state=form.state, actor_id=actor.id, at=now, round=0)
        )
        db.session.add(form)
        db.session.flush()
        created.form_id = form.id
        db.session.add(created)
        search_index.refresh(form)
    return form


def form_event(
    form: TriggerForm,
    action: str,
    from_state: FormState,
    actor: User | None,
    now: datetime,
    details: Mapping[str, Any],
    kept: dict[str, Any],
) -> FormEvent:
    """The event row of a change to `form` in its current round; `kept` is what its details column
    holds, `details` what was given (the reason and comment are read from it)."""
    return FormEvent(
        form_id=form.id, round=form.round, details=kept, **event_columns(form, action, from_state, actor, now, details)
    )
