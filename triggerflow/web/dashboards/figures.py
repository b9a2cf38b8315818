"""The charts on each dashboard, drawn from the same rows as the tables beside them."""

from collections.abc import Callable
from typing import Protocol, TypeVar

from markupsafe import Markup

from triggerflow.content import vocab
from triggerflow.queries.measures import assessors, backlog, cohort, decisions, returns, timing
from triggerflow.web.dashboards.charts import Bar, Series, bar_chart, small_multiples, stacked_bars
from triggerflow.web.dashboards.outcome_tables import OUTCOMES, month_label, months_between


class _Force(Protocol):
    @property
    def name(self) -> str: ...


Force = TypeVar("Force", bound=_Force)


def _force_bars(
    rows: list[Force], value: Callable[[Force], float | None], label: Callable[[Force], str], named: Force
) -> list[Bar]:
    """A bar a force; the one the description names drawn in black, unless it is the only one."""
    return [Bar(r.name, value(r), label(r), emphasis=r is named and len(rows) > 1) for r in rows]


def cohort_outcomes(rows: list[cohort.Cohort]) -> Markup | None:
    """The headline: what became of each force's forms first submitted in the period."""
    if not rows:
        return None
    lowest = min(rows, key=lambda r: (r.share_accepted, r.name))
    return stacked_bars(
        "Share of submissions accepted, and what became of the rest",
        f"Stacked bar chart: one bar per force of the forms first submitted in the period, split by where each "
        f"stands now: {', '.join(label.lower() for _, label in OUTCOMES)}, in that order from solid black. The "
        f"number at the end of each bar is the forms submitted. Lowest share accepted: {lowest.name}, "
        f"{lowest.share_accepted:.0f}% ({lowest.accepted} of {lowest.submitted}).",
        [(r.name, tuple(getattr(r, key) for key, _ in OUTCOMES)) for r in rows],
        ("Accepted", "Rejected", "With ROCTA", "Returned", "Lapsed", "Withdrawn"),
    )


def acceptance(rows: list[decisions.DecisionCounts]) -> Markup | None:
    if not rows:
        return None
    lowest = rows[-1]
    bars = _force_bars(
        rows, lambda r: r.acceptance_rate, lambda r: f"{r.acceptance_rate:.0f}% ({r.accepted} of {r.decided})", lowest
    )
    return bar_chart(
        "Decision rate by force",
        f"Bar chart of the decision rate (accepted of decided) of {len(rows)} "
        f"forces, highest first. Lowest: {lowest.name}, {lowest.acceptance_rate:.0f}%.",
        bars,
        max_value=100,
    )


def rates_over_time(found: list[decisions.MonthlyDecisions], start, end) -> Markup | None:
    if not found:
        return None
    months = months_between(start, end)
    by_force: dict[str, dict[str, float | None]] = {}
    for r in found:
        by_force.setdefault(r.name, {})[r.month] = r.acceptance_rate
    accepted = sum(r.accepted for r in found)
    overall = accepted * 100 / sum(r.accepted + r.rejected for r in found)
    series = [Series(name, tuple((m, rates.get(m)) for m in months)) for name, rates in sorted(by_force.items())]
    return small_multiples(
        "Decision rate by month, per force",
        f"One small line chart per force of the monthly decision rate from {month_label(months[0])} to "
        f"{month_label(months[-1])}, each on a scale of 0 to 100%. The dashed line is the rate for all forces "
        f"shown, {overall:.0f}%. The label at the end of each line is the latest month's rate.",
        series,
        reference=overall,
    )


def reasons(found: list[returns.ReasonCount], whose: str) -> Markup | None:
    if not found:
        return None
    bars = [
        Bar(f"{r.reason} {vocab.label_for(vocab.RETURN_REASONS, r.reason)}", r.share, f"{r.share:.0f}% ({r.count})")
        for r in found
    ]
    top = found[0]
    return bar_chart(
        f"Return reasons, {whose}",
        f"Bar chart of the share of return items for each reason, most frequent first. Most frequent: "
        f"{top.reason}, {vocab.label_for(vocab.RETURN_REASONS, top.reason)}, {top.share:.0f}%.",
        bars,
        label_width=330,
    )


