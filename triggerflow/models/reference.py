"""Regions (ROCUs) and the forces each one serves."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import PkModel


class Region(PkModel):
    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(120))

    forces: Mapped[list["Force"]] = relationship(back_populates="region", order_by="Force.name")

    def __repr__(self) -> str:
        return f"<Region {self.code}>"


class Force(PkModel):
    __tablename__ = "forces"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    # With the gate on, officers send drafts to the force SPOC, who submits them to the ROCTA.
    spoc_gate: Mapped[bool] = mapped_column(default=True)

    region: Mapped[Region] = relationship(back_populates="forces")

    def __repr__(self) -> str:
        return f"<Force {self.code}>"
