"""What a form's pages list as plain, read-only rows: its history, versions, notes and comments.

A page lists dozens of these and changes none. Building an ORM object for each, and another for
each person, cost more than reading them, so each is a frozen record of the columns shown, with
its person as a Person: templates, the API's schemas and the rules read them as they read models.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, select

from triggerflow.db import read
from triggerflow.models import CommentKind, FormEvent, FormSnapshot, InternalNote, ReturnItemComment, Role, User
from triggerflow.workflow.states import FormState

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    action: str
    from_state: FormState | None
    to_state: FormState
    at: datetime
    round: int
    reason_code: str | None
    comment: str | None
    details: dict[str, Any]
    actor: Person | None  # None when the service acted on its own (a lapse)


@dataclass(frozen=True, slots=True)
class Version:
    id: int
    sequence: int
    round: int
    criteria_version: int | None
    created_at: datetime
    created_by: Person


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    body: str
    at: datetime
    author: Person


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    item_id: int
    kind: CommentKind
    body: str
    at: datetime
    author: Person


EVENT_COLUMNS = (
    FormEvent.id,
    FormEvent.action,
    FormEvent.from_state,
    FormEvent.to_state,
    FormEvent.at,
    FormEvent.round,
    FormEvent.reason_code,
    FormEvent.comment,
    FormEvent.details,
)
VERSION_COLUMNS = (
    FormSnapshot.id,
    FormSnapshot.sequence,
    FormSnapshot.round,
    FormSnapshot.criteria_version,
    FormSnapshot.created_at,
)
NOTE_COLUMNS = (InternalNote.id, InternalNote.body, InternalNote.at)
COMMENT_COLUMNS = (
    ReturnItemComment.id,
    ReturnItemComment.item_id,
    ReturnItemComment.kind,
    ReturnItemComment.body,
    ReturnItemComment.at,
)


def with_person(columns: Sequence[Any], person_id: Any) -> Select:
    """The columns and, last, the person person_id names (outer-joined: an event may have no actor)."""
    return select(*columns, person_id, User.name, User.role).outerjoin(User, User.id == person_id)


def records(kind: Callable[..., T], statement: Select, params: dict[str, Any]) -> list[T]:
    """The statement's rows as `kind`, whose fields are with_person's columns in their order."""
    return [_record(kind, row) for row in read(statement, params)]


def _record(kind: Callable[..., T], row: Sequence[Any]) -> T:
    *fields, person_id, name, role = row
    return kind(*fields, _person(person_id, name, role))


def _person(person_id: int | None, name: str | None, role: Role | None) -> Person | None:
    return None if person_id is None or name is None or role is None else Person(person_id, name, role)
