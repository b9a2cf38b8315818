"""Each role's queues of work for the home page: what each queue holds, and in what order.

SELECTs only, one page at a time (queries.pages), with the force, the people, the day counts and
the queue's length computed in SQL, so a page of a queue is one query.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    CompoundSelect,
    Date,
    Integer,
    Select,
    bindparam,
    case,
    func,
    select,
    union_all,
)
from sqlalchemy.orm import aliased

from triggerflow.db import db
from triggerflow.models import Force, FormEvent, ReturnItem, ReturnItemStatus, TriggerForm, User
from triggerflow.queries.clocks import days_since, return_count
from triggerflow.queries.pages import Page, page_of
from triggerflow.queries.scope import scope_kind, scope_params, scoped
from triggerflow.workflow.states import FormState as S

# The officer's own forms: what needs them first, finished work last.
_OFFICER_ORDER = (
    S.RETURNED,
    S.LAPSED,
    S.DRAFT,
    S.SPOC_REVIEW,
    S.SUBMITTED,
    S.RESUBMITTED,
    S.UNDER_ASSESSMENT,
    S.ACCEPTED,
    S.REJECTED,
    S.WITHDRAWN,
)
_USER = bindparam("user_id", type_=Integer)
_OWN_FORCE = bindparam("own_force_id", type_=Integer)
_TODAY = bindparam("today", type_=Date)
_STATE: BindParameter[Any] = bindparam("state")


@dataclass(frozen=True)
class Queue:
    """One queue of work: a page of what its statement holds, in the statement's order."""

    build: Callable[[str], Select]

    def __call__(self, user: User, page: int = 1, today: date | None = None) -> Page:
        return page_of(self.build, user, page, today)


class StateCounts(dict):
    """How many forms are in each state. Counted with a cap, a state past it counts cap + 1, which
    stands for "more than cap": so a national list costs the same however many forms there are."""

    def __init__(self, counts: dict[S, int], cap: int | None = None) -> None:
        super().__init__(counts)
        self.cap = cap

    def total(self, state: S | None = None) -> int:
        """In one state, or in any; at least this many when not exact."""
        return self.get(state, 0) if state else sum(self.values())

    def exact(self, state: S | None = None) -> bool:
        return self.cap is None or all(n <= self.cap for s, n in self.items() if state in (None, s))


def forms_in_scope(
    user: User, page: int = 1, state: S | None = None, today: date | None = None, counts: StateCounts | None = None
) -> Page:
    """Every form the user may see, newest first, optionally in one state.

    Given the state counts (which the same page shows), the total is read from them rather than
    counted again: in a national scope a count reads every form. Capped counts can make the total
    a lower bound, and the page then looks one row ahead to know whether another follows.
    """
    if counts is None:
        return page_of(_in_state if state else _everything, user, page, today, state=state, count_alone=True)
    return page_of(
        _in_state if state else _everything, user, page, today, counts.total(state), counts.exact(state), state=state
    )


def state_counts(user: User, cap: int | None = None) -> StateCounts:
    """How many forms in scope are in each state (states with none are left out), optionally capped."""
    kind = scope_kind(user)
    rows = db.session.execute(_capped_counts(kind, cap) if cap else _counts(kind), scope_params(user))
    return StateCounts({S(state): count for state, count in rows if count}, cap)


@cache
def _counts(kind: str) -> Select:
    return select(TriggerForm.state, func.count(TriggerForm.id)).where(scoped(kind)).group_by(TriggerForm.state)


@cache
def _capped_counts(kind: str, cap: int) -> CompoundSelect:
    # One index range per state, each stopping at cap + 1 rows.
    def one(state: S) -> Select:
        found = select(TriggerForm.state).where(scoped(kind), TriggerForm.state == state).limit(cap + 1).subquery()
        return select(found.c.state, func.count()).group_by(found.c.state)

    return union_all(*(one(state) for state in S))


def queue_rows(kind: str) -> Select:
    """One row per form in the scope, with everything the queue tables show."""
    author, assessor = aliased(User), aliased(User)
    return (
        select(
            TriggerForm.id,
            TriggerForm.number,
            TriggerForm.working_name,
            TriggerForm.state,
            TriggerForm.threat_type,
            TriggerForm.primary_theme,
            TriggerForm.round,
            TriggerForm.assessor_id,
            TriggerForm.created_by_id,
            TriggerForm.created_at,
            TriggerForm.updated_at,
            TriggerForm.submitted_at,
            TriggerForm.returned_at,
            TriggerForm.resubmit_by,
            Force.code.label("force_code"),
            Force.name.label("force_name"),
            author.name.label("author_name"),
            assessor.name.label("assessor_name"),
            days_since(TriggerForm.submitted_at, _TODAY).label("days_waiting"),
            days_since(TriggerForm.returned_at, _TODAY).label("days_since_return"),
            days_since(TriggerForm.updated_at, _TODAY).label("days_since_update"),
            (TriggerForm.resubmit_by < _TODAY).label("resubmit_overdue"),
            return_count().label("returns"),
        )
        .join(Force, Force.id == TriggerForm.force_id)
        .join(author, author.id == TriggerForm.created_by_id)
        .outerjoin(assessor, assessor.id == TriggerForm.assessor_id)
        .where(scoped(kind))
    )


