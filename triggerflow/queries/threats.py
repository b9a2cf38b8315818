"""The threat register's read side: which threats a user may see, the ranked register, one threat's page.

Scope as for forms (DESIGN section 1): a force sees the threats it owns, the ROCTA and regional
managers their region's, national managers and administrators every region's; anything else is 404.
"""

from dataclasses import dataclass
from datetime import date

from flask import abort
from sqlalchemy import Select, case, func, select, true
from sqlalchemy.orm import joinedload
from sqlalchemy.sql.elements import ColumnElement

from triggerflow.db import db
from triggerflow.models import (
    AcceptanceRecord,
    Disruption,
    Force,
    PlanAction,
    Role,
    Threat,
    ThreatEvent,
    TriggerForm,
    User,
)
from triggerflow.threats.states import OPEN_STATES, ThreatState

# MoRiLE priority, highest first: the register's order.
PRIORITY_RANK = case({"high": 1, "medium": 2, "low": 3}, value=AcceptanceRecord.morile_priority, else_=4)


def visible_to(user: User) -> ColumnElement[bool]:
    if user.role is Role.ADMIN or (user.role is Role.MANAGER and not user.force_id and not user.region_id):
        return true()
    if user.force_id is not None and user.role is not Role.ASSESSOR:
        return Threat.owning_force_id == user.force_id
    return Threat.region_id == (user.region_id or -1)


def get_threat_or_404(threat_id: int, user: User) -> Threat:
    threat = db.session.scalar(
        select(Threat)
        .options(joinedload(Threat.form), joinedload(Threat.acceptance))
        .where(Threat.id == threat_id, visible_to(user))
    )
    if threat is None:
        abort(404)
    return threat


@dataclass(frozen=True)
class RegisterFilters:
    status: str = "open"  # open, archived or all
    force: str | None = None  # an owning force's code
    priority: str | None = None


def register(user: User, filters: RegisterFilters) -> Select:
    """The register's rows, ranked by MoRiLE priority, then oldest acceptance first."""
    disruptions = select(func.count()).where(Disruption.threat_id == Threat.id).correlate(Threat).scalar_subquery()
    query = (
        select(
            Threat.id,
            TriggerForm.number,
            TriggerForm.working_name,
            Force.code,
            Force.name,
            AcceptanceRecord.morile_priority,
            Threat.state,
            Threat.lro_name,
            Threat.lro_due_on,
            Threat.lro_appointed_at,
            Threat.plan_due_on,
            Threat.plan_agreed_at,
            Threat.next_review_on,
            Threat.apmis_reference,
            Threat.pnd_reference,
            disruptions.label("disruptions"),
            Threat.last_recorded_at.label("last_activity"),
            Threat.archive_reason,
            Threat.accepted_at,
        )
        .join(TriggerForm, TriggerForm.id == Threat.form_id)
        .join(AcceptanceRecord, AcceptanceRecord.id == Threat.acceptance_id)
        .join(Force, Force.id == Threat.owning_force_id)
        .where(visible_to(user))
        .order_by(PRIORITY_RANK, Threat.accepted_at, Threat.id)
    )
    if filters.status == "open":
        query = query.where(Threat.state.in_(OPEN_STATES))
    elif filters.status == "archived":
        query = query.where(Threat.state == ThreatState.ARCHIVED)
    if filters.force:
        query = query.where(Force.code == filters.force)
    if filters.priority:
        query = query.where(AcceptanceRecord.morile_priority == filters.priority)
    return query


def owning_forces(user: User) -> list[tuple[str, str]]:
    """The forces whose threats the user may see on the register, for its filter."""
    return [
        (code, name)
        for code, name in db.session.execute(
            select(Force.code, Force.name)
            .where(Force.id.in_(select(Threat.owning_force_id).where(visible_to(user))))
            .order_by(Force.name)
        )
    ]


def history(threat: Threat) -> list[ThreatEvent]:
    return list(
        db.session.scalars(
            select(ThreatEvent)
            .options(joinedload(ThreatEvent.actor).lazyload("*"))
            .where(ThreatEvent.threat_id == threat.id)
            .order_by(ThreatEvent.at.desc(), ThreatEvent.id.desc())
        )
    )


def plan(threat: Threat) -> list[PlanAction]:
    return list(
        db.session.scalars(
            select(PlanAction)
            .where(PlanAction.threat_id == threat.id)
            .order_by(PlanAction.strand, PlanAction.due_on, PlanAction.id)
        )
    )


def disruptions(threat: Threat) -> list[Disruption]:
    return list(
        db.session.scalars(
            select(Disruption)
            .where(Disruption.threat_id == threat.id)
            .order_by(Disruption.occurred_on.desc(), Disruption.id.desc())
        )
    )


def of_form(form: TriggerForm, user: User) -> list[Threat]:
    """The form's threats the user may see, newest first (a reconsidered acceptance leaves one archived)."""
    return list(
        db.session.scalars(select(Threat).where(Threat.form_id == form.id, visible_to(user)).order_by(Threat.id.desc()))
    )


def status(due_on: date | None, done_at, today: date) -> tuple[str, str]:
    """A step's status for the register: its text and a GOV.UK tag colour."""
    if done_at is not None:
        return f"Done {done_at:%-d %b %Y}", "green"
    if due_on is None:
        return "Not yet due", "grey"
    if due_on < today:
        return f"Overdue since {due_on:%-d %b %Y}", "red"
    return f"Due {due_on:%-d %b %Y}", "yellow"
