"""The form's states: the only place their names, labels and tag colours live."""

from enum import StrEnum


class ShownState(StrEnum):
    """A lifecycle's state as pages show it: words and a GOV.UK tag colour, from the lifecycle's own table."""

    @property
    def label(self) -> str:
        return self.shown()[self][0]

    @property
    def tag_colour(self) -> str:
        return self.shown()[self][1]

    @classmethod
    def shown(cls) -> dict:
        raise NotImplementedError


class FormState(ShownState):
    DRAFT = "draft"
    SPOC_REVIEW = "spoc_review"
    SUBMITTED = "submitted"
    UNDER_ASSESSMENT = "under_assessment"
    RETURNED = "returned"
    RESUBMITTED = "resubmitted"
    LAPSED = "lapsed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @classmethod
    def shown(cls) -> dict:
        return _SHOWN

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATES


_LABELS = {
    FormState.DRAFT: "Draft",
    FormState.SPOC_REVIEW: "With SPOC",
    FormState.SUBMITTED: "Submitted",
    FormState.UNDER_ASSESSMENT: "Under assessment",
    FormState.RETURNED: "Returned",
    FormState.RESUBMITTED: "Resubmitted",
    FormState.LAPSED: "Lapsed",
    FormState.ACCEPTED: "Accepted",
    FormState.REJECTED: "Rejected",
    FormState.WITHDRAWN: "Withdrawn",
}

# GOV.UK tag modifier classes; every colour pairs with a text label, never colour alone.
_TAG_COLOURS = {
    FormState.DRAFT: "grey",
    FormState.SPOC_REVIEW: "light-blue",
    FormState.SUBMITTED: "blue",
    FormState.UNDER_ASSESSMENT: "purple",
    FormState.RETURNED: "orange",
    FormState.RESUBMITTED: "turquoise",
    FormState.LAPSED: "red",
    FormState.ACCEPTED: "green",
    FormState.REJECTED: "pink",
    FormState.WITHDRAWN: "grey",
}

_SHOWN = {state: (_LABELS[state], _TAG_COLOURS[state]) for state in FormState}

TERMINAL_STATES = frozenset({FormState.ACCEPTED, FormState.REJECTED, FormState.WITHDRAWN})
# States in which the form is with the force and its content may be edited.
EDITABLE_STATES = frozenset({FormState.DRAFT, FormState.RETURNED})
# States in which the form waits in, or is being worked from, the ROCTA's queue.
ROCTA_STATES = frozenset({FormState.SUBMITTED, FormState.RESUBMITTED, FormState.UNDER_ASSESSMENT})
