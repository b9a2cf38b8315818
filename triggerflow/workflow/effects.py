"""What each transition changes besides the state. Mutates the session; never commits."""

from copy import deepcopy
from datetime import date, datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import func, select, update

from triggerflow.db import db
from triggerflow.models import (
    AcceptanceRecord,
    FormSnapshot,
    ReturnItem,
    ReturnItemStatus,
    TriggerForm,
    User,
)
from triggerflow.models.returned_item import record_of
from triggerflow.queries import criteria_versions
from triggerflow.search import index as search_index
from triggerflow.threats import service as threats


def apply(
    form: TriggerForm, action: str, actor: User | None, details: dict[str, Any], now: datetime, today: date
) -> None:
    effect = _EFFECTS.get(action)
    if effect and actor is not None:  # only people's actions have effects; the system's (lapse) has none
        effect(form, actor, details, now, today)


def event_details(form: TriggerForm, action: str, details: dict[str, Any]) -> dict[str, Any]:
    """What the event row keeps beyond action, reason code and comment (JSON-safe values only)."""
    kept: dict[str, Any] = {}
    if form.resubmit_by and action in ("return_to_force", "reopen"):
        kept["resubmit_by"] = form.resubmit_by.isoformat()
    duplicate = (details.get("duplicate_reference") or "").strip()
    if action == "reject" and details.get("reason_code") == "N6" and duplicate:  # kept only for a duplicate
        kept["duplicate_reference"] = duplicate
    if action in ("submit", "resubmit") and details.get("_snapshot"):
        kept["snapshot"] = details["_snapshot"]
    if action in ("claim", "release", "return_to_force", "accept", "reject", "reconsider"):
        kept["assessor_id"] = form.assessor_id
    return kept


def _send(form: TriggerForm, actor: User, details: dict[str, Any], now: datetime, today: date) -> None:
    form.round += 1
    form.first_submitted_at = form.first_submitted_at or now
    form.submitted_at = now
    form.resubmit_by = None
    sequence = (
        db.session.scalar(select(func.max(FormSnapshot.sequence)).where(FormSnapshot.form_id == form.id)) or 0
    ) + 1
    # A deep copy: the snapshot must never share mutable JSON with the live answers.
    db.session.add(
        FormSnapshot(
            form_id=form.id,
            sequence=sequence,
            round=form.round,
            answers=deepcopy(form.answers or {}),
            created_by_id=actor.id,
            created_at=now,
            criteria_version=criteria_versions.current().number,
        )
    )
    details["_snapshot"] = sequence


def _submit(form: TriggerForm, actor: User, details: dict[str, Any], now: datetime, today: date) -> None:
    # Submitting from draft or SPOC review is always the first round.
    _send(form, actor, details, now, today)


def _claim(form: TriggerForm, actor: User, details: dict[str, Any], now: datetime, today: date) -> None:
    form.assessor_id = actor.id


def _release(form: TriggerForm, actor: User, details: dict[str, Any], now: datetime, today: date) -> None:
    form.assessor_id = None


def _return(form: TriggerForm, actor: User, details: dict[str, Any], now: datetime, today: date) -> None:
    days = current_app.config["RESUBMIT_WITHIN_DAYS"]
    form.returned_at = now
    form.resubmit_by = details.get("resubmit_by") or today + timedelta(days=days)
    db.session.execute(
        update(ReturnItem)
        # Reopened items (already open) go back with this return's new ones.
        .where(ReturnItem.form_id == form.id, ReturnItem.status.in_([ReturnItemStatus.PENDING, ReturnItemStatus.OPEN]))
        .values(status=ReturnItemStatus.OPEN, returned_at=now, round=form.round)
    )
    # This return's own record of its items, which a later return of a reopened item leaves alone.
    db.session.execute(record_of(ReturnItem.form_id == form.id, ReturnItem.status == ReturnItemStatus.OPEN))


def _reopen(form: TriggerForm, actor: User, details: dict[str, Any], now: datetime, today: date) -> None:
    form.resubmit_by = today + timedelta(days=current_app.config["RESUBMIT_WITHIN_DAYS"])


def _decide(form: TriggerForm, actor: User, details: dict[str, Any], now: datetime, today: date) -> None:
    form.decided_at = now


def _accept(form: TriggerForm, actor: User, details: dict[str, Any], now: datetime, today: date) -> None:
    _decide(form, actor, details, now, today)
    record = dict(details["record"])
    record["tier"] = int(record["tier"])
    accepted = AcceptanceRecord(form_id=form.id, recorded_by_id=actor.id, recorded_at=now, **record)
    db.session.add(accepted)
    search_index.refresh(form)  # the APMIS reference finds the form from now on
    threats.register(form, accepted, actor, now)


def _reconsider(form: TriggerForm, actor: User, details: dict[str, Any], now: datetime, today: date) -> None:
    # Back with the assessor who decided it; the regional manager may reassign it from there.
    form.decided_at = None
    threats.close_reconsidered(form, actor, now, details.get("comment"))


_EFFECTS = {
    "submit": _submit,
    "resubmit": _send,
    "claim": _claim,
    "release": _release,
    "return_to_force": _return,
    "reopen": _reopen,
    "accept": _accept,
    "reject": _decide,
    "reconsider": _reconsider,
}
