"""Return items: drafted by the assessor, sent with the return, answered by the force.

An item is PENDING while the assessor builds the return (the force cannot see it), becomes
OPEN when the form is returned, and RESPONDED once the force answers it.
"""

from functools import cache

from flask import abort
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload

from triggerflow.content import vocab
from triggerflow.content.sections import SECTIONS_BY_KEY
from triggerflow.db import db, transaction, utcnow
from triggerflow.models import ReturnItem, ReturnItemStatus, TriggerForm, User
from triggerflow.notifications import hand_off
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, refuse_if_stale
from triggerflow.workflow.next_step import unanswered_items
from triggerflow.workflow.permissions import may_edit
from triggerflow.workflow.service import available_actions
from triggerflow.workflow.states import FormState

QUESTION_IN_SECTION = "Select a question in the section you chose, or the whole section"


@cache
def _items(include_pending: bool) -> Select:
    # Every form's page asks this: built once, with the form bound in. Each item's thread names who
    # wrote and who answered it, so they come in the same statement, by name and role only: each
    # read on its own, with their force and region, was a fifth of the form page's ORM time.
    people = (joinedload(ReturnItem.created_by).lazyload("*"), joinedload(ReturnItem.responded_by).lazyload("*"))
    query = select(ReturnItem).options(*people).where(ReturnItem.form_id == bindparam("form_id"))
    if not include_pending:
        query = query.where(ReturnItem.status != ReturnItemStatus.PENDING)
    return query.order_by(ReturnItem.round.desc(), ReturnItem.id)


def items_for(form: TriggerForm, *, include_pending: bool) -> list[ReturnItem]:
    return list(db.session.scalars(_items(include_pending), {"form_id": form.id}))


def add_pending(
    form: TriggerForm, actor: User, *, section: str, reason_code: str, comment: str, field: str | None = None
) -> ReturnItem:
    if "return_to_force" not in available_actions(form, actor):
        raise ActionNotAllowed("Only the assessor holding the form may add return items")
    errors = {}
    if section not in SECTIONS_BY_KEY:
        errors["section"] = "Select the section the item is about"
    elif field and not SECTIONS_BY_KEY[section].asks(field):
        errors["field"] = QUESTION_IN_SECTION
    if reason_code not in dict(vocab.RETURN_REASONS):
        errors["reason_code"] = "Select the reason for the return"
    if not (comment or "").strip():
        errors["comment"] = "Enter a comment for the force"
    if errors:
        raise Invalid(errors)
    item = ReturnItem(
        form_id=form.id,
        round=form.round,
        section=section,
        field=field or None,
        reason_code=reason_code,
        comment=comment.strip(),
        created_by_id=actor.id,
    )
    with transaction():
        db.session.add(item)
    return item


def remove_pending(form: TriggerForm, item: ReturnItem, actor: User) -> None:
    if "return_to_force" not in available_actions(form, actor) or item.status.sent:
        raise ActionNotAllowed("Only a return item that has not been sent can be removed")
    with transaction():
        db.session.delete(item)


def respond(form: TriggerForm, item: ReturnItem, actor: User, response: str, expected_version: int | None) -> None:
    """The force's answer to an item; changes the form's version so nobody answers over it unseen."""
    if not may_edit(form, actor) or not item.status.answerable:
        raise ActionNotAllowed("This return item cannot be answered now")
    refuse_if_stale(form, expected_version)
    if not (response or "").strip():
        raise Invalid({"response": "Enter your response to the return item"})
    with transaction():
        answering = item.status is ReturnItemStatus.OPEN
        item.response = response.strip()
        item.status = ReturnItemStatus.RESPONDED
        item.responded_at = utcnow()
        item.responded_by_id = actor.id
        form.updated_at = item.responded_at
        db.session.flush()
        # Only the answer that leaves none open hands the form on; editing an answer does not.
        if answering and form.state is FormState.RETURNED and not unanswered_items(form):
            hand_off.queue_ready_to_resubmit(form, actor, item.responded_at)


def get_item_or_404(form: TriggerForm, item_id: int, *, include_pending: bool) -> ReturnItem:
    item = db.session.get(ReturnItem, item_id)
    if item is None or item.form_id != form.id or (item.status is ReturnItemStatus.PENDING and not include_pending):
        abort(404)
    return item
