"""Tables of work and time: stale returns, time in state, assessors, backlog, operations, form lists."""

import re
from collections.abc import Callable
from urllib.parse import quote

from flask import url_for

from triggerflow.queries import force_operations
from triggerflow.queries.measures import MeasureScope, assessors, backlog, returns, timing
from triggerflow.queries.measures.drill import ListedForm
from triggerflow.queries.measures.event_drill import ListedEvent
from triggerflow.web.dashboards.links import Links
from triggerflow.web.dashboards.tables import Cell, Column, Table, count_cell, rate_cell, text_cell, working_days_cell

STALE_LIST_LIMIT = 200
OPERATIONS_LIST_LIMIT = 50


def _form_cells() -> Callable[[str], Cell]:
    """A cell linking to a form's page, for lists of thousands of forms: the route is built once and
    each number put into it, quoted as the router would only if it holds more than letters, digits
    and hyphens."""
    before, after = url_for("forms.overview", number=_PLACEHOLDER).split(_PLACEHOLDER)

    def cell(number: str) -> Cell:
        segment = number if _PLAIN.fullmatch(number) else quote(number, safe=_PATH_SAFE)
        return Cell(number, (number,), f"{before}{segment}{after}")

    return cell


_PLACEHOLDER = "FORM-NUMBER"
_PLAIN = re.compile(r"[A-Za-z0-9-]+")
_PATH_SAFE = "!$&'()*+,/:;=@"  # what werkzeug's converters leave unquoted in a path segment


def _date_cell(value) -> Cell:
    return Cell(f"{value:%-d %b %Y}", (value.date().isoformat(),)) if value else Cell("", ("",))


def stale_summary(scope: MeasureScope, links: Links, found: list[returns.StaleSummary] | None = None) -> Table:
    columns = (
        Column("Force", numeric=False),
        Column("Returned, waiting on the force"),
        Column("7 days or more"),
        Column("14 days or more"),
        Column("28 days or more"),
        Column("Lapsed"),
    )
    cells = (
        ("waiting", "waiting"),
        ("over_7", "7 days or more"),
        ("over_14", "14 days or more"),
        ("over_28", "28 days or more"),
        ("lapsed", "lapsed"),
    )
    rows = [
        (
            text_cell(r.name),
            *(
                count_cell(getattr(r, key), links.forms("stale", key, r.code), f"{what}, {r.name}")
                for key, what in cells
            ),
        )
        for r in (returns.stale_by_force(scope) if found is None else found)
    ]
    return Table(
        "stale-returns-by-force",
        "Returned forms not resubmitted, by days since the return",
        columns,
        rows,
        empty="No returned forms are waiting on a force.",
        notes=(
            "As at today: the period does not apply. Days are counted from the latest return to the "
            "force. Lapsed forms (no resubmission 28 days after the return) are counted apart.",
        ),
    )


def stale_list(scope: MeasureScope, links: Links, limit: int | None = STALE_LIST_LIMIT) -> Table:
    columns = (
        Column("Form", numeric=False, nowrap=True),
        Column("Working name", numeric=False),
        Column("Force", numeric=False),
        Column("State", numeric=False),
        Column("Returned", numeric=False),
        Column("Days since return"),
        Column("Officer", numeric=False),
        Column("SPOCs", numeric=False),
    )
    form_cell = _form_cells()
    rows = [
        (
            form_cell(r.number),
            text_cell(r.working_name),
            text_cell(r.force_name),
            text_cell(r.state.label),
            _date_cell(r.returned_at),
            Cell(f"{int(r.days)}", (int(r.days),)),
            text_cell(r.officer),
            text_cell(", ".join(r.spocs) or "No SPOC"),
        )
        for r in returns.stale_list(scope, limit=limit)
    ]
    caption = "Returns not resubmitted after 7 days or more, oldest first"
    if limit and len(rows) == limit:
        caption = f"The {limit} oldest returns not resubmitted after 7 days or more"
    return Table("stale-returns", caption, columns, rows, empty="No returned form has waited 7 days or more.")


def time_in_state(scope: MeasureScope, links: Links) -> Table:
    columns = (
        Column("State", numeric=False),
        Column("Times in the state"),
        Column("Median working days"),
        Column("90th percentile working days"),
    )
    rows = [
        (
            text_cell(s.state.label),
            count_cell(s.spread.n, links.events("time", "state", state=s.state.value), f"stays in {s.state.label}"),
            working_days_cell(s.spread.median),
            working_days_cell(s.spread.p90),
        )
        for s in timing.time_in_state(scope)
    ]
    return Table(
        "time-in-state",
        "Time in each state, for stays that ended in the period",
        columns,
        rows,
        notes=(
            "Medians and 90th percentiles by the nearest-rank method, in working days (weekends and "
            "bank holidays in England and Wales left out), counted as on each form's page.",
        ),
    )


