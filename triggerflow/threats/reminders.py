"""Reminders for the threat register, sent by the same scheduled run as the form's
(notifications.reminders): an LRO to appoint, a 4P plan to agree, a review to hold.

Each is keyed in reminders_sent by the threat's form, its kind and its due date, so a second
run sends nothing twice; a changed due date (a review held) is a new key.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from triggerflow.clocks.due import remind_from
from triggerflow.db import db
from triggerflow.models import Threat
from triggerflow.notifications.reminder_keys import claim_and_write
from triggerflow.threats import notices
from triggerflow.threats.states import ThreatState


@dataclass(frozen=True)
class Step:
    kind: str
    state: ThreatState
    due_column: str
    label: str
    headline: str
    what_next: str


STEPS = (
    Step(
        "lro",
        ThreatState.ACCEPTED,
        "lro_due_on",
        "LRO due",
        "A lead responsible officer for threat {number} is {when}",
        "Appoint the threat's lead responsible officer on its page in TriggerFlow.",
    ),
    Step(
        "plan",
        ThreatState.LRO_APPOINTED,
        "plan_due_on",
        "4P plan due",
        "The 4P plan for threat {number} is {when}",
        "Add actions under Pursue, Prevent, Protect and Prepare and record that the plan is agreed.",
    ),
    Step(
        "review",
        ThreatState.UNDER_MANAGEMENT,
        "next_review_on",
        "Review due",
        "The review of threat {number} is {when}",
        "Review the threat against its 4P plan and record the review.",
    ),
)


def due_by(horizon: date) -> list[tuple[Threat, Step]]:
    """Threats with a step falling due on or before `horizon`, with that step."""
    conditions = [(Threat.state == step.state) & (getattr(Threat, step.due_column) <= horizon) for step in STEPS]
    found = db.session.scalars(select(Threat).where(or_(*conditions)).order_by(Threat.id))
    steps = {step.state: step for step in STEPS}
    return [(threat, steps[threat.state]) for threat in found]


def run(today: date, horizon: date) -> int:
    sent = 0
    for threat, step in due_by(horizon):
        due_on = getattr(threat, step.due_column)
        overdue = today > due_on
        if (overdue or today >= remind_from(due_on)) and _remind(threat, step, due_on, overdue):
            sent += 1
    return sent


def _remind(threat: Threat, step: Step, due_on: date, overdue: bool) -> bool:
    kind = f"{step.kind}_{'overdue' if overdue else 'due_soon'}"
    headline = step.headline.format(number=threat.form.number, when="overdue" if overdue else "due soon")
    # The owning force's SPOCs appoint the LRO; once appointed, the LRO hears too.
    people = notices.owning_force_spocs(threat) + ([] if step.kind == "lro" else notices.lro(threat))
    return claim_and_write(
        threat.form_id,
        kind,
        due_on,
        lambda: notices.queue(
            threat,
            people,
            kind=kind,
            headline=headline,
            due_label=step.label,
            due_on=due_on,
            overdue=overdue,
            what_next=step.what_next,
        ),
    )
