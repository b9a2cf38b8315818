"""Management information dashboards (DESIGN section 7), read-only, at the user's scope.

Each page: the filters, then for each measure a chart where a picture helps and a table of
the same numbers, each table downloadable as CSV, each number linking to its forms.
"""
from dataclasses import replace

from flask import Blueprint, Response, abort, current_app, render_template, request
from flask_login import current_user

from triggerflow.db import utcnow
from triggerflow.models import Role
from triggerflow.queries.measures import MeasureScope, backlog, decisions, returns, threats
from triggerflow.queries.measures.drill import UnknownDrill, forms_behind
from triggerflow.web.access import allow
from triggerflow.web.dashboards import figures, outcome_tables as outcomes, threat_tables, work_tables as work
from triggerflow.web.dashboards.filters import FilterForm
from triggerflow.web.dashboards.links import Links
from triggerflow.web.dashboards.descriptions import describe
from triggerflow.web.dashboards.tables import to_csv

bp = Blueprint("dashboards", __name__, url_prefix="/dashboards")

VIEWERS = (Role.MANAGER, Role.ASSESSOR, Role.ADMIN)
LIST_PAGE_SIZE = 50

PAGES = (
    ("dashboards.overview", "Overview"),
    ("dashboards.acceptance", "Acceptance"),
    ("dashboards.submissions", "Submissions and returns"),
    ("dashboards.reasons", "Return reasons"),
    ("dashboards.stale", "Stale returns"),
    ("dashboards.time_taken", "Time taken"),
    ("dashboards.assessors", "Assessors"),
    ("dashboards.backlog_and_operations", "Backlog and operations"),
    ("dashboards.after_acceptance", "After acceptance"),
)

# Every table on any dashboard, by the key its CSV is downloaded under. Lists come whole in CSV.
TABLES = {
    "acceptance": outcomes.acceptance,
    "acceptance-by-month": outcomes.acceptance_by_month,
    "submission-yield": outcomes.submission_yield,
    "returns-per-form": outcomes.returns_per_form,
    "return-reasons": outcomes.reasons_matrix,
    "return-reasons-overall": outcomes.reasons_overall,
    "stale-returns-by-force": work.stale_summary,
    "stale-returns": lambda scope, links: work.stale_list(scope, links, limit=None),
    "time-in-state": work.time_in_state,
    "end-to-end": work.clocks,
    "assessors": work.assessor_workload,
    "backlog": work.backlog_by_state,
    "operations-by-force": work.operations_by_force,
    "operations": lambda scope, links: work.operations(scope, links, limit=None),
    "after-acceptance": threat_tables.after_acceptance,
}


def _context() -> dict:
    today = utcnow().date()
    form = FilterForm.for_user(current_user, request.args, today)
    scope = MeasureScope(current_user, form.filters(today))
    return {"form": form, "scope": scope, "filters": scope.filters, "links": Links(scope.filters),
            "pages": PAGES}


def _tables(heading: str, *builders, chart=None):
    """A page of tables (and perhaps a chart) built from the filtered scope."""
    context = _context()
    tables = [build(context["scope"], context["links"]) for build in builders]
    return render_template("dashboards/tables.html", **context, heading=heading, tables=tables, chart=chart)


@bp.get("/")
@allow(*VIEWERS)
def overview():
    context = _context()
    scope, links = context["scope"], context["links"]
    rates = decisions.by_force(scope)
    return render_template(
        "dashboards/overview.html", **context, rates=rates, acceptance_chart=figures.acceptance(rates),
        acceptance_table=outcomes.acceptance(scope, links, rates),
        **_lowest_force(scope, rates[-1] if rates else None),
        stale_table=work.stale_summary(scope, links), stale_list=work.stale_list(scope, links, limit=10),
        own_figures=work.assessor_workload(scope, links) if current_user.role is Role.ASSESSOR else None,
    )


def _lowest_force(scope: MeasureScope, lowest: decisions.DecisionCounts | None) -> dict:
    """Why the force with the lowest acceptance rate has its forms returned."""
    if lowest is None:
        return {"lowest": None}
    narrowed = MeasureScope(scope.user, replace(scope.filters, force=lowest.code), scope.now)
    found = returns.reasons_overall(narrowed)
    return {"lowest": lowest, "lowest_links": Links(narrowed.filters),
            "reasons_chart": figures.reasons(found[:6], lowest.name),
            "reasons_table": outcomes.reasons_overall(narrowed, Links(narrowed.filters), found)}


