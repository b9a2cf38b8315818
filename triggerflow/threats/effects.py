"""What each threat action changes besides the state, and what its event keeps. Never commits."""

from datetime import date, datetime, timedelta
from typing import Any

from flask import current_app

from triggerflow.db import db
from triggerflow.models import Disruption, PlanAction, Threat, User

LRO_FIELDS = ("lro_name", "lro_organisation", "lro_email")
REFERENCES = ("apmis_reference", "pnd_reference")


def review_due(threat: Threat, today: date) -> date:
    """The next review at the interval the threat's MoRiLE priority sets."""
    every = current_app.config["REVIEW_EVERY_DAYS"]
    return today + timedelta(days=every.get(threat.acceptance.morile_priority, min(every.values())))


def apply(
    threat: Threat, action: str, actor: User | None, details: dict[str, Any], now: datetime, today: date
) -> dict[str, Any]:
    """Make the action's changes; return what the event keeps beyond reason code and comment."""
    effect = _EFFECTS.get(action)
    return effect(threat, actor, details, now, today) if effect else {}


def _text(details: dict[str, Any], name: str) -> str | None:
    return (details.get(name) or "").strip() or None


def _lro(threat: Threat, actor: User, details: dict[str, Any], now: datetime, today: date) -> dict[str, Any]:
    for name in LRO_FIELDS:
        setattr(threat, name, _text(details, name))
    return {"lro_name": threat.lro_name, "lro_organisation": threat.lro_organisation}


def _appoint_lro(threat: Threat, actor: User, details: dict[str, Any], now: datetime, today: date) -> dict[str, Any]:
    threat.lro_appointed_at = now  # the first LRO only: the step is done once, however often the LRO changes
    return _lro(threat, actor, details, now, today)


def _plan_action(threat: Threat, actor: User, details: dict[str, Any], now: datetime, today: date) -> dict[str, Any]:
    action = PlanAction(
        threat_id=threat.id,
        strand=details["strand"],
        description=_text(details, "description"),
        owner=_text(details, "owner"),
        due_on=details["due_on"],
        added_at=now,
    )
    db.session.add(action)
    return {
        "strand": action.strand,
        "owner": action.owner,
        "due_on": action.due_on.isoformat(),
        "description": action.description,
    }


def _agree_plan(threat: Threat, actor: User, details: dict[str, Any], now: datetime, today: date) -> dict[str, Any]:
    threat.plan_agreed_at = now
    return {}


def _review(threat: Threat, actor: User, details: dict[str, Any], now: datetime, today: date) -> dict[str, Any]:
    threat.next_review_on = details.get("next_review_on") or review_due(threat, today)
    return {"next_review_on": threat.next_review_on.isoformat()}


def _disruption(threat: Threat, actor: User, details: dict[str, Any], now: datetime, today: date) -> dict[str, Any]:
    db.session.add(
        Disruption(
            threat_id=threat.id,
            occurred_on=details["occurred_on"],
            grade=details["grade"],
            description=_text(details, "description"),
            recorded_by_id=actor.id,
            recorded_at=now,
        )
    )
    return {"grade": details["grade"], "occurred_on": details["occurred_on"].isoformat()}


def _references(threat: Threat, actor: User, details: dict[str, Any], now: datetime, today: date) -> dict[str, Any]:
    kept = {}
    for name in REFERENCES:
        new = _text(details, name)
        if new != getattr(threat, name):
            kept[name] = {"from": getattr(threat, name), "to": new}
            setattr(threat, name, new)
    return kept


def _archive(threat: Threat, actor: User | None, details: dict[str, Any], now: datetime, today: date) -> dict[str, Any]:
    threat.archive_reason = details.get("reason_code") or "decision_reconsidered"
    threat.merged_into = _text(details, "merged_into") if threat.archive_reason == "merged" else None
    threat.archived_at = now
    threat.next_review_on = None
    return {"merged_into": threat.merged_into} if threat.merged_into else {}


_EFFECTS = {
    "appoint_lro": _appoint_lro,
    "change_lro": _lro,
    "add_plan_action": _plan_action,
    "agree_plan": _agree_plan,
    "start_management": _review,
    "review": _review,
    "record_disruption": _disruption,
    "update_references": _references,
    "archive": _archive,
    "close_reconsidered": _archive,
}
