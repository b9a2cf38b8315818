"""A form's event log replayed through the lifecycle definition: the state the form must be in.

Each event must start where the one before it left the form, and be a move the definition
allows (the `create` that starts every form included). If every event does, the state the last
one reaches is the state the form holds, unless an update was lost or written around the service.
"""

from collections.abc import Iterable
from enum import StrEnum

from triggerflow.models import FormEvent
from triggerflow.workflow.definition import TRANSITIONS
from triggerflow.workflow.states import FormState

_MOVES: set[tuple[str, StrEnum | None, StrEnum | None]] = {
    (t.action, source, t.dest) for t in TRANSITIONS for source in t.sources
}
_START = ("create", None, FormState.DRAFT)


class BrokenHistory(Exception):
    """An event that does not follow from the events before it."""


def replay(events: Iterable[FormEvent]) -> FormState:
    """The state the events, oldest first, lead to; BrokenHistory at the first that cannot follow."""
    state: FormState | None = None
    for event in events:
        move = (event.action, state, event.to_state)
        if event.from_state != state or (move != _START and move not in _MOVES):
            raise BrokenHistory(
                f"Event {event.id} ({event.action}: {event.from_state} to {event.to_state}) "
                f"cannot follow {state or 'nothing'}"
            )
        state = event.to_state
    if state is None:
        raise BrokenHistory("There are no events")
    return state
