"""The dashboards' counts, kept as each form moves (triggerflow.rollups): a measure adds up rows per
force and day instead of reading every form of its period.

A row is one figure's count for one force, day, theme, threat type and key; `number` carries a number the figure is
spread over (working days of a stay, returns of a form), so medians are read from histograms.
Each form's own share of the rows is kept beside them, so a move replaces that share exactly.
"""

from datetime import date
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from triggerflow.db import JSONDocument, PkModel, db


class Rollup(PkModel):
    __tablename__ = "rollups"
    __table_args__ = (
        # The key, with the figure, theme, threat type and claimer first and the day next: a measure reads
        # one figure, for any or one theme, threat type and claimer, over a range of days. With the count
        # beside the key (PostgreSQL), a measure reads its rows from the index alone, not from the table.
        Index(
            "ix_rollups_figure",
            *("figure", "theme", "threat_type", "claimed_by", "day", "force_id", "sent", "actor_id", "label", "number"),
            unique=True,
            postgresql_include=["count"],
        ),
    )

    figure: Mapped[str] = mapped_column(String(16))
    force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"))
    day: Mapped[date] = mapped_column(Date)  # the UTC day, as the measures' periods run
    sent: Mapped[bool]  # the form was submitted to the ROCTA: who may count it (queries.scope)
    actor_id: Mapped[int]  # the user the figure is counted under, 0 for none
    label: Mapped[str] = mapped_column(String(32))
    number: Mapped[int]
    # The form's theme and threat type ("" for none), or "*" for the count over every one (rollups.shares.ANY).
    theme: Mapped[str] = mapped_column(String(64))
    threat_type: Mapped[str] = mapped_column(String(32))
    claimed_by: Mapped[int]  # counted again under each assessor who claimed the form; 0 for every form
    count: Mapped[int]


class RollupShare(db.Model):
    __tablename__ = "rollup_shares"

    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"), primary_key=True)
    # The form's counts in `rollups`: [figure, force_id, day (ISO), sent, actor_id, label, number, theme,
    # threat_type, claimed_by, count].
    rows: Mapped[list[Any]] = mapped_column(JSONDocument)
