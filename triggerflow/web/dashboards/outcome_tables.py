"""Tables of what became of forms: acceptance, the submission cohort, returns and their reasons."""

from dataclasses import replace
from datetime import date

from triggerflow.content import vocab
from triggerflow.queries.measures import MeasureScope, cohort, decisions, returns
from triggerflow.web.dashboards.links import Links
from triggerflow.web.dashboards.specs import Count, Spec, share_column, with_total, words
from triggerflow.web.dashboards.tables import Cell, Column, Table, count_cell, heat, rate_cell, share_cell, text_cell

ACCEPTANCE = Spec(
    "acceptance",
    "Decision rate by force, highest first",
    (
        *words("Force"),
        Column("Decision rate", csv=("Decision rate %",)),
        Column("Accepted"),
        Column("Rejected"),
        Column("Decided"),
    ),
    empty="No forms were accepted or rejected in this period.",
    notes=(
        "Decision rate is accepted ÷ (accepted + rejected), by the date of the decision. It leaves "
        "out forms returned and never resubmitted, lapsed or withdrawn: the share of submissions "
        "accepted counts them.",
    ),
)


def acceptance(scope: MeasureScope, links: Links, rows: list[decisions.DecisionCounts] | None = None) -> Table:
    def line(r: decisions.DecisionCounts) -> tuple[Cell, ...]:
        go = lambda cell: links.forms("acceptance", cell, r.code)  # noqa: E731
        return (
            text_cell(r.name),
            rate_cell(r.acceptance_rate, go("decided"), f"decisions for {r.name}"),
            count_cell(r.accepted, go("accepted"), f"accepted, {r.name}"),
            count_cell(r.rejected, go("rejected"), f"rejected, {r.name}"),
            count_cell(r.decided, go("decided"), f"decided, {r.name}"),
        )

    return ACCEPTANCE.table(with_total(line, decisions.by_force(scope) if rows is None else rows, decisions.totals))


