"""The charts on each dashboard, drawn from the same rows as the tables beside them."""
from markupsafe import Markup

from triggerflow.content import vocab
from triggerflow.queries.measures import backlog, cohort, decisions, returns
from triggerflow.web.dashboards.charts import Bar, Series, bar_chart, small_multiples, stacked_bars
from triggerflow.web.dashboards.outcome_tables import OUTCOMES, month_label, months_between


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
        ("Accepted", "Rejected", "With ROCTA", "Returned", "Lapsed", "Withdrawn"))


def acceptance(rows: list[decisions.DecisionCounts]) -> Markup | None:
    if not rows:
        return None
    lowest = rows[-1]
    bars = [Bar(r.name, r.acceptance_rate, f"{r.acceptance_rate:.0f}% ({r.accepted} of {r.decided})",
                emphasis=r is lowest and len(rows) > 1) for r in rows]
    return bar_chart("Decision rate by force", f"Bar chart of the decision rate (accepted of decided) of {len(rows)} "
                     f"forces, highest first. Lowest: {lowest.name}, {lowest.acceptance_rate:.0f}%.", bars,
                     max_value=100)


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
        series, reference=overall)


def reasons(found: list[returns.ReasonCount], whose: str) -> Markup | None:
    if not found:
        return None
    bars = [Bar(f"{r.reason} {vocab.label_for(vocab.RETURN_REASONS, r.reason)}", r.share,
                f"{r.share:.0f}% ({r.count})") for r in found]
    top = found[0]
    return bar_chart(f"Return reasons, {whose}",
                     f"Bar chart of the share of return items for each reason, most frequent first. Most frequent: "
                     f"{top.reason}, {vocab.label_for(vocab.RETURN_REASONS, top.reason)}, {top.share:.0f}%.",
                     bars, label_width=330)


def backlog_ageing(found: list[backlog.StateBacklog]) -> Markup | None:
    if not found:
        return None
    return stacked_bars(
        "Open forms by state and age",
        "Stacked bar chart: one bar per state, split into forms 0 to 7, 8 to 14, 15 to 28 and more than 28 days "
        "in that state, from solid black through hatched and dotted to light grey. The number at the end of each "
        "bar is the total.",
        [(b.state.label, b.bands) for b in found], ("0–7 days", "8–14 days", "15–28 days", "Over 28 days"))
