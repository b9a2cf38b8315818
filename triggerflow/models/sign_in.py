"""What signing in needs besides the user: recovery codes, and failed attempts per network address."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from triggerflow.db import PkModel, UTCDateTime, db


class RecoveryCode(PkModel):
    """A single-use code for signing in without the authenticator; only its hash is kept."""

    __tablename__ = "recovery_codes"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # SHA-256, hex: each code carries 80 random bits, so a slow hash adds nothing.
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AddressFailures(db.Model):
    """Failed sign-in attempts from one network address within the current window.

    Kept in the database so that every worker process counts the same attempts.
    """

    __tablename__ = "sign_in_address_failures"

    address: Mapped[str] = mapped_column(String(45), primary_key=True)
    window_started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    failures: Mapped[int]
