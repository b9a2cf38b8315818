"""What the assessor records when a threat is accepted (DESIGN section 5)."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import JSONDocument, PkModel, UTCDateTime, utcnow
from triggerflow.models.reference import Force
from triggerflow.models.user import User


class AcceptanceRecord(PkModel):
    __tablename__ = "acceptance_records"

    # Not unique: a reconsidered acceptance keeps its record, and the form may be accepted again.
    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"), index=True)
    threat_type: Mapped[str] = mapped_column(String(32))
    primary_theme: Mapped[str] = mapped_column(String(64))
    secondary_themes: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    apmis_reference: Mapped[str | None] = mapped_column(String(64))
    # MoRiLE results exactly as entered from the MoRiLE tool; TriggerFlow does not recompute them.
    morile_harm: Mapped[str] = mapped_column(String(32))
    morile_likelihood: Mapped[str] = mapped_column(String(32))
    morile_risk: Mapped[str] = mapped_column(String(32))
    morile_confidence: Mapped[str] = mapped_column(String(16))
    morile_organisational_position: Mapped[str] = mapped_column(String(120))
    morile_priority: Mapped[str] = mapped_column(String(16))
    # Scores by harm category, each with its confidence, as the MoRiLE assessment gives them:
    # a list of {"category", "score", "confidence"}.
    morile_scores: Mapped[list[dict[str, str]]] = mapped_column(JSONDocument, default=list)
    soc: Mapped[str | None] = mapped_column(String(16))  # "soc" or "non_soc", as on the master list
    moderation_status: Mapped[str | None] = mapped_column(String(32))
    phase: Mapped[str | None] = mapped_column(String(32))
    pnd_reference: Mapped[str | None] = mapped_column(String(64))
    # Records made before the threat register graded the threat and named its LRO here; the
    # register now keeps the LRO and its dates, and major/moderate/minor grades disruptions.
    category: Mapped[str | None] = mapped_column(String(16))
    tier: Mapped[int]
    management_level: Mapped[str] = mapped_column(String(16))
    owning_force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"))
    lro_name: Mapped[str | None] = mapped_column(String(120))
    lro_organisation: Mapped[str | None] = mapped_column(String(120))
    lro_appointed_on: Mapped[date | None] = mapped_column(Date)
    plan_due_on: Mapped[date | None] = mapped_column(Date)
    next_review_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owning_force: Mapped[Force] = relationship()
    recorded_by: Mapped[User] = relationship()

    def as_dict(self) -> dict[str, Any]:
        return {c.key: getattr(self, c.key) for c in self.__table__.columns}
