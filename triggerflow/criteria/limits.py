"""What each threshold an administrator may change means, in the words the criteria page uses."""
from triggerflow.criteria.rules import DEFAULT_LIMITS, Rule

# (label, unit): the unit reads after the number, "200 characters".
LIMIT_LABELS: dict[str, tuple[str, str]] = {
    "summary_min": ("Summary of the threat, at least", "characters"),
    "ocg_min_subjects": ("Organised crime group: subjects recorded, at least", "subjects"),
    "ocg_min_identified": ("Organised crime group: subjects identified, at least", "subjects"),
    "pi_rationale_min": ("Priority individual: why they are a threat, at least", "characters"),
    "vulnerability_min": ("SOC vulnerability: description, at least", "characters"),
    "serious_crime_justification_min": ("Serious-crime test justification, at least", "characters"),
    "continuing_span_days": ("Activity span that needs a continuing basis, under", "days"),
    "continuing_basis_min": ("Continuing basis, at least", "characters"),
    "organisation_min": ("Planning, control, coordination and decision-making, each at least", "characters"),
    "capability_min": ("Capability narrative, at least", "characters"),
    "intelligence_items_advised": ("Intelligence items advised, at least", "items"),
    "intelligence_stale_days": ("Intelligence older than this is old: a warning, and not corroboration on its own", "days"),
    "response_min": ("Response to each return item, at least", "characters"),
    "modus_operandi_advised": ("Modus operandi advised, at least", "characters"),
    "recent_activity_days": ("Most recent activity older than this needs a continuing basis", "days"),
    "search_result_min": ("Result of the master list and PND search, at least", "characters"),
    "link_min": ("Each subject's link to the group, at least", "characters"),
    "not_known_reason_min": ("Why some of the harm is not known, at least", "characters"),
}

LIMIT_RANGE = (1, 10_000)


def describe(name: str, value: int) -> str:
    label, unit = LIMIT_LABELS.get(name, (name, ""))
    return f"{label} {value} {unit}".strip()


def changes(before: dict[str, int], after: dict[str, int]) -> list[tuple[str, int | None, int | None]]:
    """(label, old value, new value) for each threshold that differs, in the order of LIMIT_LABELS."""
    names = list(LIMIT_LABELS) + sorted(set(before) | set(after) - set(LIMIT_LABELS))
    return [(LIMIT_LABELS.get(name, (name, ""))[0], before.get(name), after.get(name))
            for name in names if before.get(name) != after.get(name)]


# Where each rule's explanation states a threshold: (limit, the words for its default, the words
# for any other value). A test checks every phrase is still in its rule, so the two cannot drift.
EXPLAINED: dict[str, tuple[tuple[str, str, str], ...]] = {
    "C1": (("summary_min", "at least 200 characters", "at least {} characters"),),
    "C2": (("ocg_min_identified", "at least two of them identified", "at least {} of them identified"),),
    "C3": (("pi_rationale_min", "at least 100 characters", "at least {} characters"),),
    "C4": (("vulnerability_min", "at least 200 characters", "at least {} characters"),),
    "C6": (("serious_crime_justification_min", "at least 50 characters", "at least {} characters"),),
    "C7": (("continuing_span_days", "less than 90 days apart", "less than {} days apart"),
           ("recent_activity_days", "more than 365 days ago", "more than {} days ago"),
           ("continuing_basis_min", "at least 150 characters", "at least {} characters")),
    "C8": (("organisation_min", "at least 150 characters", "at least {} characters"),),
    "C9": (("capability_min", "at least 100 characters", "at least {} characters"),),
    "C11": (("intelligence_items_advised", "Fewer than three intelligence items", "Fewer than {} intelligence items"),
            ("intelligence_stale_days", "over six months old", "over {} days old")),
    "C14": (("search_result_min", "at least 20 characters", "at least {} characters"),),
    "C16": (("response_min", "at least 30 characters", "at least {} characters"),),
    "C18": (("link_min", "at least 50 characters", "at least {} characters"),),
    "C19": (("ocg_min_subjects", "at least three subjects", "at least {} subjects"),),
    "C20": (("intelligence_stale_days", "less than six months old", "less than {} days old"),),
    "C21": (("not_known_reason_min", "at least 30 characters", "at least {} characters"),),
}


def explain(rule: Rule, limits: dict[str, int]) -> str:
    """The rule's explanation with the thresholds in force (its own words where a threshold is the default)."""
    text = rule.explanation
    for name, phrase, other in EXPLAINED.get(rule.id, ()):
        if limits.get(name, DEFAULT_LIMITS[name]) != DEFAULT_LIMITS[name]:
            text = text.replace(phrase, other.format(limits[name]), 1)
    return text