def clocks(
    scope: MeasureScope, links: Links, found: tuple[list[timing.Clocks], timing.Clocks | None] | None = None
) -> Table:
    columns = (
        Column("Force", numeric=False),
        Column("Decided"),
        *(
            Column(name, csv=(f"{name} median working days", f"{name} 90th percentile working days"))
            for name in ("End to end", "ROCTA clock", "Force clock")
        ),
    )

    def spread(s: timing.Spread) -> Cell:
        if s.median is None:
            return Cell("No data", ("", ""))
        return Cell(f"{s.median:.0f} (90%: {s.p90:.0f})", (round(s.median), round(s.p90)))

    found, overall = timing.clocks(scope) if found is None else found
    overall = overall if len(found) > 1 else None
    rows = [
        (
            text_cell(c.name),
            count_cell(c.end_to_end.n, links.forms("time", "decided", c.code), f"decided, {c.name}"),
            spread(c.end_to_end),
            spread(c.rocta),
            spread(c.force),
        )
        for c in [*found, *([overall] if overall else [])]
    ]
    return Table(
        "end-to-end",
        "Working days from first submission to decision: median (90th percentile)",
        columns,
        rows,
        empty="No forms were accepted or rejected in this period.",
        notes=(
            "The clocks are those on each form's page, over its whole life: the ROCTA clock runs while a "
            "form is submitted, resubmitted or under assessment; the force clock while it is a draft, "
            "with the SPOC or returned. Time lapsed counts on neither. Working days leave out weekends "
            "and bank holidays in England and Wales.",
        ),
    )


def assessor_workload(scope: MeasureScope, links: Links, found: list[assessors.Workload] | None = None) -> Table:
    columns = (
        Column("Assessor", numeric=False),
        Column("Region", numeric=False),
        Column("Claimed (times)"),
        Column("Returned (times)"),
        Column("Accepted (times)"),
        Column("Rejected (times)"),
        Column("Return rate", csv=("Return rate %",)),
        Column("Regional mean return rate", csv=("Regional mean return rate %",)),
        Column(f"Differs by more than {assessors.FLAG_POINTS} points", numeric=False),
        Column("Acceptance rate", csv=("Acceptance rate %",)),
        Column("Median assessment working days"),
    )

    def line(w: assessors.Workload) -> tuple[Cell, ...]:
        go = lambda cell: links.events("assessors", cell, by=str(w.assessor_id))  # noqa: E731
        return (
            text_cell(w.name),
            text_cell(w.region),
            count_cell(w.claimed, go("claimed"), f"claimed by {w.name}"),
            count_cell(w.returned, go("returned"), f"returned by {w.name}"),
            count_cell(w.accepted, go("accepted"), f"accepted by {w.name}"),
            count_cell(w.rejected, go("rejected"), f"rejected by {w.name}"),
            rate_cell(w.return_rate),
            rate_cell(w.regional_mean),
            Cell("Yes" if w.flagged else "No", ("yes" if w.flagged else "no",)),
            rate_cell(
                w.acceptance_rate, links.forms("assessors", "decided", by=str(w.assessor_id)), f"decisions by {w.name}"
            ),
            working_days_cell(w.median_days),
        )

    return Table(
        "assessors",
        "Assessor workload and consistency",
        columns,
        [line(w) for w in (assessors.workload(scope) if found is None else found)],
        empty="No assessor claimed or decided a form.",
        notes=(
            "Return rate is returns ÷ (returns + decisions). An assessor is flagged when their return "
            "rate differs from the mean of their region's assessors by more than "
            f"{assessors.FLAG_POINTS} points.",
        ),
    )


def backlog_by_state(scope: MeasureScope, links: Links, found: list[backlog.StateBacklog] | None = None) -> Table:
    columns = (Column("State", numeric=False), *(Column(label) for _, label, _ in backlog.AGE_BANDS), Column("Total"))
    rows = [
        (
            text_cell(b.state.label),
            *(
                count_cell(n, links.forms("backlog", key, state=b.state.value), f"{b.state.label}, {label}")
                for n, (key, label, _) in zip(b.bands, backlog.AGE_BANDS)
            ),
            count_cell(b.total, links.forms("backlog", "all", state=b.state.value), f"{b.state.label}, all"),
        )
        for b in (backlog.by_state(scope) if found is None else found)
    ]
    return Table(
        "backlog",
        "Open forms by state and days in that state",
        columns,
        rows,
        empty="No open forms.",
        notes=("As at today: the period does not apply.",),
    )


