"""What the assessor reviews on a form: the threads of its return items and the versions it compares."""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Select, bindparam, func, select

from triggerflow.db import db
from triggerflow.models import FormEvent, FormSnapshot, ReturnItem, ReturnItemComment, TriggerForm, User
from triggerflow.queries.listed import COMMENT_COLUMNS, Comment, records, with_person


def threads(items: list[ReturnItem]) -> dict[int, list[Comment]]:
    """Each item's comments after its first, oldest first, by item id."""
    found: dict[int, list[Comment]] = {item.id: [] for item in items}
    if not found:
        return found
    for comment in records(Comment, _comments(), {"item_ids": list(found)}):
        found[comment.item_id].append(comment)
    return found


@cache
def _comments() -> Select:
    # Every form's page with return items asks this: built once, with the items bound in. Only the
    # authors' names and roles are shown, so only those are read.
    return (
        with_person(COMMENT_COLUMNS, ReturnItemComment.author_id)
        .where(ReturnItemComment.item_id.in_(bindparam("item_ids", expanding=True)))
        .order_by(ReturnItemComment.at, ReturnItemComment.id)
    )


@dataclass(frozen=True)
class Comparison:
    old: FormSnapshot
    new: FormSnapshot


def snapshot(form: TriggerForm, sequence: int) -> FormSnapshot | None:
    return db.session.scalar(
        select(FormSnapshot).where(FormSnapshot.form_id == form.id, FormSnapshot.sequence == sequence)
    )


def since_last_review(form: TriggerForm, viewer: User) -> Comparison | None:
    """The newest version against the one before the viewer's last return of it (anyone's, if they
    never returned it); None before the form has been resubmitted."""
    newest = db.session.scalar(select(func.max(FormSnapshot.sequence)).where(FormSnapshot.form_id == form.id))
    if not newest or newest < 2:
        return None
    returned_at = _last_return(form, viewer.id) or _last_return(form, None)
    query = select(func.max(FormSnapshot.sequence)).where(
        FormSnapshot.form_id == form.id, FormSnapshot.sequence < newest
    )
    if returned_at is not None:
        query = query.where(FormSnapshot.created_at <= returned_at)
    reviewed = db.session.scalar(query) or newest - 1
    older, newer = snapshot(form, reviewed), snapshot(form, newest)
    return Comparison(older, newer) if older and newer else None


def _last_return(form: TriggerForm, actor_id: int | None):
    query = select(func.max(FormEvent.at)).where(FormEvent.form_id == form.id, FormEvent.action == "return_to_force")
    if actor_id is not None:
        query = query.where(FormEvent.actor_id == actor_id)
    return db.session.scalar(query)
