"""Each role's queues of work for the home page.

SELECTs only, one page at a time, with the force, the people and the day counts joined and
computed in SQL, so a page of rows is one query (plus one to count them).
"""
from dataclasses import dataclass
from datetime import date
from math import ceil
from typing import Any

from flask import current_app
from sqlalchemy import Date, Integer, Select, bindparam, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement

from triggerflow.db import db, utcnow
from triggerflow.models import Force, FormEvent, ReturnItem, ReturnItemStatus, TriggerForm, User
from triggerflow.queries.clocks import return_count
from triggerflow.queries.scope import visible_to
from triggerflow.workflow.states import FormState as S

# The officer's own forms: what needs them first, finished work last.
_OFFICER_ORDER = (S.RETURNED, S.LAPSED, S.DRAFT, S.SPOC_REVIEW, S.SUBMITTED, S.RESUBMITTED,
                  S.UNDER_ASSESSMENT, S.ACCEPTED, S.REJECTED, S.WITHDRAWN)


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


class days_since(FunctionElement):
    """Whole calendar days from a stored UTC timestamp (or date) to `today`."""

    type = Integer()
    inherit_cache = True


@compiles(days_since, "sqlite")
def _days_since_sqlite(element, compiler, **kw):
    when, today = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({today}) - julianday(date({when})) AS INTEGER)"


@compiles(days_since, "postgresql")
def _days_since_postgresql(element, compiler, **kw):
    when, today = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(CAST({today} AS DATE) - CAST({when} AS DATE))"


def my_forms(user: User, page: int = 1, today: date | None = None) -> Page:
    """The officer's own forms, returned ones first (soonest resubmit-by first), then by state."""
    rank = case({state: n for n, state in enumerate(_OFFICER_ORDER)}, value=TriggerForm.state)
    query = _rows(user, today).where(TriggerForm.created_by_id == user.id)
    return _page(query.order_by(rank, TriggerForm.resubmit_by, TriggerForm.updated_at.desc(),
                                TriggerForm.id.desc()), page)


def awaiting_review(user: User, page: int = 1, today: date | None = None) -> Page:
    """Forms the force's officers have sent to the SPOC, longest waiting first."""
    sent = (select(func.max(FormEvent.at)).where(FormEvent.form_id == TriggerForm.id,
                                                 FormEvent.action == "send_to_spoc")
            .correlate(TriggerForm).scalar_subquery())
    query = (_rows(user, today)
             .add_columns(sent.label("sent_to_spoc_at"), days_since(sent, _today(today)).label("days_with_spoc"))
             .where(TriggerForm.state == S.SPOC_REVIEW))
    return _page(query.order_by(sent, TriggerForm.id), page)


def force_returns(user: User, page: int = 1, today: date | None = None) -> Page:
    """The force's returned and lapsed forms, longest since return first."""
    unanswered = (select(func.count(ReturnItem.id))
                  .where(ReturnItem.form_id == TriggerForm.id, ReturnItem.status == ReturnItemStatus.OPEN)
                  .correlate(TriggerForm).scalar_subquery())
    query = (_rows(user, today).add_columns(unanswered.label("unanswered_items"))
             .where(TriggerForm.state.in_([S.RETURNED, S.LAPSED])))
    return _page(query.order_by(TriggerForm.returned_at, TriggerForm.id), page)


def force_drafts(user: User, page: int = 1, today: date | None = None) -> Page:
    query = _rows(user, today).where(TriggerForm.state == S.DRAFT)
    return _page(query.order_by(TriggerForm.updated_at.desc(), TriggerForm.id.desc()), page)


def regional_new(user: User, page: int = 1, today: date | None = None) -> Page:
    """Submitted forms nobody has claimed, oldest first."""
    return _page(_assessor_rows(user, today).where(TriggerForm.state == S.SUBMITTED)
                 .order_by(TriggerForm.submitted_at, TriggerForm.id), page)


def regional_resubmitted(user: User, page: int = 1, today: date | None = None) -> Page:
    """Resubmitted forms, oldest first; `to_me` marks those routed back to this assessor."""
    query = (_assessor_rows(user, today)
             .add_columns((TriggerForm.assessor_id == user.id).label("to_me"))
             .where(TriggerForm.state == S.RESUBMITTED))
    return _page(query.order_by(TriggerForm.submitted_at, TriggerForm.id), page)


def assessing(user: User, page: int = 1, today: date | None = None) -> Page:
    """Forms this assessor holds, oldest submission first."""
    return _page(_rows(user, today)
                 .where(TriggerForm.state == S.UNDER_ASSESSMENT, TriggerForm.assessor_id == user.id)
                 .order_by(TriggerForm.submitted_at, TriggerForm.id), page)


def forms_in_scope(user: User, page: int = 1, state: S | None = None, today: date | None = None,
                   counts: dict[S, int] | None = None) -> Page:
    """Every form the user may see, newest first, optionally in one state.

    Given the state counts (which the same page shows), the total is read from them rather than
    counted again: in a national scope a count reads every form.
    """
    query = _rows(user, today)
    if state is not None:
        query = query.where(TriggerForm.state == state)
    total = None if counts is None else counts.get(state, 0) if state else sum(counts.values())
    return _page(query.order_by(TriggerForm.created_at.desc(), TriggerForm.id.desc()), page, total)


def state_counts(user: User) -> dict[S, int]:
    """How many forms in scope are in each state (states with none are left out)."""
    rows = db.session.execute(select(TriggerForm.state, func.count(TriggerForm.id))
                              .where(visible_to(user)).group_by(TriggerForm.state))
    return {S(state): count for state, count in rows}


def _today(today: date | None):
    return bindparam("today", today or utcnow().date(), type_=Date)


def _rows(user: User, today: date | None) -> Select:
    """One row per form in the user's scope, with everything the queue tables show."""
    author, assessor = aliased(User), aliased(User)
    on = _today(today)
    return (
        select(
            TriggerForm.id, TriggerForm.number, TriggerForm.working_name, TriggerForm.state,
            TriggerForm.threat_type, TriggerForm.primary_theme, TriggerForm.round, TriggerForm.assessor_id,
            TriggerForm.created_by_id,
            TriggerForm.created_at, TriggerForm.updated_at, TriggerForm.submitted_at, TriggerForm.returned_at,
            TriggerForm.resubmit_by, Force.code.label("force_code"), Force.name.label("force_name"),
            author.name.label("author_name"), assessor.name.label("assessor_name"),
            days_since(TriggerForm.submitted_at, on).label("days_waiting"),
            days_since(TriggerForm.returned_at, on).label("days_since_return"),
            days_since(TriggerForm.updated_at, on).label("days_since_update"),
            (TriggerForm.resubmit_by < on).label("resubmit_overdue"),
            return_count().label("returns"),
        )
        .join(Force, Force.id == TriggerForm.force_id)
        .join(author, author.id == TriggerForm.created_by_id)
        .outerjoin(assessor, assessor.id == TriggerForm.assessor_id)
        .where(visible_to(user))
    )


def _assessor_rows(user: User, today: date | None) -> Select:
    # Separation of duties: an assessor's own force's forms are for the other assessors.
    query = _rows(user, today)
    if user.force_id is not None:
        query = query.where(TriggerForm.force_id != user.force_id)
    return query


def _page(query: Select, number: int, total: int | None = None) -> Page:
    size = current_app.config["PAGE_SIZE"]
    if total is None:
        total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    number = min(max(1, number), max(1, ceil(total / size)))
    rows = db.session.execute(query.limit(size).offset((number - 1) * size)).mappings()
    return Page([dict(row) for row in rows], number, size, total)
