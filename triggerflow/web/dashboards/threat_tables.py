"""The After acceptance dashboard: the threat register's measures per owning force, a chart and a table."""

from markupsafe import Markup

from triggerflow.queries.measures import MeasureScope, threats
from triggerflow.web.dashboards.charts import Bar, bar_chart
from triggerflow.web.dashboards.links import Links
from triggerflow.web.dashboards.specs import Spec, with_total, words
from triggerflow.web.dashboards.tables import Cell, Column, Table, count_cell, share_cell, text_cell

MEASURE = "threats"
# How each drill-down names its list (dashboards.descriptions).
DESCRIPTIONS = {
    (MEASURE, "accepted"): "Forms whose threats were accepted in the period",
    (MEASURE, "lro_due"): "Forms whose threats were accepted in the period and whose LRO is due or appointed",
    (MEASURE, "lro_on_time"): "Forms whose threats had an LRO appointed within 7 days of acceptance",
    (MEASURE, "plan_due"): "Forms whose threats were accepted in the period and whose 4P plan is due or agreed",
    (MEASURE, "plan_on_time"): "Forms whose threats had a 4P plan agreed within 28 days of acceptance",
    (MEASURE, "review_overdue"): "Forms whose threats are overdue for review",
    (MEASURE, "idle"): "Forms whose open threats have had nothing recorded for 6 months or more",
    **{(MEASURE, grade): f"Forms whose threats had a {grade} disruption in the period" for grade in threats.GRADES},
}


def totals(rows: list[threats.ThreatCounts]) -> threats.ThreatCounts:
    return threats.ThreatCounts(
        "ALL", "All forces shown", **{name: sum(getattr(r, name) for r in rows) for name in threats.CELLS}
    )


AFTER_ACCEPTANCE = Spec(
    "after-acceptance",
    "After acceptance, by owning force",
    (
        *words("Owning force"),
        Column("Threats accepted"),
        Column("LRO within 7 days", csv=("LROs appointed within 7 days", "LRO within 7 days %")),
        Column("4P plan within 28 days", csv=("Plans agreed within 28 days", "Plan within 28 days %")),
        Column("Reviews overdue"),
        Column("Idle 6 months or more"),
        Column("Major disruptions"),
        Column("Moderate disruptions"),
        Column("Minor disruptions"),
    ),
    empty="No threats on the register for these filters.",
    notes=(
        "Threats accepted: threats put on the register in the period, by the date of acceptance. "
        "LRO within 7 days: of those whose 7 days are up or whose LRO is appointed, the share "
        "with an LRO appointed within 7 days of acceptance. 4P plan within 28 days: the same, "
        "for the plan agreed within 28 days.",
        "Reviews overdue and idle threats are as at today, whatever the period: a review is overdue "
        "once its date has passed; a threat is idle when nothing (an LRO, a plan action, a review, "
        "a disruption, a reference) has been recorded for 6 months or more.",
        "Disruptions count by the day they happened, graded major, moderate or minor.",
    ),
)


def after_acceptance(scope: MeasureScope, links: Links, rows: list[threats.ThreatCounts] | None = None) -> Table:
    def line(r: threats.ThreatCounts) -> tuple[Cell, ...]:
        go = lambda cell: links.forms(MEASURE, cell, r.code)  # noqa: E731
        return (
            text_cell(r.name),
            count_cell(r.accepted, go("accepted"), f"threats accepted, {r.name}"),
            share_cell(r.lro_on_time, r.lro_due, go("lro_on_time"), f"LROs within 7 days, {r.name}"),
            share_cell(r.plan_on_time, r.plan_due, go("plan_on_time"), f"plans within 28 days, {r.name}"),
            count_cell(r.review_overdue, go("review_overdue"), f"reviews overdue, {r.name}"),
            count_cell(r.idle, go("idle"), f"idle threats, {r.name}"),
            *(count_cell(getattr(r, grade), go(grade), f"{grade} disruptions, {r.name}") for grade in threats.GRADES),
        )

    return AFTER_ACCEPTANCE.table(with_total(line, threats.by_force(scope) if rows is None else rows, totals))


def lro_chart(rows: list[threats.ThreatCounts]) -> Markup | None:
    rated = [r for r in rows if r.lro_rate is not None]
    if not rated:
        return None
    rated.sort(key=lambda r: -r.lro_rate)
    bars = [Bar(r.name, r.lro_rate, f"{r.lro_rate:.0f}% ({r.lro_on_time} of {r.lro_due})") for r in rated]
    lowest = rated[-1]
    return bar_chart(
        "LROs appointed within 7 days, by owning force",
        f"Bar chart of the share of threats with an LRO appointed within 7 days of acceptance, for "
        f"{len(rated)} forces, highest first. Lowest: {lowest.name}, {lowest.lro_rate:.0f}%.",
        bars,
        max_value=100,
    )