def _banded(per: str, bands: str, number: str) -> str:
    """How every chart of four bands a bar is told: the bands run from solid black to light grey."""
    return (
        f"Stacked bar chart: one bar per {per}, split into {bands}, from solid black through hatched and dotted to "
        f"light grey. The number at the end of each bar is {number}."
    )


def backlog_ageing(found: list[backlog.StateBacklog]) -> Markup | None:
    if not found:
        return None
    return stacked_bars(
        "Open forms by state and age",
        _banded("state", "forms 0 to 7, 8 to 14, 15 to 28 and more than 28 days in that state", "the total"),
        [(b.state.label, b.bands) for b in found],
        ("0–7 days", "8–14 days", "15–28 days", "Over 28 days"),
    )


def submissions(rows: list[cohort.Cohort]) -> Markup | None:
    if not rows:
        return None
    return stacked_bars(
        "What became of the forms first submitted, by force",
        _banded(
            "force",
            "forms accepted, rejected, returned or lapsed, and withdrawn or still with the ROCTA",
            "the forms first submitted in the period",
        ),
        [(r.name, (r.accepted, r.rejected, r.returned + r.lapsed, r.withdrawn + r.pending)) for r in rows],
        ("Accepted", "Rejected", "Returned", "Other"),
    )


def stale_returns(rows: list[returns.StaleSummary]) -> Markup | None:
    if not any(r.waiting for r in rows):
        return None
    return stacked_bars(
        "Returns waiting on each force, by days since the return",
        _banded("force", "returns waiting under 7 days, 7 to 13, 14 to 27 and 28 days or more", "the returns waiting")
        + " Lapsed forms are not included.",
        [(r.name, (r.waiting - r.over_7, r.over_7 - r.over_14, r.over_14 - r.over_28, r.over_28)) for r in rows],
        ("Under 7 days", "7–13 days", "14–27 days", "28 or more"),
    )


def time_taken(rows: list[timing.Clocks]) -> Markup | None:
    decided = [r for r in rows if r.end_to_end.median is not None]
    if not decided:
        return None
    slowest = max(decided, key=lambda r: r.end_to_end.median)
    bars = _force_bars(
        decided,
        lambda r: r.end_to_end.median,
        lambda r: f"{r.end_to_end.median:.0f} (90%: {r.end_to_end.p90:.0f})",
        slowest,
    )
    return bar_chart(
        "Working days from first submission to first decision, by force",
        f"Bar chart of the median working days from first submission to first decision for {len(decided)} "
        f"forces; each bar's label gives the 90th percentile too. Slowest: {slowest.name}, "
        f"{slowest.end_to_end.median:.0f} working days.",
        bars,
    )


def assessor_return_rates(rows: list[assessors.Workload]) -> Markup | None:
    rated = [r for r in rows if r.return_rate is not None]
    if not rated:
        return None
    bars = [
        Bar(
            f"{r.name}, {r.region}",
            r.return_rate,
            f"{r.return_rate:.0f}%" + (f" (region {r.regional_mean:.0f}%)" if r.regional_mean is not None else ""),
            emphasis=r.flagged,
        )
        for r in rated
    ]
    flagged = [r.name for r in rated if r.flagged]
    return bar_chart(
        "Return rate by assessor",
        f"Bar chart of the return rate of {len(rated)} assessors, with their region's mean in each "
        f"label. Drawn in black: more than {assessors.FLAG_POINTS} points from their region's mean"
        + (f": {', '.join(flagged)}." if flagged else "; none is."),
        bars,
        max_value=100,
    )
