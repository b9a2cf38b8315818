"""People who sign in, with the one role and the scope (force or region) they work in."""
from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import Enum, ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import UTCDateTime, db, utcnow
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


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
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
    # Part of the id kept in the session cookie: raising it signs the user out everywhere at once.
    session_version: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    force: Mapped[Force | None] = relationship()
    region: Mapped[Region | None] = relationship()

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        """What the session remembers: a session holding an older session_version is no longer valid."""
        return f"{self.id}.{self.session_version}"

    @property
    def scope_label(self) -> str:
        if self.force is not None and self.role is not Role.ASSESSOR:
            return self.force.name
        if self.region is not None:
            return self.region.name
        return "England and Wales" if self.role is Role.MANAGER else "All"

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"
