"""The SELECTs behind the CSV exports: plain rows, one statement each, within the user's scope.

Each returns its column headings and a statement whose rows are written as they are; the
statement is read in batches (see exports.stream), so its size does not matter.
"""

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import aliased

from triggerflow.models import (
    AcceptanceRecord,
    Force,
    FormEvent,
    ReturnItem,
    ReturnItemStatus,
    Threat,
    TriggerForm,
    User,
)
from triggerflow.queries.listing import FormFilters, filtered_forms
from triggerflow.workflow.states import FormState

Export = tuple[tuple[str, ...], Select]


def forms(user: User, filters: FormFilters) -> Export:
    author, assessor = aliased(User), aliased(User)
    headings = (
        "Form number",
        "Force code",
        "Force",
        "State",
        "Threat type",
        "Primary theme",
        "Working name",
        "Round",
        "Created at",
        "First submitted at",
        "Last submitted at",
        "Returned at",
        "Resubmit by",
        "Decided at",
        "Author",
        "Assessor",
        "Operation running",
    )
    query = (
        select(
            TriggerForm.number,
            Force.code,
            Force.name,
            TriggerForm.state,
            TriggerForm.threat_type,
            TriggerForm.primary_theme,
            TriggerForm.working_name,
            TriggerForm.round,
            TriggerForm.created_at,
            TriggerForm.first_submitted_at,
            TriggerForm.submitted_at,
            TriggerForm.returned_at,
            TriggerForm.resubmit_by,
            TriggerForm.decided_at,
            author.name,
            assessor.name,
            TriggerForm.operation_running,
        )
        .join(Force, Force.id == TriggerForm.force_id)
        .join(author, author.id == TriggerForm.created_by_id)
        .outerjoin(assessor, assessor.id == TriggerForm.assessor_id)
        .where(TriggerForm.id.in_(filtered_forms(user, filters)))
        .order_by(TriggerForm.id)
    )
    return headings, query


def events(user: User, filters: FormFilters, since: date | None = None, until: date | None = None) -> Export:
    headings = (
        "Form number",
        "At",
        "Action",
        "From state",
        "To state",
        "By",
        "Their role",
        "Round",
        "Reason code",
        "Comment",
    )
    query = (
        select(
            TriggerForm.number,
            FormEvent.at,
            FormEvent.action,
            FormEvent.from_state,
            FormEvent.to_state,
            User.name,
            User.role,
            FormEvent.round,
            FormEvent.reason_code,
            FormEvent.comment,
        )
        .join(TriggerForm, TriggerForm.id == FormEvent.form_id)
        .outerjoin(User, User.id == FormEvent.actor_id)
        .where(FormEvent.form_id.in_(filtered_forms(user, filters)))
        .order_by(FormEvent.id)
    )
    if since:
        query = query.where(FormEvent.at >= _midnight(since))
    if until:
        query = query.where(FormEvent.at < _midnight(until + timedelta(days=1)))
    return headings, query


def return_items(user: User, filters: FormFilters) -> Export:
    """Items the force has been sent: never the assessor's drafts (pending items)."""
    headings = (
        "Form number",
        "Round",
        "Section",
        "Question",
        "Reason code",
        "Status",
        "Comment",
        "Response",
        "Returned at",
        "Responded at",
    )
    query = (
        select(
            TriggerForm.number,
            ReturnItem.round,
            ReturnItem.section,
            ReturnItem.field,
            ReturnItem.reason_code,
            ReturnItem.status,
            ReturnItem.comment,
            ReturnItem.response,
            ReturnItem.returned_at,
            ReturnItem.responded_at,
        )
        .join(TriggerForm, TriggerForm.id == ReturnItem.form_id)
        .where(ReturnItem.form_id.in_(filtered_forms(user, filters)), ReturnItem.status != ReturnItemStatus.PENDING)
        .order_by(ReturnItem.id)
    )
    return headings, query


def accepted_threats(user: User, filters: FormFilters) -> Export:
    """Accepted threats with their acceptance records, one row each, for loading onto the SOC master list."""
    owning, submitting, recorder = aliased(Force), aliased(Force), aliased(User)
    record = AcceptanceRecord
    headings = (
        "TriggerFlow reference",
        "APMIS reference",
        "Threat name",
        "Threat type",
        "Primary theme",
        "Secondary themes",
        "Owning force code",
        "Owning force",
        "Submitting force code",
        "SOC",
        "Moderation status",
        "Phase",
        "PND reference",
        "Tier",
        "Management level",
        "MoRiLE harm",
        "MoRiLE likelihood",
        "MoRiLE risk",
        "MoRiLE confidence",
        "MoRiLE organisational position",
        "MoRiLE priority",
        "Register state",
        "LRO name",
        "LRO organisation",
        "LRO appointed",
        "4P plan due on",
        "Next review on",
        "Accepted on",
        "Accepted by",
    )
    query = (
        select(
            TriggerForm.number,
            record.apmis_reference,
            TriggerForm.working_name,
            record.threat_type,
            record.primary_theme,
            record.secondary_themes,
            owning.code,
            owning.name,
            submitting.code,
            record.soc,
            record.moderation_status,
            record.phase,
            Threat.pnd_reference,
            record.tier,
            record.management_level,
            record.morile_harm,
            record.morile_likelihood,
            record.morile_risk,
            record.morile_confidence,
            record.morile_organisational_position,
            record.morile_priority,
            Threat.state,
            Threat.lro_name,
            Threat.lro_organisation,
            Threat.lro_appointed_at,
            Threat.plan_due_on,
            Threat.next_review_on,
            record.recorded_at,
            recorder.name,
        )
        .join(TriggerForm, TriggerForm.id == record.form_id)
        # The threat of the acceptance standing now: one a reconsideration closed is not on the list.
        .join(
            Threat,
            (Threat.acceptance_id == record.id)
            & or_(Threat.archive_reason.is_(None), Threat.archive_reason != "decision_reconsidered"),
        )
        .join(owning, owning.id == record.owning_force_id)
        .join(submitting, submitting.id == TriggerForm.force_id)
        .join(recorder, recorder.id == record.recorded_by_id)
        .where(record.form_id.in_(filtered_forms(user, filters)), TriggerForm.state == FormState.ACCEPTED)
        .order_by(record.recorded_at, record.id)
    )
    return headings, query


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, UTC)
