"""Tables of work and time: stale returns, time in state, clocks, assessors, backlog and operations by force."""

from triggerflow.queries.measures import MeasureScope, assessors, backlog, returns, timing
from triggerflow.web.dashboards.links import Links
from triggerflow.web.dashboards.specs import Count, Spec, words
from triggerflow.web.dashboards.tables import Cell, Column, Table, count_cell, rate_cell, text_cell, working_days_cell


def _counts(row, links: Links, measure: str, spec: Spec, about: str = "") -> tuple[Cell, ...]:
    """A force's name, then each of its counts linking to the forms behind it; `about` leads each link's words."""
    return (
        text_cell(row.name),
        *(
            count_cell(getattr(row, c.attribute), links.forms(measure, c.drill, row.code), about + c.context(row.name))
            for c in spec.counts
        ),
    )


STALE_SUMMARY = Spec(
    "stale-returns-by-force",
    "Returned forms not resubmitted, by days since the return",
    words("Force"),
    counts=(
        Count("waiting", "Returned, waiting on the force", "waiting"),
        Count("over_7", "7 days or more"),
        Count("over_14", "14 days or more"),
        Count("over_28", "28 days or more"),
        Count("lapsed", "Lapsed"),
    ),
    empty="No returned forms are waiting on a force.",
    notes=(
        "As at today: the period does not apply. Days are counted from the latest return to the "
        "force. Lapsed forms (no resubmission 28 days after the return) are counted apart.",
    ),
)


def stale_summary(scope: MeasureScope, links: Links, found: list[returns.StaleSummary] | None = None) -> Table:
    return STALE_SUMMARY.table(
        _counts(r, links, "stale", STALE_SUMMARY) for r in (returns.stale_by_force(scope) if found is None else found)
    )


TIME_IN_STATE = Spec(
    "time-in-state",
    "Time in each state, for stays that ended in the period",
    (
        *words("State"),
        Column("Times in the state"),
        Column("Median working days"),
        Column("90th percentile working days"),
    ),
    notes=(
        "Medians and 90th percentiles by the nearest-rank method, in working days (weekends and "
        "bank holidays in England and Wales left out), counted as on each form's page.",
    ),
)


def time_in_state(scope: MeasureScope, links: Links) -> Table:
    return TIME_IN_STATE.table(
        (
            text_cell(s.state.label),
            count_cell(s.spread.n, links.events("time", "state", state=s.state.value), f"stays in {s.state.label}"),
            working_days_cell(s.spread.median),
            working_days_cell(s.spread.p90),
        )
        for s in timing.time_in_state(scope)
    )


CLOCKS = Spec(
    "end-to-end",
    "Working days from first submission to first decision: median (90th percentile)",
    (
        *words("Force"),
        Column("Decided"),
        *(
            Column(name, csv=(f"{name} median working days", f"{name} 90th percentile working days"))
            for name in ("End to end", "ROCTA clock", "Force clock")
        ),
    ),
    empty="No forms were accepted or rejected in this period.",
    notes=(
        "The clocks are those on each form's page, over its whole life: the ROCTA clock runs while a "
        "form is submitted, resubmitted or under assessment; the force clock while it is a draft, "
        "with the SPOC or returned. Time lapsed counts on neither. Working days leave out weekends "
        "and bank holidays in England and Wales.",
    ),
)


def _spread(s: timing.Spread) -> Cell:
    if s.median is None:
        return Cell("No data", ("", ""))
    return Cell(f"{s.median:.0f} (90%: {s.p90:.0f})", (round(s.median), round(s.p90)))


def clocks(
    scope: MeasureScope, links: Links, found: tuple[list[timing.Clocks], timing.Clocks | None] | None = None
) -> Table:
    found, overall = timing.clocks(scope) if found is None else found
    overall = overall if len(found) > 1 else None
    return CLOCKS.table(
        (
            text_cell(c.name),
            count_cell(c.end_to_end.n, links.forms("time", "decided", c.code), f"decided, {c.name}"),
            _spread(c.end_to_end),
            _spread(c.rocta),
            _spread(c.force),
        )
        for c in [*found, *([overall] if overall else [])]
    )


ASSESSOR_WORKLOAD = Spec(
    "assessors",
    "Assessor workload and consistency",
    (
        *words("Assessor", "Region"),
        *(Column(f"{did} (times)") for did in ("Claimed", "Returned", "Accepted", "Rejected")),
        Column("Return rate", csv=("Return rate %",)),
        Column("Regional mean return rate", csv=("Regional mean return rate %",)),
        *words(f"Differs by more than {assessors.FLAG_POINTS} points"),
        Column("Acceptance rate", csv=("Acceptance rate %",)),
        Column("Median assessment working days"),
    ),
    empty="No assessor claimed or decided a form.",
    notes=(
        "Return rate is returns ÷ (returns + decisions). An assessor is flagged when their return "
        "rate differs from the mean of their region's assessors by more than "
        f"{assessors.FLAG_POINTS} points.",
    ),
)


def assessor_workload(scope: MeasureScope, links: Links, found: list[assessors.Workload] | None = None) -> Table:
    def line(w: assessors.Workload) -> tuple[Cell, ...]:
        go = lambda cell: links.events("assessors", cell, by=str(w.assessor_id))  # noqa: E731
        return (
            text_cell(w.name),
            text_cell(w.region),
            *(
                count_cell(getattr(w, did), go(did), f"{did} by {w.name}")
                for did in ("claimed", "returned", "accepted", "rejected")
            ),
            rate_cell(w.return_rate),
            rate_cell(w.regional_mean),
            Cell("Yes" if w.flagged else "No", ("yes" if w.flagged else "no",)),
            rate_cell(
                w.acceptance_rate, links.forms("assessors", "decided", by=str(w.assessor_id)), f"decisions by {w.name}"
            ),
            working_days_cell(w.median_days),
        )

    return ASSESSOR_WORKLOAD.table(line(w) for w in (assessors.workload(scope) if found is None else found))


BACKLOG = Spec(
    "backlog",
    "Open forms by state and days in that state",
    (*words("State"), *(Column(label) for _, label, _ in backlog.AGE_BANDS), Column("Total")),
    empty="No open forms.",
    notes=("As at today: the period does not apply.",),
)


def backlog_by_state(scope: MeasureScope, links: Links, found: list[backlog.StateBacklog] | None = None) -> Table:
    return BACKLOG.table(
        (
            text_cell(b.state.label),
            *(
                count_cell(n, links.forms("backlog", key, state=b.state.value), f"{b.state.label}, {label}")
                for n, (key, label, _) in zip(b.bands, backlog.AGE_BANDS)
            ),
            count_cell(b.total, links.forms("backlog", "all", state=b.state.value), f"{b.state.label}, all"),
        )
        for b in (backlog.by_state(scope) if found is None else found)
    )


OPERATIONS_BY_FORCE = Spec(
    "operations-by-force",
    "Operations running against threats not accepted, by force",
    words("Force"),
    counts=(
        Count("open", "Not yet decided"),
        Count("rejected", "Rejected"),
        Count("withdrawn", "Withdrawn"),
        Count("total", "All not accepted", "not accepted", cell="all"),
    ),
    empty="No operation is running against a threat that has not been accepted.",
    notes=(
        "Forms on which the force said an operation is already running, and which the ROCTA has "
        "not accepted. As at today: the period does not apply.",
    ),
)


def operations_by_force(scope: MeasureScope, links: Links) -> Table:
    return OPERATIONS_BY_FORCE.table(
        _counts(r, links, "operations", OPERATIONS_BY_FORCE, about="operations ")
        for r in backlog.operations_by_force(scope)
    )
