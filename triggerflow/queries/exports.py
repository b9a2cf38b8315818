"""The SELECTs behind the CSV exports: plain rows, one statement each, within the user's scope.

Each returns its column headings and a statement whose rows are written as they are; the
statement is read in batches (see exports.stream), so its size does not matter.
"""

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

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
    headings, columns = _headed(
        ("Form number", TriggerForm.number),
        ("Force code", Force.code),
        ("Force", Force.name),
        ("State", TriggerForm.state),
        ("Threat type", TriggerForm.threat_type),
        ("Primary theme", TriggerForm.primary_theme),
        ("Working name", TriggerForm.working_name),
        ("Round", TriggerForm.round),
        ("Created at", TriggerForm.created_at),
        ("First submitted at", TriggerForm.first_submitted_at),
        ("Last submitted at", TriggerForm.submitted_at),
        ("Returned at", TriggerForm.returned_at),
        ("Resubmit by", TriggerForm.resubmit_by),
        ("Decided at", TriggerForm.decided_at),
        ("Author", author.name),
        ("Assessor", assessor.name),
        ("Operation running", TriggerForm.operation_running),
    )
    query = (
        select(*columns)
        .join(Force, Force.id == TriggerForm.force_id)
        .join(author, author.id == TriggerForm.created_by_id)
        .outerjoin(assessor, assessor.id == TriggerForm.assessor_id)
        .where(TriggerForm.id.in_(filtered_forms(user, filters)))
        .order_by(TriggerForm.id)
    )
    return headings, query


def events(user: User, filters: FormFilters, since: date | None = None, until: date | None = None) -> Export:
    headings, columns = _headed(
        ("Form number", TriggerForm.number),
        ("At", FormEvent.at),
        ("Action", FormEvent.action),
        ("From state", FormEvent.from_state),
        ("To state", FormEvent.to_state),
        ("By", User.name),
        ("Their role", User.role),
        ("Round", FormEvent.round),
        ("Reason code", FormEvent.reason_code),
        ("Comment", FormEvent.comment),
    )
    query = (
        select(*columns)
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
    headings, columns = _headed(
        ("Form number", TriggerForm.number),
        ("Round", ReturnItem.round),
        ("Section", ReturnItem.section),
        ("Question", ReturnItem.field),
        ("Reason code", ReturnItem.reason_code),
        ("Status", ReturnItem.status),
        ("Comment", ReturnItem.comment),
        ("Response", ReturnItem.response),
        ("Returned at", ReturnItem.returned_at),
        ("Responded at", ReturnItem.responded_at),
    )
    query = (
        select(*columns)
        .join(TriggerForm, TriggerForm.id == ReturnItem.form_id)
        .where(ReturnItem.form_id.in_(filtered_forms(user, filters)), ReturnItem.status != ReturnItemStatus.PENDING)
        .order_by(ReturnItem.id)
    )
    return headings, query


def accepted_threats(user: User, filters: FormFilters) -> Export:
    """Accepted threats with their acceptance records, one row each, for loading onto the SOC master list."""
    owning, submitting, recorder = aliased(Force), aliased(Force), aliased(User)
    record = AcceptanceRecord
    headings, columns = _headed(
        ("TriggerFlow reference", TriggerForm.number),
        ("APMIS reference", record.apmis_reference),
        ("Threat name", TriggerForm.working_name),
        ("Threat type", record.threat_type),
        ("Primary theme", record.primary_theme),
        ("Secondary themes", record.secondary_themes),
        ("Owning force code", owning.code),
        ("Owning force", owning.name),
        ("Submitting force code", submitting.code),
        ("SOC", record.soc),
        ("Moderation status", record.moderation_status),
        ("Phase", record.phase),
        ("PND reference", Threat.pnd_reference),
        ("Tier", record.tier),
        ("Management level", record.management_level),
        ("MoRiLE harm", record.morile_harm),
        ("MoRiLE likelihood", record.morile_likelihood),
        ("MoRiLE risk", record.morile_risk),
        ("MoRiLE confidence", record.morile_confidence),
        ("MoRiLE organisational position", record.morile_organisational_position),
        ("MoRiLE priority", record.morile_priority),
        ("Register state", Threat.state),
        ("LRO name", Threat.lro_name),
        ("LRO organisation", Threat.lro_organisation),
        ("LRO appointed", Threat.lro_appointed_at),
        ("4P plan due on", Threat.plan_due_on),
        ("Next review on", Threat.next_review_on),
        ("Accepted on", record.recorded_at),
        ("Accepted by", recorder.name),
    )
    query = (
        select(*columns)
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


def _headed(*pairs: tuple[str, Any]) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """An export's headings and the columns under them, from (heading, column) pairs, so that a
    heading is written beside its column and cannot drift from it."""
    headings, columns = zip(*pairs, strict=True)
    return headings, columns


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, UTC)
