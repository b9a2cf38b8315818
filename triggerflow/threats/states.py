"""The threat's states (DESIGN section 9): the only place their names, labels and tag colours live."""

from triggerflow.workflow.states import ShownState


class ThreatState(ShownState):
    ACCEPTED = "accepted"
    LRO_APPOINTED = "lro_appointed"
    PLAN_AGREED = "plan_agreed"
    UNDER_MANAGEMENT = "under_management"
    ARCHIVED = "archived"

    @classmethod
    def shown(cls) -> dict:
        return _SHOWN


_LABELS = {
    ThreatState.ACCEPTED: "Waiting for an LRO",
    ThreatState.LRO_APPOINTED: "LRO appointed",
    ThreatState.PLAN_AGREED: "4P plan agreed",
    ThreatState.UNDER_MANAGEMENT: "Under management",
    ThreatState.ARCHIVED: "Archived",
}

_TAG_COLOURS = {
    ThreatState.ACCEPTED: "orange",
    ThreatState.LRO_APPOINTED: "blue",
    ThreatState.PLAN_AGREED: "turquoise",
    ThreatState.UNDER_MANAGEMENT: "green",
    ThreatState.ARCHIVED: "grey",
}

_SHOWN = {state: (_LABELS[state], _TAG_COLOURS[state]) for state in ThreatState}

OPEN_STATES = tuple(state for state in ThreatState if state is not ThreatState.ARCHIVED)
