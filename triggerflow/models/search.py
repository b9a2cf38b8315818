"""The words each form is found by; triggerflow.search keeps the row, the full-text index reads it."""

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from triggerflow.db import db


class FormSearchEntry(db.Model):
    __tablename__ = "form_search"

    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"), primary_key=True)
    # Lower-case words separated by spaces, and the sound keys of subjects' names (search.document).
    document: Mapped[str] = mapped_column(Text)
