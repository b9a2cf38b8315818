"""What the ROCTA and the force say about a form besides its answers: item threads and internal notes."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import PkModel, UTCDateTime, utcnow
from triggerflow.models.user import User, enum_column


class CommentKind(StrEnum):
    ROCTA = "rocta"
    FORCE = "force"

    @property
    def label(self) -> str:
        return {"rocta": "ROCTA", "force": "Force"}[self.value]


class ReturnItemComment(PkModel):
    """One message in a return item's thread, after the assessor's first comment on the item itself."""

    __tablename__ = "return_item_comments"

    item_id: Mapped[int] = mapped_column(ForeignKey("return_items.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[CommentKind] = mapped_column(enum_column(CommentKind, length=8))
    body: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User] = relationship()


class InternalNote(PkModel):
    """A ROCTA note on a form. Forces never see these: read them only through queries.internal_notes."""

    __tablename__ = "internal_notes"

    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User] = relationship()