def operations_by_force(scope: MeasureScope, links: Links) -> Table:
    columns = (
        Column("Force", numeric=False),
        Column("Not yet decided"),
        Column("Rejected"),
        Column("Withdrawn"),
        Column("All not accepted"),
    )
    groups = (("open", "not yet decided"), ("rejected", "rejected"), ("withdrawn", "withdrawn"))
    rows = [
        (
            text_cell(r.name),
            *(
                count_cell(getattr(r, key), links.forms("operations", key, r.code), f"operations {what}, {r.name}")
                for key, what in groups
            ),
            count_cell(r.total, links.forms("operations", "all", r.code), f"operations not accepted, {r.name}"),
        )
        for r in backlog.operations_by_force(scope)
    ]
    return Table(
        "operations-by-force",
        "Operations running against threats not accepted, by force",
        columns,
        rows,
        empty="No operation is running against a threat that has not been accepted.",
        notes=(
            "Forms on which the force said an operation is already running, and which the ROCTA has "
            "not accepted. As at today: the period does not apply.",
        ),
    )


def operations(scope: MeasureScope, links: Links, limit: int | None = OPERATIONS_LIST_LIMIT) -> Table:
    columns = (
        Column("Form", numeric=False, nowrap=True),
        Column("Working name", numeric=False),
        Column("Force", numeric=False),
        Column("State", numeric=False),
        Column("Officer", numeric=False),
        Column("Days since first submission"),
    )
    form_cell = _form_cells()
    rows = [
        (
            form_cell(o.number),
            text_cell(o.working_name),
            text_cell(o.force_name),
            text_cell(o.state.label),
            text_cell(o.officer),
            Cell(f"{int(o.days_since_submission)}", (int(o.days_since_submission),))
            if o.days_since_submission is not None
            else Cell("Not submitted", ("",)),
        )
        for o in backlog.operations_without_assessment(scope, limit=limit)
    ]
    caption = "Operations running against threats not accepted, undecided first"
    if limit and len(rows) == limit:
        caption = f"The first {limit} operations running against threats not accepted, undecided first"
    return Table(
        "operations",
        caption,
        columns,
        rows,
        empty="No operation is running against a threat that has not been accepted.",
    )


def registered_operations(scope: MeasureScope, links: Links, limit: int | None = OPERATIONS_LIST_LIMIT) -> Table:
    """Operations on the forces' registers with no accepted threat behind them, oldest first."""
    columns = (
        Column("Operation", numeric=False),
        Column("Force", numeric=False),
        Column("Targets", numeric=False),
        Column("Started", numeric=False),
        Column("Days running"),
        Column("Trigger form", numeric=False),
    )
    form_cell, today = _form_cells(), scope.now.date()
    rows = [
        (
            text_cell(o.name),
            text_cell(o.force_name),
            text_cell(o.target),
            Cell(f"{o.started_on:%-d %b %Y}", (o.started_on.isoformat(),)),
            Cell(f"{o.days_running(today)}", (o.days_running(today),)),
            form_cell(o.form_number) if o.form_number else text_cell("No trigger form"),
        )
        for o in force_operations.without_assessment(scope, limit=limit)
    ]
    return Table(
        "registered-operations",
        "Operations on the forces’ registers with no accepted threat, oldest first",
        columns,
        rows,
        empty="Every operation on the registers has an accepted threat behind it.",
        notes=(
            "As at today: the period does not apply. Includes operations against groups for which no "
            "trigger form was ever sent.",
        ),
    )


def form_list(forms: list[ListedForm], caption: str) -> Table:
    columns = (
        Column("Form", numeric=False, nowrap=True),
        Column("Working name", numeric=False),
        Column("Force", numeric=False),
        Column("State", numeric=False),
        Column("First submitted", numeric=False),
        Column("Officer", numeric=False),
    )
    form_cell = _form_cells()
    rows = [
        (
            form_cell(f.number),
            text_cell(f.working_name),
            text_cell(f.force_name),
            text_cell(f.state.label),
            _date_cell(f.first_submitted_at),
            text_cell(f.officer),
        )
        for f in forms
    ]
    return Table("forms", caption, columns, rows, empty="No forms.")


def event_list(events: list[ListedEvent], caption: str) -> Table:
    columns = (
        Column("Form", numeric=False, nowrap=True),
        Column("Working name", numeric=False),
        Column("Force", numeric=False),
        Column("What happened", numeric=False),
        Column("When", numeric=False),
        Column("By", numeric=False),
    )
    form_cell = _form_cells()
    rows = [
        (
            form_cell(e.number),
            text_cell(e.working_name),
            text_cell(e.force_name),
            text_cell(e.what),
            _date_cell(e.at),
            text_cell(e.by or ""),
        )
        for e in events
    ]
    return Table("events", caption, columns, rows, empty="Nothing happened.")
