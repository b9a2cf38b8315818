"""Walks every form's event chain and reports each break: `flask --app triggerflow verify-audit`.

Forms are read in batches by id, each batch's events in one query in chain order, so memory
holds one batch however many events there are.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import select

from triggerflow.audit.chain import FIELDS, GENESIS, link
from triggerflow.db import db
from triggerflow.models import FormEvent, TriggerForm

FORMS_PER_BATCH = 500


@dataclass(frozen=True)
class Break:
    form_number: str
    event_id: int | None
    problem: str

    def __str__(self) -> str:
        where = f"event {self.event_id}" if self.event_id is not None else "no event"
        return f"{self.form_number}, {where}: {self.problem}"


@dataclass
class Tally:
    forms: int = 0
    events: int = 0


def breaks(tally: Tally | None = None) -> Iterator[Break]:
    """Every break in every form's chain, form by form; `tally` counts what was checked."""
    tally = tally or Tally()
    last_id = 0
    while batch := db.session.execute(
        select(TriggerForm.id, TriggerForm.number, TriggerForm.event_chain_head)
        .where(TriggerForm.id > last_id)
        .order_by(TriggerForm.id)
        .limit(FORMS_PER_BATCH)
    ).all():
        last_id = batch[-1].id
        rows = db.session.execute(
            select(
                FormEvent.id,
                FormEvent.form_id,
                FormEvent.prev_hash,
                FormEvent.hash,
                *(getattr(FormEvent, name) for name in FIELDS),
            )
            .where(FormEvent.form_id.between(batch[0].id, last_id))
            .order_by(FormEvent.form_id, FormEvent.id)
        ).mappings()
        chains = {form_id: list(events) for form_id, events in groupby(rows, key=lambda row: row["form_id"])}
        for form in batch:
            yield from _check(form.number, form.event_chain_head, chains.get(form.id, []), tally)
        tally.forms += len(batch)


def _check(number: str, head: str | None, events: list[Mapping[str, Any]], tally: Tally) -> Iterator[Break]:
    previous, last = GENESIS, None
    for event in events:
        tally.events += 1
        if event["prev_hash"] != previous:
            yield Break(
                number,
                event["id"],
                "does not follow the event before it: an earlier event is missing or the events are out of order",
            )
        if link(number, event, event["prev_hash"]) != event["hash"]:
            yield Break(number, event["id"], "its contents do not match its hash: it was changed after it was written")
        previous, last = event["hash"], event["id"]
    if last is None and head is not None:
        yield Break(number, None, "the form has a chain head but no events: its events were removed")
    elif last is not None and head != previous:
        yield Break(
            number,
            last,
            "is not the form's last event as recorded (the chain head differs): "
            "later events were removed, or the head was changed",
        )
