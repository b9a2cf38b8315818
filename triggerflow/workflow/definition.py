"""The lifecycle as data (DESIGN section 2), run by workflow.machine like the threat's.

Each row says who may take an action from which states and where it leads. Rows sharing an
action are told apart by `when` (a fact about the form: its force's SPOC gate, its round),
which the machine checks as a condition. Who may act is `roles` plus `relation` (how the actor
must stand to the form), checked in workflow.permissions.
"""

from dataclasses import dataclass, replace

from triggerflow.models.user import Role
from triggerflow.workflow.machine import SYSTEM, Stand, Table, Transition
from triggerflow.workflow.permissions import RELATIONS
from triggerflow.workflow.states import FormState as S


@dataclass(frozen=True)
class Action:
    label: str
    description: str
    reason: str | None = None  # what the actor must give: "comment", "reason", "code"
    confirm: bool = False  # irreversible or leaves the actor's hands: ask first
    style: str = "primary"  # GOV.UK button: primary, secondary or warning


OFFICER, SPOC, ASSESSOR, MANAGER = Role.OFFICER, Role.SPOC, Role.ASSESSOR, Role.MANAGER

TRANSITIONS: tuple[Transition, ...] = (
    # A SPOC may write a form too; it then goes through another SPOC's check like any other.
    Transition("send_to_spoc", (S.DRAFT,), S.SPOC_REVIEW, frozenset({OFFICER, SPOC}), "author", "spoc_gate"),
    Transition("submit", (S.DRAFT,), S.SUBMITTED, frozenset({OFFICER, SPOC}), "author", "no_spoc_gate"),
    Transition("spoc_return", (S.SPOC_REVIEW,), S.DRAFT, frozenset({SPOC}), "force"),
    Transition("submit", (S.SPOC_REVIEW,), S.SUBMITTED, frozenset({SPOC}), "force_not_author"),
    Transition("claim", (S.SUBMITTED, S.RESUBMITTED), S.UNDER_ASSESSMENT, frozenset({ASSESSOR}), "routed_assessor"),
    Transition(
        "release",
        (S.UNDER_ASSESSMENT,),
        S.SUBMITTED,
        frozenset({ASSESSOR, MANAGER}),
        "holder_or_regional_manager",
        "first_round",
    ),
    Transition(
        "release",
        (S.UNDER_ASSESSMENT,),
        S.RESUBMITTED,
        frozenset({ASSESSOR, MANAGER}),
        "holder_or_regional_manager",
        "later_round",
    ),
    Transition("return_to_force", (S.UNDER_ASSESSMENT,), S.RETURNED, frozenset({ASSESSOR}), "holder"),
    Transition("resubmit", (S.RETURNED,), S.RESUBMITTED, frozenset({SPOC}), "force_not_author", "spoc_gate"),
    Transition("resubmit", (S.RETURNED,), S.RESUBMITTED, frozenset({OFFICER, SPOC}), "author_or_spoc", "no_spoc_gate"),
    Transition("lapse", (S.RETURNED,), S.LAPSED, frozenset({SYSTEM}), "system"),
    Transition("reopen", (S.LAPSED,), S.RETURNED, frozenset({SPOC}), "force"),
    Transition("accept", (S.UNDER_ASSESSMENT,), S.ACCEPTED, frozenset({ASSESSOR}), "holder"),
    Transition("reject", (S.UNDER_ASSESSMENT,), S.REJECTED, frozenset({ASSESSOR}), "holder"),
    Transition(
        "withdraw",
        (S.DRAFT, S.SPOC_REVIEW, S.RETURNED, S.LAPSED),
        S.WITHDRAWN,
        frozenset({OFFICER, SPOC}),
        "author_or_spoc",
    ),
    # A decision is never edited: a regional manager sends it back to assessment, saying why.
    Transition("reconsider", (S.ACCEPTED, S.REJECTED), S.UNDER_ASSESSMENT, frozenset({MANAGER}), "regional_manager"),
)

