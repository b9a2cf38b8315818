"""The assessor's side of a return item's thread: close an answered item, or reopen it with a comment.

Items go open -> responded (the force answers, see return_items.respond) -> closed. An item
whose answer is not enough goes back to open: the answer moves into the thread, so the force
answers afresh and the history stays readable. Only the assessor holding the form acts here.
"""

from triggerflow.db import db, transaction, utcnow
from triggerflow.models import CommentKind, ReturnItem, ReturnItemComment, ReturnItemStatus, TriggerForm, User
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, refuse_if_stale
from triggerflow.workflow.service import available_actions


def may_review_items(form: TriggerForm, user: User) -> bool:
    """The assessor holding the form, now: the one who could return it."""
    return "return_to_force" in available_actions(form, user)


def close_item(
    form: TriggerForm, item: ReturnItem, actor: User, comment: str | None, expected_version: int | None
) -> None:
    if not may_review_items(form, actor) or not item.status.closable:
        raise ActionNotAllowed("Only an answered return item can be closed, by the assessor holding the form")

    def change(now):
        item.status = ReturnItemStatus.CLOSED
        if (comment or "").strip():
            db.session.add(_comment(item, actor, CommentKind.ROCTA, comment, now))

    _write(form, expected_version, change)


def reopen_item(form: TriggerForm, item: ReturnItem, actor: User, comment: str, expected_version: int | None) -> None:
    if not may_review_items(form, actor) or not item.status.reopenable:
        raise ActionNotAllowed("Only an answered or closed return item can be reopened, by the assessor holding it")
    if not (comment or "").strip():
        raise Invalid({"comment": "Enter what the force still needs to do"})

    def change(now):
        if item.response:
            db.session.add(
                ReturnItemComment(
                    item_id=item.id,
                    author_id=item.responded_by_id or actor.id,
                    kind=CommentKind.FORCE,
                    body=item.response,
                    at=item.responded_at or now,
                )
            )
        db.session.add(_comment(item, actor, CommentKind.ROCTA, comment, now))
        item.status = ReturnItemStatus.OPEN
        item.response = item.responded_at = item.responded_by_id = None

    _write(form, expected_version, change)


def _comment(item: ReturnItem, actor: User, kind: CommentKind, body: str, now) -> ReturnItemComment:
    return ReturnItemComment(item_id=item.id, author_id=actor.id, kind=kind, body=body.strip(), at=now)


def _write(form: TriggerForm, expected_version: int | None, change) -> None:
    refuse_if_stale(form, expected_version)
    with transaction():
        now = utcnow()
        change(now)
        form.updated_at = now  # a new version of the form: nobody acts on the item from a stale page
