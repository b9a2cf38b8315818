"""A person's own sign-in details: their live sessions and how many recovery codes they have left."""

from datetime import datetime

from sqlalchemy import func, select

from triggerflow.accounts.sessions import absolute_limit, idle_limit
from triggerflow.db import db, utcnow
from triggerflow.models import RecoveryCode, SessionStage, UserSession


def live_sessions(user_id: int, now: datetime | None = None) -> list[dict]:
    """The user's signed-in sessions that have not run out, most recently used first."""
    now = now or utcnow()
    rows = db.session.execute(
        select(
            UserSession.id, UserSession.device, UserSession.address, UserSession.created_at, UserSession.last_seen_at
        )
        .where(
            UserSession.user_id == user_id,
            UserSession.stage == SessionStage.SIGNED_IN,
            UserSession.last_seen_at > now - idle_limit(),
            UserSession.created_at > now - absolute_limit(),
        )
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    ).mappings()
    return [dict(row) for row in rows]


def recovery_codes_left(user_id: int) -> int:
    return db.session.execute(
        select(func.count(RecoveryCode.id)).where(RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))
    ).scalar_one()
