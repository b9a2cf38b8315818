"""Server-side sessions: the cookie holds a random id; the user_sessions row says whose it is and how far
they have signed in. Deleting the row ends the session at once, wherever the cookie is.

A session ends after SESSION_IDLE_MINUTES without a request or SESSION_ABSOLUTE_HOURS after
sign-in; one waiting for its two-factor code lasts CODE_STEP_LASTS. The last-seen time is written
at most once a minute, so most requests cost one indexed read and no write.
"""

import hashlib
import secrets
from datetime import datetime, timedelta
from functools import cache
from typing import Any, cast

from flask import current_app
from sqlalchemy import CursorResult, Select, bindparam, delete, or_, select
from sqlalchemy.orm import contains_eager

from triggerflow.accounts.devices import describe_device
from triggerflow.audit.security_log import security_event
from triggerflow.db import db, transaction, utcnow
from triggerflow.models import HeldSubmission, SessionStage, User, UserSession

TOUCH_EVERY = timedelta(minutes=1)
CODE_STEP_LASTS = timedelta(minutes=10)


def _digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8", "surrogatepass")).hexdigest()


def idle_limit() -> timedelta:
    return timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])


def absolute_limit() -> timedelta:
    return timedelta(hours=current_app.config["SESSION_ABSOLUTE_HOURS"])


def start(user: User, stage: SessionStage, *, address: str, user_agent: str) -> str:
    """A new session for the user; returns its id for the cookie (the caller commits)."""
    session_id = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.add(
        UserSession(
            token_hash=_digest(session_id),
            user=user,
            stage=stage,
            address=address[:45],
            device=describe_device(user_agent),
            created_at=now,
            last_seen_at=now,
        )
    )
    return session_id


@cache
def _by_digest() -> Select:
    # Every request asks this: built once, with the digest bound in.
    return (
        select(UserSession)
        .join(UserSession.user)
        .options(contains_eager(UserSession.user))
        .where(UserSession.token_hash == bindparam("token_hash"))
    )


def find(session_id: str, now: datetime | None = None) -> tuple[UserSession | None, str | None]:
    """(the session with this id, with its user; why it has run out, or None while it is live)."""
    now = now or utcnow()
    row = db.session.scalar(_by_digest(), {"token_hash": _digest(session_id)})
    if row is None:
        return None, None
    ended = _why_ended(row, now)
    if ended is None and now - row.last_seen_at >= TOUCH_EVERY:
        with transaction():
            row.last_seen_at = now
    return row, ended


def _why_ended(row: UserSession, now: datetime) -> str | None:
    if not row.user.active:
        return "user_disabled"
    if row.stage is SessionStage.CODE and now - row.created_at > CODE_STEP_LASTS:
        return "code_not_entered"
    if now - row.last_seen_at > idle_limit():
        return "idle"
    if now - row.created_at > absolute_limit():
        return "absolute"
    return None


def complete(row: UserSession) -> str:
    """The session is fully signed in from now, under a new id (the caller commits)."""
    session_id = secrets.token_urlsafe(32)
    row.token_hash, row.stage = _digest(session_id), SessionStage.SIGNED_IN
    row.created_at = row.last_seen_at = utcnow()
    return session_id


def end(row: UserSession, reason: str) -> None:
    """Ends one session (the caller commits)."""
    db.session.delete(row)
    security_event("session.ended", reason=reason, subject_user_id=row.user_id)


def end_all(user: User, reason: str, keep: UserSession | None = None) -> int:
    """Ends every session of the user, but `keep`; returns how many (the caller commits)."""
    query = delete(UserSession).where(UserSession.user_id == user.id)
    if keep is not None:
        query = query.where(UserSession.id != keep.id)
    ended = cast("CursorResult[Any]", db.session.execute(query.execution_options(synchronize_session=False))).rowcount
    if ended:
        security_event("session.ended", reason=reason, subject_user_id=user.id, sessions=ended)
    return ended


def purge_expired(now: datetime) -> None:
    """Removes sessions and held submissions past their time (the caller commits)."""
    db.session.execute(
        delete(UserSession)
        .where(or_(UserSession.last_seen_at < now - idle_limit(), UserSession.created_at < now - absolute_limit()))
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        delete(HeldSubmission)
        .where(HeldSubmission.held_at < now - absolute_limit())
        .execution_options(synchronize_session=False)
    )
