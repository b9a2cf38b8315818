"""The one runner of every lifecycle: the form's (workflow.definition) and the threat's (threats.definition).

A lifecycle is data, a `Table` of transitions. The runner answers which transition an actor may take
on a record now, and moves the record along it with a `transitions` Machine. `Stand` is the model
the machine drives, and its state setter is the only code in the app that changes a state once a
record exists; the services call the runner inside their one transaction.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from transitions import Machine

from triggerflow.models.user import Role
from triggerflow.workflow.errors import ActionNotAllowed, refuse_if_stale

SYSTEM = "system"  # the scheduled command, acting for nobody


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[StrEnum, ...]
    dest: StrEnum | None  # None: the record stays in the state it is in
    roles: frozenset[Role | str]
    relation: str  # how the actor must stand to the record: a key of the table's `relations`
    when: str | None = None  # a fact about the record, a method of the table's `model`


class Stand:
    """The machine's model: a view of one record, which only the runner builds."""

    states: type[StrEnum]
    trigger: Callable[[str], bool]  # added by the machine (build)

    def __init__(self, record):
        self.record = record

    @property
    def state(self) -> StrEnum:
        return self.states(self.record.state)

    @state.setter
    def state(self, value: StrEnum) -> None:
        self.record.state = self.states(value)


@dataclass(frozen=True)
class Table:
    """A lifecycle as data: its transitions, the actions in button order, and how actors stand to a record."""

    name: str
    initial: StrEnum  # where every record starts
    transitions: tuple[Transition, ...]
    order: tuple[str, ...]
    relations: Mapping[str, Callable[[Any, Any], bool]]
    model: type[Stand]

    def start(self, record_class: type, **columns: Any):
        """A new record in the lifecycle's first state."""
        return record_class(state=self.initial, **columns)

    def transition_for(self, record, actor, action: str) -> Transition | None:
        """The transition `actor` (None for the system) may take as `action` on `record` now, or None."""
        facts = self.model(record)
        for transition in self.transitions:
            if transition.action != action or record.state not in transition.sources:
                continue
            if transition.when and not getattr(facts, transition.when)():
                continue
            if actor is None:
                allowed = SYSTEM in transition.roles
            else:
                allowed = actor.role in transition.roles and self.relations[transition.relation](record, actor)
            if allowed:
                return transition
        return None

    def available(self, record, user) -> list[str]:
        """The actions this user may take on this record now: drives both buttons and POST checks."""
        return [action for action in self.order if self.transition_for(record, user, action) is not None]

    def admit(self, record, actor, action: str, expected_version: int | None) -> None:
        """Refuse a move from a stale page, then one not open to the actor. Stale first: the move the
        page offered may be gone because of the change the actor has not seen."""
        refuse_if_stale(record, expected_version)
        if self.transition_for(record, actor, action) is None:
            raise ActionNotAllowed(f"{action} is not available on {self.name} {record.id} now")

    def move(self, record, action: str) -> None:
        """Take `action` through the machine, which writes the record's new state (if it has one)."""
        stand = self.model(record)
        self.build(stand)
        if not stand.trigger(action):
            raise ActionNotAllowed(f"{action} was refused by the {self.name}'s lifecycle")

    def build(self, stand: Stand) -> Machine:
        """A machine over one record; cheap to build, and nothing shared between threads."""
        return Machine(
            model=stand,
            states=list(stand.states),
            initial=stand.state,
            transitions=[
                {
                    "trigger": t.action,
                    "source": list(t.sources),
                    "dest": t.dest,
                    **({"conditions": [t.when]} if t.when else {}),
                }
                for t in self.transitions
            ],
            auto_transitions=False,
            ignore_invalid_triggers=False,
            model_attribute="state",
        )


def event_columns(
    record, action: str, from_state: StrEnum | None, actor, now: datetime, details: Mapping[str, Any]
) -> dict[str, Any]:
    """What the event of a move records, whichever lifecycle the record is in: what was done, from
    and to which state, by whom (None for the system), when, and the reason and comment given."""
    return {
        "action": action,
        "from_state": from_state,
        "to_state": record.state,
        "actor_id": actor.id if actor else None,
        "at": now,
        "reason_code": details.get("reason_code"),
        "comment": (details.get("comment") or "").strip() or None,
    }
