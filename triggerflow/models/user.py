"""People who sign in, with the one role and the scope (force or region) they work in."""

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import Enum, ForeignKey, String, and_, text
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import PkModel, UTCDateTime, utcnow
from triggerflow.models.reference import Force, Region


class Role(StrEnum):
    OFFICER = "officer"
    SPOC = "spoc"
    ASSESSOR = "assessor"
    MANAGER = "manager"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {
            Role.OFFICER: "Force officer",
            Role.SPOC: "Force SPOC",
            Role.ASSESSOR: "ROCTA assessor",
            Role.MANAGER: "Manager",
            Role.ADMIN: "Administrator",
        }[self]


def enum_column(enum_class, length: int = 32) -> Enum:
    """A portable VARCHAR + CHECK column that stores an enum's values, not its names."""
    return Enum(
        enum_class,
        native_enum=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class User(UserMixin, PkModel):
    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    # Officers, SPOCs and force managers belong to a force; an assessor may also have a home
    # force (separation of duties). Assessors and regional managers belong to a region.
    # A manager with neither has national scope.
    force_id: Mapped[int | None] = mapped_column(ForeignKey("forces.id"), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Consecutive failed sign-ins (a wrong password or code) and the lockout they have earned.
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Two-factor sign-in: the authenticator's secret once set up, and the time step of the last
    # code accepted, so that no code is accepted twice.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    two_factor_enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    totp_last_step: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Loaded with the user: every page's header names them (scope_label).
    force: Mapped[Force | None] = relationship(lazy="joined")
    region: Mapped[Region | None] = relationship(lazy="joined")

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def has_two_factor(self) -> bool:
        return self.two_factor_enrolled_at is not None

    @hybrid_method
    def manages_region(self, region_id: int | None) -> bool:
        """A regional manager of this region: a manager of the region's ROCTA, who belongs to no force."""
        return (
            self.role is Role.MANAGER
            and self.force_id is None
            and region_id is not None
            and self.region_id == region_id
        )

    @manages_region.expression
    def manages_region(cls, region_id):  # noqa: N805 - the same rule in SQL, on the class: for choosing whom to tell
        return and_(cls.role == Role.MANAGER, cls.force_id.is_(None), cls.region_id == region_id)

    @property
    def scope_label(self) -> str:
        if self.force is not None and self.role is not Role.ASSESSOR:
            return self.force.name
        if self.region is not None:
            return self.region.name
        return "England and Wales" if self.role is Role.MANAGER else "All"

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"
