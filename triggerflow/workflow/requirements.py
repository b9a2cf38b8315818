"""What each action needs before it may happen; raises Invalid with what to put right.

Input formats are checked by the web forms and API schemas; these are the business rules,
checked here so every caller gets them.
"""

from datetime import date
from typing import Any

from sqlalchemy import func, select

from triggerflow.content import vocab
from triggerflow.content.completeness import completeness
from triggerflow.db import db
from triggerflow.models import Force, ReturnItem, ReturnItemStatus, TriggerForm, User
from triggerflow.workflow.definition import SENDING_ACTIONS, action_for
from triggerflow.workflow.errors import Invalid

REQUIRED_RECORD_FIELDS = {
    "threat_type": "Select the confirmed threat type",
    "primary_theme": "Select the confirmed primary theme",
    "morile_harm": "Enter the MoRiLE harm score",
    "morile_likelihood": "Enter the MoRiLE likelihood score",
    "morile_risk": "Enter the MoRiLE risk score",
    "morile_confidence": "Select the MoRiLE confidence",
    "morile_organisational_position": "Enter the MoRiLE organisational position",
    "morile_priority": "Select the MoRiLE priority",
    "soc": "Select whether the threat is serious and organised crime",
    "moderation_status": "Select the moderation status",
    "phase": "Select the phase",
    "tier": "Select the tier",
    "management_level": "Select the management level",
    "owning_force_id": "Select the owning force",
}
OWNING_FORCE_IN_REGION = "Select the owning force from the forces of the form's region"
DUPLICATE_REFERENCE_NEEDED = "Enter the reference of the existing threat this duplicates"
MORILE_SCORES_NEEDED = "Enter the MoRiLE score and confidence of at least one harm category"
SECONDARY_THEMES_FROM_LIST = "Select secondary themes from the list"


# Actions only some roles must give a reason for (definition.REASON_REQUIRED_OF), and what to ask.
_REASON_MESSAGES = {"release": "Enter the reason for releasing the form"}


def check(form: TriggerForm, action: str, actor: User | None, details: dict[str, Any], today: date) -> None:
    if action in _REASON_MESSAGES and action_for(action, actor).reason and not (details.get("comment") or "").strip():
        raise Invalid({"comment": _REASON_MESSAGES[action]})
    checker = _CHECKS.get(action)
    if checker:
        checker(form, details, today)


def _complete(form: TriggerForm, details: dict[str, Any], today: date) -> None:
    result = completeness(form, today)
    if not result.can_send:
        # One message per field, the first found (rules list the most basic problem first);
        # every finding still travels in `findings` for the checklist.
        errors: dict[str, str] = {}
        for finding in result.blocking:
            errors.setdefault(finding.field, finding.message)
        raise Invalid(errors, result.blocking)


def _comment(form: TriggerForm, details: dict[str, Any], today: date) -> None:
    if not (details.get("comment") or "").strip():
        raise Invalid({"comment": "Enter a reason"})


def _return(form: TriggerForm, details: dict[str, Any], today: date) -> None:
    # New items, or items the assessor reopened because the force's answer was not enough.
    pending = db.session.scalar(
        select(func.count())
        .select_from(ReturnItem)
        .where(ReturnItem.form_id == form.id, ReturnItem.status.in_([ReturnItemStatus.PENDING, ReturnItemStatus.OPEN]))
    )
    errors = {}
    if not pending:
        errors["items"] = "Add at least one return item before returning the form"
    resubmit_by = details.get("resubmit_by")
    if resubmit_by is not None and resubmit_by <= today:
        errors["resubmit_by"] = "The resubmit-by date must be in the future"
    if errors:
        raise Invalid(errors)


def _reject(form: TriggerForm, details: dict[str, Any], today: date) -> None:
    errors = {}
    code = details.get("reason_code")
    if code not in dict(vocab.REJECTION_REASONS):
        errors["reason_code"] = "Select a rejection reason"
    if len((details.get("comment") or "").strip()) < 20:
        errors["comment"] = "Enter the rationale for rejecting the form, in at least 20 characters"
    if code == "N6" and not (details.get("duplicate_reference") or "").strip():
        errors["duplicate_reference"] = DUPLICATE_REFERENCE_NEEDED
    if errors:
        raise Invalid(errors)


# The record's fixed lists: the API sends raw values, so a value outside them is refused here.
RECORD_CHOICES = {
    "threat_type": vocab.THREAT_TYPES,
    "primary_theme": vocab.THEMES,
    "morile_priority": vocab.MORILE_PRIORITY,
    "soc": vocab.SOC_OR_NOT,
    "moderation_status": vocab.MODERATION_STATUSES,
    "phase": vocab.PHASES,
    "tier": vocab.TIERS,
    "management_level": vocab.MANAGEMENT_LEVELS,
}


def _accept(form: TriggerForm, details: dict[str, Any], today: date) -> None:
    record = details.get("record") or {}
    errors = {name: message for name, message in REQUIRED_RECORD_FIELDS.items() if record.get(name) in (None, "")}
    for name, choices in RECORD_CHOICES.items():
        if name not in errors and str(record[name]) not in dict(choices):
            errors[name] = REQUIRED_RECORD_FIELDS[name]
    if not set(record.get("secondary_themes") or ()) <= set(dict(vocab.THEMES)):
        errors["secondary_themes"] = SECONDARY_THEMES_FROM_LIST
    errors.update(_morile_scores(record.get("morile_scores") or []))
    if "owning_force_id" not in errors:
        errors.update(_owning_force(form, record["owning_force_id"]))
    if errors:
        raise Invalid(errors)


def _owning_force(form: TriggerForm, force_id: int) -> dict[str, str]:
    # One of the forces the region's ROCTA serves: the threat goes on that region's register.
    force = db.session.get(Force, force_id)
    if force is None:
        return {"owning_force_id": REQUIRED_RECORD_FIELDS["owning_force_id"]}
    return {} if force.region_id == form.force.region_id else {"owning_force_id": OWNING_FORCE_IN_REGION}


def _morile_scores(scores: list[dict[str, str]]) -> dict[str, str]:
    """Scores by harm category as the MoRiLE assessment gives them: each scored one has its confidence."""
    errors = {}
    for score in scores:
        category = score.get("category")
        if category not in dict(vocab.HARM_TYPES):
            errors["morile_scores"] = "Select harm categories from the list"
        elif not (score.get("score") or "").strip():
            errors[f"score_{category}"] = f"Enter the MoRiLE score for {category} harm"
        elif not (score.get("confidence") or "").strip():
            errors[f"confidence_{category}"] = f"Enter the MoRiLE confidence for {category} harm"
    if not scores:
        errors["morile_scores"] = MORILE_SCORES_NEEDED
    return errors


_CHECKS = {
    **dict.fromkeys(SENDING_ACTIONS, _complete),
    "spoc_return": _comment,
    "reopen": _comment,
    "withdraw": _comment,
    "reconsider": _comment,
    "return_to_force": _return,
    "reject": _reject,
    "accept": _accept,
}
