"""The thresholds an administrator may change, each with its default and what it means.

The criteria's explanations, the criteria page and the administrators' form all read this one table.
"""

from typing import NamedTuple


class Threshold(NamedTuple):
    default: int
    label: str  # in the criteria page's words, read before the number
    unit: str  # read after the number: "200 characters"


# The domain facts stay fixed; only these may change.
THRESHOLDS: dict[str, Threshold] = {
    "summary_min": Threshold(200, "Summary of the threat, at least", "characters"),
    "ocg_min_subjects": Threshold(3, "Organised crime group: subjects recorded, at least", "subjects"),
    "ocg_min_identified": Threshold(2, "Organised crime group: subjects identified, at least", "subjects"),
    "pi_rationale_min": Threshold(100, "Priority individual: why they are a threat, at least", "characters"),
    "vulnerability_min": Threshold(200, "SOC vulnerability: description, at least", "characters"),
    "serious_crime_justification_min": Threshold(50, "Serious-crime test justification, at least", "characters"),
    "continuing_span_days": Threshold(90, "Activity span that needs a continuing basis, under", "days"),
    "continuing_basis_min": Threshold(150, "Continuing basis, at least", "characters"),
    "organisation_min": Threshold(
        150, "Planning, control, coordination and decision-making, each at least", "characters"
    ),
    "capability_min": Threshold(100, "Capability narrative, at least", "characters"),
    "intelligence_items_advised": Threshold(3, "Intelligence items advised, at least", "items"),
    "intelligence_stale_days": Threshold(
        183, "Intelligence older than this is old: a warning, and not corroboration on its own", "days"
    ),
    "response_min": Threshold(30, "Response to each return item, at least", "characters"),
    "modus_operandi_advised": Threshold(50, "Modus operandi advised, at least", "characters"),
    "recent_activity_days": Threshold(365, "Most recent activity older than this needs a continuing basis", "days"),
    "search_result_min": Threshold(20, "Result of the master list and PND search, at least", "characters"),
    "link_min": Threshold(50, "Each subject's link to the group, at least", "characters"),
    "not_known_reason_min": Threshold(30, "Why some of the harm is not known, at least", "characters"),
}

DEFAULT_LIMITS = {name: threshold.default for name, threshold in THRESHOLDS.items()}
# (label, unit) of each threshold, in the order the criteria page lists them.
LIMIT_LABELS = {name: (threshold.label, threshold.unit) for name, threshold in THRESHOLDS.items()}