@bp.get("/acceptance")
@allow(*VIEWERS)
def acceptance():
    context = _context()
    scope, links = context["scope"], context["links"]
    rates, monthly = decisions.by_force(scope), decisions.by_month(scope)
    return render_template(
        "dashboards/acceptance.html", **context, acceptance_chart=figures.acceptance(rates),
        acceptance_table=outcomes.acceptance(scope, links, rates),
        monthly_chart=figures.rates_over_time(monthly, scope.filters.start, scope.filters.end),
        monthly_table=outcomes.acceptance_by_month(scope, links, monthly))


@bp.get("/submissions")
@allow(*VIEWERS)
def submissions():
    return _tables("Submissions and returns", outcomes.submission_yield, outcomes.returns_per_form)


@bp.get("/reasons")
@allow(*VIEWERS)
def reasons():
    context = _context()
    scope, links = context["scope"], context["links"]
    overall = returns.reasons_overall(scope)
    return render_template("dashboards/tables.html", **context, heading="Return reasons",
                           chart=figures.reasons(overall, "all forces shown"),
                           tables=[outcomes.reasons_overall(scope, links, overall),
                                   outcomes.reasons_matrix(scope, links)])


@bp.get("/stale")
@allow(*VIEWERS)
def stale():
    return _tables("Stale returns", work.stale_summary, work.stale_list)


@bp.get("/time")
@allow(*VIEWERS)
def time_taken():
    return _tables("Time taken", work.clocks, work.time_in_state)


@bp.get("/assessors")
@allow(*VIEWERS)
def assessors():
    return _tables("Assessors", work.assessor_workload)


@bp.get("/backlog")
@allow(*VIEWERS)
def backlog_and_operations():
    context = _context()
    scope, links = context["scope"], context["links"]
    found = backlog.by_state(scope)
    return render_template("dashboards/tables.html", **context, heading="Backlog and operations",
                           chart=figures.backlog_ageing(found),
                           tables=[work.backlog_by_state(scope, links, found), work.operations_by_force(scope, links),
                                   work.operations(scope, links)])


@bp.get("/after-acceptance")
@allow(*VIEWERS)
def after_acceptance():
    context = _context()
    rows = threats.by_force(context["scope"])
    return render_template("dashboards/tables.html", **context, heading="After acceptance",
                           chart=threat_tables.lro_chart(rows),
                           tables=[threat_tables.after_acceptance(context["scope"], context["links"], rows)])


def _drill_request() -> tuple[str, str, dict[str, str]]:
    keys = {k: request.args.get(k, "") for k in ("month", "state", "reason", "by")}
    return request.args.get("measure", ""), request.args.get("cell", ""), keys


@bp.get("/forms")
@allow(*VIEWERS)
def forms():
    context = _context()
    measure, cell, keys = _drill_request()
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    try:
        found, total = forms_behind(context["scope"], measure, cell, keys, limit=LIST_PAGE_SIZE,
                                    offset=(page - 1) * LIST_PAGE_SIZE)
    except UnknownDrill:
        abort(404)
    args = {**context["links"].args, "measure": measure, "cell": cell, **{k: v for k, v in keys.items() if v}}
    listed = work.form_list(found, describe(measure, cell, keys))
    return render_template("dashboards/forms.html", **context, table=listed, total=total, page=page,
                           pages_count=-(-total // LIST_PAGE_SIZE), list_args=args)


@bp.get("/forms.csv")
@allow(*VIEWERS)
def forms_csv():
    context = _context()
    measure, cell, keys = _drill_request()
    try:
        found, _ = forms_behind(context["scope"], measure, cell, keys)
    except UnknownDrill:
        abort(404)
    return _csv(work.form_list(found, describe(measure, cell, keys)), "forms", context["filters"])


@bp.get("/<key>.csv")
@allow(*VIEWERS)
def download(key: str):
    build = TABLES.get(key)
    if build is None:
        abort(404)
    context = _context()
    return _csv(build(context["scope"], context["links"]), key, context["filters"])


def _csv(table, key: str, filters) -> Response:
    response = Response(to_csv(table, current_app.config["SECURITY_MARKING"]), mimetype="text/csv")
    name = f"triggerflow-{key}-{filters.start.isoformat()}-to-{filters.end.isoformat()}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response
