"""API request counts per caller and window, shared by every app server on the database."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from triggerflow.db import UTCDateTime, db


class RateLimitCounter(db.Model):
    """One fixed window of one limit for one caller (see triggerflow.api.limit_storage)."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int]
    # The window ends here; a hit after it starts the count again.
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
