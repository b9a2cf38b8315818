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
    "intelligence_stale_days": (
        "Intelligence older than this is old: a warning, and not corroboration on its own",
        "days",
    ),
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
    return [
        (LIMIT_LABELS.get(name, (name, ""))[0], before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    ]


# How an explanation says a threshold at its default where the design's words are not the number.
SAID_AT_DEFAULT = {
    "ocg_min_identified": "two",
    "ocg_min_subjects": "three",
    "intelligence_items_advised": "three",
    "intelligence_stale_days": "six months",
}
# Its words carry the unit ("six months"), so any other value is said with its unit too.
SAID_WITH_UNIT = frozenset({"intelligence_stale_days"})


def explain(rule: Rule, limits: dict[str, int]) -> str:
    """The rule's explanation (a template naming thresholds, "{summary_min}") filled from the thresholds in force."""
    return rule.explanation.format_map(
        {name: said(name, limits.get(name, default)) for name, default in DEFAULT_LIMITS.items()}
    )


def said(name: str, value: int) -> str:
    if value == DEFAULT_LIMITS[name] and name in SAID_AT_DEFAULT:
        return SAID_AT_DEFAULT[name]
    return f"{value} {LIMIT_LABELS[name][1]}" if name in SAID_WITH_UNIT else str(value)
