"""Threats, rows of the register and threat events turned into the API's schemas."""

from triggerflow.api.present import event_fields
from triggerflow.api.schemas import threats as schemas
from triggerflow.models import Threat, ThreatEvent, User
from triggerflow.queries import threats
from triggerflow.threats.definition import EVENT_LABELS
from triggerflow.threats.service import available_actions

# What a row of the register and a threat both carry, under the same names.
_SHARED = (
    "id",
    "state",
    "lro_name",
    "lro_due_on",
    "lro_appointed_at",
    "plan_due_on",
    "plan_agreed_at",
    "next_review_on",
    "apmis_reference",
    "pnd_reference",
    "archive_reason",
    "accepted_at",
)


def _shared(source) -> dict:
    return {name: getattr(source, name) for name in _SHARED} | {"state_label": source.state.label}


def summary(row) -> schemas.ThreatSummary:
    """A row of the register (queries.threats.register)."""
    return schemas.ThreatSummary.model_validate(
        _shared(row)
        | {
            "form_number": row.number,
            "working_name": row.working_name,
            "owning_force": {"code": row.code, "name": row.name},
            "morile_priority": row.morile_priority,
            "disruptions": row.disruptions,
            "last_recorded_at": row.last_activity,
        }
    )


def detail(threat: Threat, user: User) -> schemas.ThreatDetail:
    record = threat.acceptance
    recorded = threats.disruptions(threat)
    history = threats.history(threat)
    return schemas.ThreatDetail.model_validate(
        _shared(threat)
        | {
            "form_number": threat.form.number,
            "working_name": threat.form.working_name,
            "owning_force": threat.owning_force,
            "morile_priority": record.morile_priority,
            "disruptions": len(recorded),
            "last_recorded_at": history[0].at if history else None,
            "lro_organisation": threat.lro_organisation,
            "morile_scores": record.morile_scores or [],
            "soc": record.soc,
            "moderation_status": record.moderation_status,
            "phase": record.phase,
            "merged_into": threat.merged_into,
            "available_actions": available_actions(threat, user),
            "plan": threats.plan(threat),
            "disruptions_recorded": recorded,
            "events": [event(e) for e in history],
        }
    )


def event(found: ThreatEvent) -> schemas.ThreatEventOut:
    return schemas.ThreatEventOut.model_validate(event_fields(found, EVENT_LABELS[found.action]))
