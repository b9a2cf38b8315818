"""Reading and ageing sessions as the database holds them."""

from datetime import timedelta

from sqlalchemy import func, select, update

from triggerflow.db import db
from triggerflow.models import User, UserSession


def sessions_of(user: User) -> list[UserSession]:
    db.session.expire_all()
    return list(db.session.scalars(select(UserSession).where(UserSession.user_id == user.id).order_by(UserSession.id)))


def count_sessions() -> int:
    return db.session.scalar(select(func.count(UserSession.id)))


def age_sessions(user: User, *, idle: timedelta = timedelta(0), since_sign_in: timedelta = timedelta(0)) -> None:
    """As if the user's sessions had last been used `idle` ago and started `since_sign_in` ago."""
    for row in sessions_of(user):
        db.session.execute(
            update(UserSession)
            .where(UserSession.id == row.id)
            .values(last_seen_at=row.last_seen_at - idle, created_at=row.created_at - since_sign_in)
        )
    db.session.commit()