ACTIONS: dict[str, Action] = {
    "send_to_spoc": Action("Send to SPOC", "Send the form to your force SPOC for a quality check.", confirm=True),
    "submit": Action("Submit to ROCTA", "Submit the form to the regional ROCTA for assessment.", confirm=True),
    "spoc_return": Action(
        "Return to officer",
        "Send the draft back to the officer with your comments.",
        reason="comment",
        style="secondary",
    ),
    "claim": Action("Claim for assessment", "Take the form from the regional queue and assess it."),
    "release": Action(
        "Release to queue",
        "Put the form back in the regional queue for another assessor. "
        "Every assessor who may take it is told by e-mail.",
        confirm=True,
        style="secondary",
    ),
    "return_to_force": Action(
        "Return to force", "Send the form back to the force with the return items.", confirm=True, style="secondary"
    ),
    "resubmit": Action("Resubmit to ROCTA", "Send the amended form back to the ROCTA.", confirm=True),
    "lapse": Action("Lapse", "No resubmission within the time allowed."),
    "reopen": Action(
        "Reopen", "Reopen the lapsed form so the force can resubmit it.", reason="reason", style="secondary"
    ),
    "accept": Action("Accept", "Accept the threat and record the assessment.", confirm=True),
    "reject": Action(
        "Reject", "Reject the form with a rejection code and rationale.", reason="code", confirm=True, style="warning"
    ),
    "withdraw": Action(
        "Withdraw", "Withdraw the form. It cannot be sent again.", reason="reason", confirm=True, style="warning"
    ),
    "reconsider": Action(
        "Reconsider the decision",
        "Send the form back to assessment. The decision stays in "
        "the form's history; a threat its acceptance put on the register is closed as "
        "“decision reconsidered”.",
        reason="reason",
        confirm=True,
        style="warning",
    ),
}

# Roles that must say why although the action's usual taker need not: a regional manager releasing
# an assessor's work gives a reason, recorded on the event; the assessor releasing their own does not.
REASON_REQUIRED_OF = {"release": frozenset({MANAGER})}


def action_for(action: str, user) -> Action:
    """The action as `user` meets it: on a confirmation page asking for a comment where they must give one."""
    meta = ACTIONS[action]
    if user is not None and user.role in REASON_REQUIRED_OF.get(action, ()):
        return replace(meta, reason="comment", confirm=True)
    return meta


# Every action a person may be offered, in the order buttons appear. Handing a form back to the
# queue comes after the decisions: as the first button it was pressed when a decision was meant.
ACTION_ORDER = tuple(sorted(dict.fromkeys(t.action for t in TRANSITIONS), key=lambda action: action == "release"))
# The actions that send a form on from the force: the completeness rules hold each of them back.
SENDING_ACTIONS = ("send_to_spoc", "submit", "resubmit")


class Lifecycle(Stand):
    """A form as the machine sees it, with the facts that tell apart rows sharing an action (`when`)."""

    states = S

    def spoc_gate(self) -> bool:
        return self.record.force.spoc_gate

    def no_spoc_gate(self) -> bool:
        return not self.record.force.spoc_gate

    def first_round(self) -> bool:
        return self.record.round <= 1

    def later_round(self) -> bool:
        return self.record.round > 1


FORM_LIFECYCLE = Table("form", S.DRAFT, TRANSITIONS, ACTION_ORDER, RELATIONS, Lifecycle)
build_machine = FORM_LIFECYCLE.build


def sending_action(form) -> str | None:
    """The action that sends `form` on from where it is now, whoever takes it; None once it is with the ROCTA."""
    # A lapsed form is reopened as returned, then resubmitted.
    state = S.RETURNED if form.state is S.LAPSED else form.state
    lifecycle = Lifecycle(form)
    for t in TRANSITIONS:
        if t.action in SENDING_ACTIONS and state in t.sources and (t.when is None or getattr(lifecycle, t.when)()):
            return t.action
    return None
