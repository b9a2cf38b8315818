"""What each threshold an administrator may change means, in the words the criteria page uses."""

from triggerflow.criteria.rule import Rule
from triggerflow.criteria.thresholds import DEFAULT_LIMITS, LIMIT_LABELS

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
