"""Each return item as it went out with each return: the history the reason counts are read from.

A return item reopened and sent back in a later return is one item, whose round and return date
move on; the rows here do not, so a period's reasons stay as they were counted.
"""

from datetime import datetime

from sqlalchemy import ColumnElement, ForeignKey, Index, Insert, String, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from triggerflow.db import PkModel, UTCDateTime
from triggerflow.models.return_item import ReturnItem


class ReturnedItem(PkModel):
    __tablename__ = "returned_items"
    __table_args__ = (
        # Reasons by period, per form and force: read from the index alone.
        Index("ix_returned_items_returned_at", "returned_at", "form_id", "reason_code"),
    )

    item_id: Mapped[int] = mapped_column(ForeignKey("return_items.id"), index=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"))
    round: Mapped[int]
    returned_at: Mapped[datetime] = mapped_column(UTCDateTime)
    section: Mapped[str] = mapped_column(String(1))
    reason_code: Mapped[str] = mapped_column(String(8))


def record_of(*where: ColumnElement[bool]) -> Insert:
    """An INSERT of the return items matching `where`, each as it goes out now, into this history."""
    columns = ("item_id", "form_id", "round", "returned_at", "section", "reason_code")
    return insert(ReturnedItem).from_select(
        columns,
        select(
            ReturnItem.id,
            ReturnItem.form_id,
            ReturnItem.round,
            ReturnItem.returned_at,
            ReturnItem.section,
            ReturnItem.reason_code,
        )
        .where(*where)
        .order_by(ReturnItem.id),
    )
