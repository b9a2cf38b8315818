"""An organisation's OpenID Connect identity provider, through which its people may sign in.

One per force or per region, set up by an administrator. It only says who a person is (their
verified e-mail address); what they may do stays with their TriggerFlow account.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import PkModel, UTCDateTime, utcnow
from triggerflow.models.reference import Force, Region


class IdentityProvider(PkModel):
    __tablename__ = "identity_providers"
    __table_args__ = (CheckConstraint("(force_id IS NULL) <> (region_id IS NULL)", name="one_force_or_region"),)

    # The name on the sign-in button, e.g. "Dorset Police".
    name: Mapped[str] = mapped_column(String(120))
    force_id: Mapped[int | None] = mapped_column(ForeignKey("forces.id"), unique=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), unique=True)
    issuer: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[str] = mapped_column(String(200))
    client_secret: Mapped[str] = mapped_column(String(500))
    # Only addresses at this domain are accepted from the provider, e.g. dorset.police.uk.
    email_domain: Mapped[str] = mapped_column(String(120))
    enabled: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    force: Mapped[Force | None] = relationship()
    region: Mapped[Region | None] = relationship()

    def __repr__(self) -> str:
        return f"<IdentityProvider {self.name}>"
