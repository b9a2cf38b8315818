"""Server-side sessions: the cookie carries a random id, the database keeps its hash and its stage.

A session can be ended from anywhere (sign-out, the person's own sessions page, an
administrator, disabling the account) by deleting its row.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import JSONDocument, PkModel, UTCDateTime, utcnow
from triggerflow.models.user import User, enum_column


class SessionStage(StrEnum):
    CODE = "code"  # the password was right; the two-factor code is still to come
    ENROL = "enrol"  # the password was right; two-factor sign-in must be set up before anything else
    SIGNED_IN = "signed_in"


class UserSession(PkModel):
    __tablename__ = "user_sessions"

    # SHA-256 of the id in the cookie, hex: the id is long and random, so a slow hash adds nothing.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    stage: Mapped[SessionStage] = mapped_column(enum_column(SessionStage, 16))
    device: Mapped[str] = mapped_column(String(120))  # "Firefox on Windows", from the User-Agent
    address: Mapped[str] = mapped_column(String(45))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()


class HeldSubmission(PkModel):
    """What someone sent after their session had timed out, kept until they sign in again and choose
    to send it or not."""

    __tablename__ = "held_submissions"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    path: Mapped[str] = mapped_column(String(2000))  # where it was sent
    back_to: Mapped[str] = mapped_column(String(2000))  # the page it was sent from
    fields: Mapped[list] = mapped_column(JSONDocument)  # [[name, value], ...] less the CSRF token
    held_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
