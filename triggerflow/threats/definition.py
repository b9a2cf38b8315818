"""The threat's lifecycle as data (DESIGN section 9), run by workflow.machine like the form's.

Beside the moves from state to state, the rows that keep the state (a review, a disruption, a
plan action, a corrected reference) go through the same machine, so that every change to a
threat is checked, evented and audited in one way. Who may act is `roles` plus `relation`
(how the actor stands to the threat), checked in threats.permissions.
"""

from triggerflow.models.user import Role
from triggerflow.threats.permissions import RELATIONS
from triggerflow.threats.states import OPEN_STATES
from triggerflow.threats.states import ThreatState as T
from triggerflow.workflow.definition import Action
from triggerflow.workflow.machine import SYSTEM, Stand, Table, Transition

SPOC, ASSESSOR, MANAGER = Role.SPOC, Role.ASSESSOR, Role.MANAGER
# The owning force's SPOC and force managers run the threat; the region's ROCTA follows it.
FORCE_OR_ROCTA = frozenset({SPOC, MANAGER, ASSESSOR})
ROCTA = frozenset({ASSESSOR, MANAGER})
WORKED = (T.LRO_APPOINTED, T.PLAN_AGREED, T.UNDER_MANAGEMENT)


TRANSITIONS: tuple[Transition, ...] = (
    Transition("appoint_lro", (T.ACCEPTED,), T.LRO_APPOINTED, frozenset({SPOC, MANAGER}), "owning_force"),
    Transition("change_lro", WORKED, None, frozenset({SPOC, MANAGER}), "owning_force"),
    Transition("add_plan_action", WORKED, None, FORCE_OR_ROCTA, "force_or_rocta"),
    Transition("agree_plan", (T.LRO_APPOINTED,), T.PLAN_AGREED, frozenset({SPOC, MANAGER}), "owning_force"),
    Transition("start_management", (T.PLAN_AGREED,), T.UNDER_MANAGEMENT, FORCE_OR_ROCTA, "force_or_rocta"),
    Transition("review", (T.UNDER_MANAGEMENT,), None, FORCE_OR_ROCTA, "force_or_rocta"),
    Transition("record_disruption", OPEN_STATES, None, FORCE_OR_ROCTA, "force_or_rocta"),
    Transition("update_references", OPEN_STATES, None, frozenset({ASSESSOR}), "rocta"),
    Transition("archive", OPEN_STATES, T.ARCHIVED, ROCTA, "rocta"),
    # The form's decision was reconsidered: the form's own transition closes its threat.
    Transition("close_reconsidered", OPEN_STATES, T.ARCHIVED, frozenset({SYSTEM}), "system"),
)

ACTIONS: dict[str, Action] = {
    "appoint_lro": Action(
        "Appoint the LRO",
        "Record the lead responsible officer the force has appointed. They are told by e-mail.",
        reason="lro",
        confirm=True,
    ),
    "change_lro": Action(
        "Change the LRO",
        "Record a new lead responsible officer. They are told by e-mail.",
        reason="lro",
        confirm=True,
        style="secondary",
    ),
    "add_plan_action": Action(
        "Add a 4P plan action",
        "Add an action under Pursue, Prevent, Protect or Prepare, with its owner and date.",
        reason="plan_action",
        style="secondary",
    ),
    "agree_plan": Action(
        "Agree the 4P plan", "Record that the 4P plan is agreed. Its actions stay on the threat.", confirm=True
    ),
    "start_management": Action(
        "Start management",
        "The plan is in action: reviews are due from now, at an interval set by the threat's priority.",
        confirm=True,
    ),
    "review": Action("Record a review", "Record the review and set when the next one is due.", reason="comment"),
    "record_disruption": Action(
        "Record a disruption",
        "Record a disruption with its date, description and grade.",
        reason="disruption",
        style="secondary",
    ),
    "update_references": Action(
        "Add or correct references",
        "Add or correct the APMIS and PND references. Every change is kept in the threat's history.",
        reason="references",
        style="secondary",
    ),
    "archive": Action(
        "Archive",
        "Archive the threat with a reason. It leaves the live register.",
        reason="archive",
        confirm=True,
        style="warning",
    ),
    "close_reconsidered": Action("Close", "The decision to accept the form was reconsidered."),
}

ACTION_ORDER = tuple(dict.fromkeys(t.action for t in TRANSITIONS))

ARCHIVE_REASONS = [
    ("dismantled", "Dismantled"),
    ("no_longer_meets_criteria", "No longer meets the criteria"),
    ("merged", "Merged into another threat"),
    ("decision_reconsidered", "Decision reconsidered"),
]
# A person archiving chooses from these; the last is the reconsidered form's to give.
CHOSEN_ARCHIVE_REASONS = ARCHIVE_REASONS[:3]
DISRUPTION_GRADES = [("major", "Major"), ("moderate", "Moderate"), ("minor", "Minor")]
PLAN_STRANDS = [("pursue", "Pursue"), ("prevent", "Prevent"), ("protect", "Protect"), ("prepare", "Prepare")]


class ThreatLifecycle(Stand):
    states = T


THREAT_LIFECYCLE = Table("threat", T.ACCEPTED, TRANSITIONS, ACTION_ORDER, RELATIONS, ThreatLifecycle)

# How a threat's history names each event; the past tense of what was done.
EVENT_LABELS = {
    "register": "Put on the register",
    "appoint_lro": "LRO appointed",
    "change_lro": "LRO changed",
    "add_plan_action": "4P plan action added",
    "agree_plan": "4P plan agreed",
    "start_management": "Management started",
    "review": "Reviewed",
    "record_disruption": "Disruption recorded",
    "update_references": "References changed",
    "archive": "Archived",
    "close_reconsidered": "Closed: decision reconsidered",
}
