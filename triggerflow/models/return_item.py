"""What the ROCTA asks the force to put right, one item per problem."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import PkModel, UTCDateTime, utcnow
from triggerflow.models.user import User, enum_column


class ReturnItemStatus(StrEnum):
    PENDING = "pending"  # being drafted by the assessor; the force cannot see it yet
    OPEN = "open"
    RESPONDED = "responded"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {"pending": "Not yet sent", "open": "Needs a response", "responded": "Responded", "closed": "Closed"}[
            self.value
        ]

    @property
    def tag_colour(self) -> str:
        return {"pending": "grey", "open": "orange", "responded": "blue", "closed": "green"}[self.value]

    @property
    def sent(self) -> bool:
        """Gone to the force: no longer the assessor's draft to take back."""
        return self is not ReturnItemStatus.PENDING

    @property
    def awaiting_response(self) -> bool:
        return self is ReturnItemStatus.OPEN

    @property
    def answerable(self) -> bool:
        """The force may answer, or change its answer, until the assessor closes the item."""
        return self in (ReturnItemStatus.OPEN, ReturnItemStatus.RESPONDED)

    @property
    def closable(self) -> bool:
        return self is ReturnItemStatus.RESPONDED

    @property
    def reopenable(self) -> bool:
        """An answered or closed item the assessor may send back to the force."""
        return self in (ReturnItemStatus.RESPONDED, ReturnItemStatus.CLOSED)


class ReturnItem(PkModel):
    __tablename__ = "return_items"

    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"), index=True)
    round: Mapped[int]
    section: Mapped[str] = mapped_column(String(1))
    field: Mapped[str | None] = mapped_column(String(64))
    reason_code: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str] = mapped_column(Text)
    status: Mapped[ReturnItemStatus] = mapped_column(
        enum_column(ReturnItemStatus), default=ReturnItemStatus.PENDING, index=True
    )
    response: Mapped[str | None] = mapped_column(Text)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    responded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    responded_by: Mapped[User | None] = relationship(foreign_keys=[responded_by_id])
