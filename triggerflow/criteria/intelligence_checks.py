"""The criteria on the intelligence basis (section F): each item complete and graded, enough of
them and recent enough, and corroborated (return reasons R07 and R08)."""

from triggerflow.criteria.checks import Problems
from triggerflow.criteria.facts import Facts, parse_date


def c10_intelligence(facts: Facts) -> Problems:
    items = facts.items("F", "intelligence")
    if not items:
        return [("F.intelligence", "Add at least one intelligence item")]
    problems = []
    for number, item in enumerate(items, start=1):
        missing = [
            name
            for name, present in (
                ("reference", str(item.get("reference") or "").strip()),
                ("date", parse_date(item.get("date"))),
                ("source evaluation", item.get("source_evaluation") in ("1", "2", "3")),
                ("intelligence assessment", item.get("intelligence_assessment") in tuple("ABCDE")),
                ("handling code", item.get("handling_code") in ("P", "C")),
            )
            if not present
        ]
        if missing:
            problems.append(("F.intelligence", f"Intelligence item {number} needs: {', '.join(missing)}"))
        when = parse_date(item.get("date"))
        if when and when > facts.today:
            problems.append(("F.intelligence", f"Intelligence item {number} is dated in the future"))
    if not any(_usable(item) for item in items):
        problems.append(("F.intelligence", "At least one item must be graded source 1 or 2 with assessment A, B or C"))
    return problems


def c11_intelligence_strength(facts: Facts) -> Problems:
    items = facts.items("F", "intelligence")
    problems = []
    if len(items) < facts.limit("intelligence_items_advised"):
        problems.append(
            (
                "F.intelligence",
                f"Fewer than {facts.limit('intelligence_items_advised')} "
                "intelligence items: the assessment may need more",
            )
        )
    dates = [d for d in (parse_date(i.get("date")) for i in items) if d]
    if dates and (facts.today - max(dates)).days > facts.limit("intelligence_stale_days"):
        problems.append(("F.intelligence", "The newest intelligence is more than 6 months old"))
    old = [str(i.get("reference") or f"item {n}").strip() for n, i in enumerate(items, start=1) if _is_old(facts, i)]
    if old and len(old) < len(items):
        problems.append(
            ("F.intelligence", f"Older than {facts.limit('intelligence_stale_days')} days: {', '.join(old)}")
        )
    return problems


def _age(facts: Facts, item: dict) -> int | None:
    """Days since the item's date, or None when it has no date: then it is neither old nor recent."""
    when = parse_date(item.get("date"))
    return None if when is None else (facts.today - when).days


def _is_old(facts: Facts, item: dict) -> bool:
    age = _age(facts, item)
    return age is not None and age > facts.limit("intelligence_stale_days")


def _recent(facts: Facts, item: dict) -> bool:
    age = _age(facts, item)
    return age is not None and age <= facts.limit("intelligence_stale_days")


def c20_corroboration(facts: Facts) -> Problems:
    items = [item for item in facts.items("F", "intelligence") if _usable(item)]
    kinds = {item.get("source_kind") for item in items if isinstance(item.get("source_kind"), str)} - {""}
    if len(kinds) >= 2 or any(_well_graded(item) and _recent(facts, item) for item in items):
        return []
    return [
        (
            "F.intelligence",
            "The intelligence is not corroborated: add items from at least two different "
            "kinds of source, or one recent item graded 1A, 1B, 2A or 2B",
        )
    ]


def _usable(item: dict) -> bool:
    return item.get("source_evaluation") in ("1", "2") and item.get("intelligence_assessment") in ("A", "B", "C")


def _well_graded(item: dict) -> bool:
    return item.get("intelligence_assessment") in ("A", "B")
