"""The tamper-evident form event log: each event carries a hash chaining it to the one before.

An event's hash is SHA-256 over a canonical JSON array of its fields, in a fixed order, ending
with the previous event's hash (GENESIS for a form's first event). The form keeps the hash of
its last event as its chain head, so an event removed from the end shows as well as one removed
from the middle. The ORM writers call `seal`; bulk writers call `seal_rows` on plain rows.
"""

import json
from collections.abc import Mapping
from datetime import UTC
from hashlib import sha256
from typing import Any

from triggerflow.db import utcnow
from triggerflow.models import FormEvent, TriggerForm

GENESIS = "0" * 64
# The hashed fields, in the order `link` hashes them. The event id is not among them: bulk writers
# hash before the database numbers the rows, and the order is checked by the links instead.
FIELDS = ("action", "from_state", "to_state", "actor_id", "at", "round", "reason_code", "comment", "details")
# Made once: the generator hashes millions of events. States are StrEnums, so they encode as their values.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def link(form_number: str, event: Mapping[str, Any], previous: str) -> str:
    """The hash of `event` (a mapping of FIELDS) in the chain of `form_number`, after `previous`."""
    at = event["at"]
    canonical = _CANONICAL.encode(
        [
            form_number,
            event["action"],
            event["from_state"],
            event["to_state"],
            event["actor_id"],
            (at if at.tzinfo is UTC else at.astimezone(UTC)).isoformat(timespec="microseconds"),
            event["round"],
            event["reason_code"],
            event["comment"],
            event["details"] or {},
            previous,
        ]
    )
    return sha256(canonical.encode()).hexdigest()


def seal(form: TriggerForm, event: FormEvent) -> FormEvent:
    """Link `event` after the form's chain head and make it the new head; call before the flush."""
    event.at = event.at or utcnow()
    event.details = event.details or {}
    event.prev_hash = form.event_chain_head or GENESIS
    event.hash = link(form.number, {name: getattr(event, name) for name in FIELDS}, event.prev_hash)
    form.event_chain_head = event.hash
    return event


def seal_rows(form_number: str, rows: list[dict[str, Any]]) -> str:
    """Fill prev_hash and hash on a new form's event rows, in order; returns its chain head."""
    head = GENESIS
    for row in rows:
        row["prev_hash"] = head
        row["hash"] = head = link(form_number, row, head)
    return head
