"""The only way a threat's state changes, through the lifecycle runner the form's uses (workflow.machine).

`perform` checks permission and scope, the version the actor saw and the action's
preconditions; runs the machine; applies the effects; appends the event; and commits once.
`register` and `close_reconsidered` run inside the form's own transaction, so a decision and
its threat change together or not at all.
"""

from datetime import date, datetime, timedelta
from typing import Any

from flask import current_app

from triggerflow.clocks.working_days import local_date, now_and_today
from triggerflow.db import db, transaction
from triggerflow.models import AcceptanceRecord, Threat, ThreatEvent, TriggerForm, User
from triggerflow.threats import effects, notices, requirements
from triggerflow.threats.definition import THREAT_LIFECYCLE
from triggerflow.threats.states import OPEN_STATES
from triggerflow.workflow.machine import event_columns


def available_actions(threat: Threat, user: User | None) -> list[str]:
    """The actions this user may take on this threat now: drives both buttons and POST checks."""
    return THREAT_LIFECYCLE.available(threat, user)


def perform(
    threat: Threat,
    action: str,
    actor: User,
    *,
    expected_version: int | None = None,
    today: date | None = None,
    **details: Any,
) -> ThreatEvent:
    """Take `action` on `threat` as `actor` and return the event written."""
    with transaction():
        THREAT_LIFECYCLE.admit(threat, actor, action, expected_version)
        now, today = now_and_today(today)
        requirements.check(threat, action, details, today)
        event = _move(threat, action, actor, details, now, today)
        notices.queue_for(threat, event, actor)
    return event


def _move(
    threat: Threat, action: str, actor: User | None, details: dict[str, Any], now: datetime, today: date
) -> ThreatEvent:
    from_state = threat.state
    THREAT_LIFECYCLE.move(threat, action)
    kept = effects.apply(threat, action, actor, details, now, today)
    threat.last_recorded_at = now
    event = ThreatEvent(
        threat_id=threat.id, details=kept, **event_columns(threat, action, from_state, actor, now, details)
    )
    db.session.add(event)
    return event


def register(form: TriggerForm, record: AcceptanceRecord, actor: User, now: datetime) -> Threat:
    """Put the form's accepted threat on its region's register (inside the form's transaction)."""
    config = current_app.config
    accepted_on = local_date(now)  # the day in England and Wales, as every due date
    threat = THREAT_LIFECYCLE.start(
        Threat,
        form_id=form.id,
        acceptance=record,
        region_id=form.force.region_id,
        owning_force_id=record.owning_force_id,
        accepted_at=now,
        lro_due_on=accepted_on + timedelta(days=config["LRO_WITHIN_DAYS"]),
        plan_due_on=accepted_on + timedelta(days=config["PLAN_WITHIN_DAYS"]),
        apmis_reference=record.apmis_reference,
        pnd_reference=record.pnd_reference,
        last_recorded_at=now,
    )
    db.session.add(threat)
    db.session.flush()
    db.session.add(
        ThreatEvent(
            threat_id=threat.id,
            action="register",
            from_state=None,
            to_state=threat.state,
            actor_id=actor.id,
            at=now,
            details={"form": form.number},
        )
    )
    return threat


def close_reconsidered(form: TriggerForm, actor: User, now: datetime, comment: str | None) -> None:
    """Close the open threat of a form whose acceptance is reconsidered (inside the form's transaction)."""
    for threat in db.session.scalars(db.select(Threat).where(Threat.form_id == form.id, Threat.state.in_(OPEN_STATES))):
        # The event names the regional manager who reconsidered the decision.
        _move(threat, "close_reconsidered", actor, {"comment": comment}, now, local_date(now))
