"""What each threat action needs before it may happen; raises Invalid with what to put right.

Input formats are checked by the web forms and API schemas; these rules hold for every caller.
"""

from datetime import date
from typing import Any

from sqlalchemy import select

from triggerflow.db import db
from triggerflow.models import PlanAction, Threat
from triggerflow.threats.definition import CHOSEN_ARCHIVE_REASONS, DISRUPTION_GRADES, PLAN_STRANDS
from triggerflow.workflow.errors import Invalid


def check(threat: Threat, action: str, details: dict[str, Any], today: date) -> None:
    checker = _CHECKS.get(action)
    if checker:
        errors = checker(threat, details, today)
        if errors:
            raise Invalid(errors)


def _text(details: dict[str, Any], name: str) -> str:
    return (details.get(name) or "").strip()


def _lro(threat: Threat, details: dict[str, Any], today: date) -> dict[str, str]:
    errors = {}
    if not _text(details, "lro_name"):
        errors["lro_name"] = "Enter the lead responsible officer's name"
    if not _text(details, "lro_organisation"):
        errors["lro_organisation"] = "Enter the lead responsible officer's organisation"
    if "@" not in _text(details, "lro_email"):
        errors["lro_email"] = "Enter the lead responsible officer's email address, like name@example.police.uk"
    return errors


def _plan_action(threat: Threat, details: dict[str, Any], today: date) -> dict[str, str]:
    errors = {}
    if details.get("strand") not in dict(PLAN_STRANDS):
        errors["strand"] = "Select Pursue, Prevent, Protect or Prepare"
    if not _text(details, "description"):
        errors["description"] = "Enter what the action is"
    if not _text(details, "owner"):
        errors["owner"] = "Enter who owns the action"
    if not isinstance(details.get("due_on"), date):
        errors["due_on"] = "Enter the date the action is due"
    return errors


def _plan(threat: Threat, details: dict[str, Any], today: date) -> dict[str, str]:
    # A 4P plan covers all four strands: the inspection found plans missing whole strands.
    strands = set(db.session.scalars(select(PlanAction.strand).where(PlanAction.threat_id == threat.id)))
    missing = [label for value, label in PLAN_STRANDS if value not in strands]
    if missing:
        return {"plan": f"Add at least one action under {', '.join(missing)} before agreeing the plan"}
    return {}


def _review(threat: Threat, details: dict[str, Any], today: date) -> dict[str, str]:
    errors = {}
    if not _text(details, "comment"):
        errors["comment"] = "Enter what the review found"
    next_review = details.get("next_review_on")
    if next_review is not None and (not isinstance(next_review, date) or next_review <= today):
        errors["next_review_on"] = "The next review date must be in the future"
    return errors


def _disruption(threat: Threat, details: dict[str, Any], today: date) -> dict[str, str]:
    errors = {}
    occurred = details.get("occurred_on")
    if not isinstance(occurred, date):
        errors["occurred_on"] = "Enter the date of the disruption"
    elif occurred > today:
        errors["occurred_on"] = "The date of the disruption must be today or in the past"
    if details.get("grade") not in dict(DISRUPTION_GRADES):
        errors["grade"] = "Select whether the disruption was major, moderate or minor"
    if not _text(details, "description"):
        errors["description"] = "Enter what the disruption was"
    return errors


def _references(threat: Threat, details: dict[str, Any], today: date) -> dict[str, str]:
    apmis, pnd = _text(details, "apmis_reference") or None, _text(details, "pnd_reference") or None
    if (apmis, pnd) == (threat.apmis_reference, threat.pnd_reference):
        return {"apmis_reference": "Change the APMIS or PND reference, or cancel"}
    return {}


def _archive(threat: Threat, details: dict[str, Any], today: date) -> dict[str, str]:
    errors = {}
    if details.get("reason_code") not in dict(CHOSEN_ARCHIVE_REASONS):
        errors["reason_code"] = "Select why the threat is archived"
    elif details["reason_code"] == "merged" and not _text(details, "merged_into"):
        errors["merged_into"] = "Enter the reference of the threat this one was merged into"
    if not _text(details, "comment"):
        errors["comment"] = "Enter a reason"
    return errors


_CHECKS = {
    "appoint_lro": _lro,
    "change_lro": _lro,
    "add_plan_action": _plan_action,
    "agree_plan": _plan,
    "review": _review,
    "record_disruption": _disruption,
    "update_references": _references,
    "archive": _archive,
}
