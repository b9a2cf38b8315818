"""What someone sent after their session had timed out. It is kept, not acted on, and offered back to
the same person when they next sign in, for them to send again or leave: typed work is not lost,
and nothing is done without them asking a second time.
"""

from sqlalchemy import delete, select

from triggerflow.accounts.sessions import absolute_limit
from triggerflow.db import db, transaction, utcnow
from triggerflow.models import HeldSubmission, User


def hold(user_id: int, path: str, back_to: str, fields: list[tuple[str, str]]) -> None:
    with transaction():
        db.session.add(HeldSubmission(user_id=user_id, path=path, back_to=back_to, fields=[list(f) for f in fields]))


def take(user: User) -> HeldSubmission | None:
    """The user's latest held submission, if recent; it is no longer kept once taken."""
    held = db.session.scalar(
        select(HeldSubmission)
        .where(HeldSubmission.user_id == user.id, HeldSubmission.held_at > utcnow() - absolute_limit())
        .order_by(HeldSubmission.held_at.desc(), HeldSubmission.id.desc())
        .limit(1)
    )
    with transaction():
        db.session.execute(delete(HeldSubmission).where(HeldSubmission.user_id == user.id))
    return held
