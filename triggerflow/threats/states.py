"""The threat's states (DESIGN section 9): the only place their names, labels and tag colours live."""
from enum import StrEnum


class ThreatState(StrEnum):
    ACCEPTED = "accepted"
    LRO_APPOINTED = "lro_appointed"
    PLAN_AGREED = "plan_agreed"
    UNDER_MANAGEMENT = "under_management"
    ARCHIVED = "archived"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def tag_colour(self) -> str:
        return _TAG_COLOURS[self]


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

OPEN_STATES = tuple(state for state in ThreatState if state is not ThreatState.ARCHIVED)