def months_between(start: date, end: date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_label(month: str) -> str:
    return date.fromisoformat(f"{month}-01").strftime("%b %Y")


ACCEPTANCE_BY_MONTH = Spec(
    "acceptance-by-month",
    "Decision rate by force and month of decision",
    words("Force"),
    empty="No forms were accepted or rejected in this period.",
)


def acceptance_by_month(
    scope: MeasureScope, links: Links, found: list[decisions.MonthlyDecisions] | None = None
) -> Table:
    months = months_between(scope.filters.start, scope.filters.end)
    cells: dict[tuple[str, str], decisions.MonthlyDecisions] = {}
    names: dict[str, str] = {}
    for r in decisions.by_month(scope) if found is None else found:
        cells[(r.code, r.month)] = r
        names[r.code] = r.name

    def cell(code: str, month: str) -> Cell:
        r = cells.get((code, month))
        if r is None:
            return Cell("–", (0, 0, ""))
        decided = r.accepted + r.rejected
        return Cell(
            f"{r.acceptance_rate:.0f}% ({r.accepted} of {decided})",
            (r.accepted, decided, round(r.acceptance_rate, 1)),
            links.forms("acceptance", "decided", code, month=month),
            f"{names[code]}, {month_label(month)}",
        )

    return ACCEPTANCE_BY_MONTH.table(
        [
            (text_cell(name), *(cell(code, m) for m in months))
            for code, name in sorted(names.items(), key=lambda i: i[1])
        ],
        columns=(Column(month_label(m), csv=(f"{m} accepted", f"{m} decided", f"{m} rate %")) for m in months),
    )


# The cohort's outcomes in the order the headline tells them.
OUTCOMES = (
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("pending", "With the ROCTA"),
    ("returned", "Returned, waiting for the force"),
    ("lapsed", "Lapsed"),
    ("withdrawn", "Withdrawn"),
)


RETURNED_TWICE = Count("returned_twice", "Returned twice or more")
YIELD_SHARES = (
    *(Count(key, label) for key, label in OUTCOMES),
    Count("accepted_first_time", "Accepted first time", cell="first_time"),
    RETURNED_TWICE,
)
RETURN_SHARES = (Count("returned_once", "Returned at least once"), RETURNED_TWICE)

SUBMISSION_YIELD = Spec(
    "submission-yield",
    "Share of submissions accepted, and what became of the rest",
    (*words("Force"), Column("First submitted"), *(share_column(s.heading) for s in YIELD_SHARES)),
    empty="No forms were first submitted in this period.",
    notes=(
        "Each form first submitted to the ROCTA in the period, by where it stands today; the "
        "percentages are of the forms first submitted, so they add up to 100%. Accepted first "
        "time is of the same forms: accepted without ever being returned.",
    ),
)
RETURNS_PER_FORM = Spec(
    "returns-per-form",
    "How often forms first submitted in the period were returned",
    (
        *words("Force"),
        Column("First submitted"),
        Column("ROCTA returns (times)"),
        Column("Returns per form"),
        *(share_column(s.heading) for s in RETURN_SHARES),
    ),
    empty="No forms were first submitted in this period.",
)


def _submitted(r: cohort.Cohort, links: Links) -> tuple[Cell, ...]:
    """The force and its forms first submitted: what each share is of."""
    return (
        text_cell(r.name),
        count_cell(r.submitted, links.forms("cohort", "submitted", r.code), f"first submitted, {r.name}"),
    )


def _shares(r: cohort.Cohort, links: Links, shares: tuple[Count, ...]) -> tuple[Cell, ...]:
    return tuple(
        share_cell(
            getattr(r, s.attribute),
            r.submitted,
            links.forms("cohort", s.drill, r.code),
            s.context(r.name),
        )
        for s in shares
    )


def submission_yield(scope: MeasureScope, links: Links, rows: list[cohort.Cohort] | None = None) -> Table:
    def line(r: cohort.Cohort) -> tuple[Cell, ...]:
        return *_submitted(r, links), *_shares(r, links, YIELD_SHARES)

    return SUBMISSION_YIELD.table(with_total(line, cohort.by_force(scope) if rows is None else rows, cohort.totals))


def returns_per_form(scope: MeasureScope, links: Links, rows: list[cohort.Cohort] | None = None) -> Table:
    def line(r: cohort.Cohort) -> tuple[Cell, ...]:
        per_form = r.returns_per_form
        return (
            *_submitted(r, links),
            count_cell(r.returns, links.events("cohort", "returns", r.code), f"returns, {r.name}"),
            Cell(
                f"{per_form:.2f}" if per_form is not None else "No data",
                (round(per_form, 3) if per_form is not None else "",),
            ),
            *_shares(r, links, RETURN_SHARES),
        )

    return RETURNS_PER_FORM.table(with_total(line, cohort.by_force(scope) if rows is None else rows, cohort.totals))


REASONS_MATRIX = Spec(
    "return-reasons",
    "Return reasons by force: items and share of the force's items",
    (*words("Force"), Column("Return items (times)")),
    empty="No forms were returned in this period.",
)
_SHADING = "The darker a cell, the larger the reason's share of that force's return items."


def reasons_matrix(scope: MeasureScope, links: Links) -> Table:
    found = returns.reasons_by_force(scope)
    codes = [code for code, _ in vocab.RETURN_REASONS if any(r.reason == code for r in found)]
    forces: dict[str, tuple[str, dict[str, returns.ReasonCount]]] = {}
    for r in found:
        forces.setdefault(r.code, (r.name, {}))[1][r.reason] = r

    def line(code: str, name: str, by_reason: dict[str, returns.ReasonCount]) -> tuple[Cell, ...]:
        total = sum(r.count for r in by_reason.values())
        return (
            text_cell(name),
            count_cell(total, links.events("reasons", "all", code), f"return items, {name}"),
            *(
                _shaded(
                    share_cell(
                        by_reason[c].count if c in by_reason else 0,
                        total,
                        links.events("reasons", "reason", code, reason=c),
                        f"{c}, {name}",
                    )
                )
                for c in codes
            ),
        )

    legend = "; ".join(f"{code}: {vocab.label_for(vocab.RETURN_REASONS, code)}" for code in codes)
    table = REASONS_MATRIX.table(
        [line(code, name, by_reason) for code, (name, by_reason) in sorted(forces.items(), key=lambda i: i[1][0])],
        columns=(Column(code, csv=(f"{code} count", f"{code} %")) for code in codes),
    )
    return replace(table, notes=(_SHADING, legend) if legend else ())


def _shaded(cell: Cell) -> Cell:
    return replace(cell, shade=heat(cell.csv_values[1] or None))


REASONS_OVERALL = Spec(
    "return-reasons-overall",
    "Return reasons, most frequent first",
    (*words("Reason"), Column("Return items (times)", csv=("Return items", "Share %"))),
    empty="No forms were returned in this period.",
)


def reasons_overall(scope: MeasureScope, links: Links, found: list[returns.ReasonCount] | None = None) -> Table:
    found = returns.reasons_overall(scope) if found is None else found
    total = sum(r.count for r in found)
    return REASONS_OVERALL.table(
        (
            text_cell(f"{r.reason} {vocab.label_for(vocab.RETURN_REASONS, r.reason)}"),
            share_cell(r.count, total, links.events("reasons", "reason", reason=r.reason), f"items for {r.reason}"),
        )
        for r in found
    )