def _mine(kind: str) -> Select:
    rank = case({state: n for n, state in enumerate(_OFFICER_ORDER)}, value=TriggerForm.state)
    return (
        queue_rows(kind)
        .where(TriggerForm.created_by_id == _USER)
        .order_by(rank, TriggerForm.resubmit_by, TriggerForm.updated_at.desc(), TriggerForm.id.desc())
    )


def _review(kind: str) -> Select:
    sent = (
        select(func.max(FormEvent.at))
        .where(FormEvent.form_id == TriggerForm.id, FormEvent.action == "send_to_spoc")
        .correlate(TriggerForm)
        .scalar_subquery()
    )
    return (
        queue_rows(kind)
        .add_columns(sent.label("sent_to_spoc_at"), days_since(sent, _TODAY).label("days_with_spoc"))
        .where(TriggerForm.state == S.SPOC_REVIEW)
        .order_by(sent, TriggerForm.id)
    )


def _unanswered():
    return (
        select(func.count(ReturnItem.id))
        .where(ReturnItem.form_id == TriggerForm.id, ReturnItem.status == ReturnItemStatus.OPEN)
        .correlate(TriggerForm)
        .scalar_subquery()
    )


def _returns(kind: str) -> Select:
    # Returned forms with every item answered are in the ready queue instead.
    unanswered = _unanswered()
    still_with_force = (TriggerForm.state == S.LAPSED) | (unanswered > 0)
    return (
        queue_rows(kind)
        .add_columns(unanswered.label("unanswered_items"))
        .where(TriggerForm.state.in_([S.RETURNED, S.LAPSED]), still_with_force)
        .order_by(TriggerForm.returned_at, TriggerForm.id)
    )


def _ready(kind: str) -> Select:
    unanswered = _unanswered()
    return (
        queue_rows(kind)
        .add_columns(unanswered.label("unanswered_items"))
        .where(TriggerForm.state == S.RETURNED, unanswered == 0)
        .order_by(TriggerForm.resubmit_by, TriggerForm.returned_at, TriggerForm.id)
    )


def _drafts(kind: str) -> Select:
    return (
        queue_rows(kind)
        .where(TriggerForm.state == S.DRAFT)
        .order_by(TriggerForm.updated_at.desc(), TriggerForm.id.desc())
    )


def _assessor_rows(kind: str) -> Select:
    # Separation of duties: an assessor's own force's forms are for the other assessors.
    return queue_rows(kind).where(TriggerForm.force_id != _OWN_FORCE)


def _new(kind: str) -> Select:
    return (
        _assessor_rows(kind).where(TriggerForm.state == S.SUBMITTED).order_by(TriggerForm.submitted_at, TriggerForm.id)
    )


def _resubmitted(kind: str) -> Select:
    return (
        _assessor_rows(kind)
        .add_columns((TriggerForm.assessor_id == _USER).label("to_me"))
        .where(TriggerForm.state == S.RESUBMITTED)
        .order_by(TriggerForm.submitted_at, TriggerForm.id)
    )


def _assessing(kind: str) -> Select:
    return (
        queue_rows(kind)
        .where(TriggerForm.state == S.UNDER_ASSESSMENT, TriggerForm.assessor_id == _USER)
        .order_by(TriggerForm.submitted_at, TriggerForm.id)
    )


def _everything(kind: str) -> Select:
    return queue_rows(kind).order_by(TriggerForm.created_at.desc(), TriggerForm.id.desc())


def _in_state(kind: str) -> Select:
    return _everything(kind).where(TriggerForm.state == _STATE)


# The queues of each role's home page (and of the API), by what they hold.
my_forms = Queue(_mine)  # the officer's own: returned first (soonest resubmit-by first), then by state
awaiting_review = Queue(_review)  # sent to the SPOC by the force's officers, longest waiting first
force_returns = Queue(_returns)  # the force's returned and lapsed forms, longest since return first
ready_to_resubmit = Queue(_ready)  # returned with every item answered: the SPOCs' to resubmit, soonest due first
force_drafts = Queue(_drafts)
regional_new = Queue(_new)  # submitted and claimed by nobody, oldest first
regional_resubmitted = Queue(_resubmitted)  # oldest first; `to_me` marks those routed back to this assessor
assessing = Queue(_assessing)  # those this assessor holds, oldest submission first
