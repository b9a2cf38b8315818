"""Management information dashboards (DESIGN section 7), read-only, at the user's scope.

Each page: the filters, then for each measure a chart where a picture helps and a table of
the same numbers, each table downloadable as CSV, each number linking to its forms.
"""

from collections.abc import Callable
from dataclasses import replace

from flask import Blueprint, Response, abort, current_app, g, render_template, request
from flask_login import current_user

from triggerflow.access import allow
from triggerflow.clocks.working_days import local_today
from triggerflow.input_ids import number_or
from triggerflow.models import Role
from triggerflow.queries.measures import MeasureScope, cohort, decisions, returns
from triggerflow.queries.measures.definitions import DEFINITIONS
from triggerflow.queries.measures.drill import UnknownDrill, forms_behind
from triggerflow.queries.measures.event_drill import events_behind
from triggerflow.web.dashboards import figures, pages, threat_tables
from triggerflow.web.dashboards import list_tables as lists
from triggerflow.web.dashboards import outcome_tables as outcomes
from triggerflow.web.dashboards import work_tables as work
from triggerflow.web.dashboards.descriptions import describe, describe_times
from triggerflow.web.dashboards.filters import FilterForm
from triggerflow.web.dashboards.links import Links
from triggerflow.web.dashboards.tables import to_csv

bp = Blueprint("dashboards", __name__, url_prefix="/dashboards")


@bp.record_once
def _share_definitions(state) -> None:
    # The table macro links each table to its definition; it is imported without the page's context.
    state.app.jinja_env.globals["measure_definitions"] = DEFINITIONS


# SPOCs see their own force's figures (why its forms come back), as a force manager does; never another force's.
VIEWERS = (Role.MANAGER, Role.ASSESSOR, Role.ADMIN, Role.SPOC)
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
    "stale-returns": lambda scope, links: lists.stale_list(scope, links, limit=None),
    "time-in-state": work.time_in_state,
    "end-to-end": work.clocks,
    "assessors": work.assessor_workload,
    "backlog": work.backlog_by_state,
    "operations-by-force": work.operations_by_force,
    "operations": lambda scope, links: lists.operations(scope, links, limit=None),
    "registered-operations": lambda scope, links: lists.registered_operations(scope, links, limit=None),
    "after-acceptance": threat_tables.after_acceptance,
}


def _context() -> dict:
    today = local_today()
    form = FilterForm.for_user(current_user, request.args, today)
    scope = MeasureScope(current_user, form.filters(today))
    g.filters_refused = bool(form.errors)
    return {"form": form, "scope": scope, "filters": scope.filters, "links": Links(scope.filters), "pages": PAGES}


@bp.after_request
def _refused_filters_are_a_bad_request(response):
    """A page whose filters were refused shows why in its error summary, beside the figures for the
    default period, and says so in its status too: it is not the page that was asked for."""
    if g.get("filters_refused") and response.status_code == 200:
        response.status_code = 400
    return response


@bp.get("/")
@allow(*VIEWERS)
def overview():
    context = _context()
    scope, links = context["scope"], context["links"]
    # The decision rate is on the acceptance page, under its own name: the overview leads with the cohort.
    outcomes_now = cohort.by_force(scope)
    return render_template(
        "dashboards/overview.html",
        **context,
        cohorts=outcomes_now,
        cohort_chart=figures.cohort_outcomes(outcomes_now),
        cohort_table=outcomes.submission_yield(scope, links, outcomes_now),
        **_lowest_force(scope, min(outcomes_now, key=lambda r: (r.share_accepted, r.name), default=None)),
        stale_table=work.stale_summary(scope, links),
        stale_list=lists.stale_list(scope, links, limit=10),
        own_figures=work.assessor_workload(scope, links) if current_user.role is Role.ASSESSOR else None,
        operations_table=lists.registered_operations(scope, links, limit=10),
    )


def _lowest_force(scope: MeasureScope, lowest: cohort.Cohort | None) -> dict:
    """Why the force with the lowest share of its submissions accepted has its forms returned."""
    if lowest is None:
        return {"lowest": None}
    narrowed = MeasureScope(scope.user, replace(scope.filters, force=lowest.code), scope.now)
    found = returns.reasons_overall(narrowed)
    return {
        "lowest": lowest,
        "lowest_links": Links(narrowed.filters),
        "reasons_chart": figures.reasons(found[:6], lowest.name),
        "reasons_table": outcomes.reasons_overall(narrowed, Links(narrowed.filters), found),
    }


@bp.get("/definitions")
@allow(*VIEWERS)
def definitions():
    """What each figure counts: every table on every dashboard links here."""
    return render_template("dashboards/definitions.html", definitions=DEFINITIONS)


@bp.get("/acceptance")
@allow(*VIEWERS)
def acceptance():
    context = _context()
    scope, links = context["scope"], context["links"]
    rates, monthly = decisions.by_force(scope), decisions.by_month(scope)
    return render_template(
        "dashboards/acceptance.html",
        **context,
        acceptance_chart=figures.acceptance(rates),
        acceptance_table=outcomes.acceptance(scope, links, rates),
        monthly_chart=figures.rates_over_time(monthly, scope.filters.start, scope.filters.end),
        monthly_table=outcomes.acceptance_by_month(scope, links, monthly),
    )


def _table_page(draw: Callable[[MeasureScope, Links], pages.Drawn]) -> Callable[[], str]:
    """A page of a chart and tables: its endpoint is named for what draws them, its heading is its title in PAGES."""
    heading = dict(PAGES)[f"dashboards.{draw.__name__}"]

    @allow(*VIEWERS)
    def view() -> str:
        context = _context()
        chart, tables = draw(context["scope"], context["links"])
        return render_template("dashboards/tables.html", **context, heading=heading, tables=tables, chart=chart)

    return view


TABLE_PAGES = {
    "/submissions": pages.submissions,
    "/reasons": pages.reasons,
    "/stale": pages.stale,
    "/time": pages.time_taken,
    "/assessors": pages.assessors,
    "/backlog": pages.backlog_and_operations,
    "/after-acceptance": pages.after_acceptance,
}
for path, draw in TABLE_PAGES.items():
    bp.add_url_rule(path, draw.__name__, _table_page(draw))


def _drill_request() -> tuple[str, str, dict[str, str]]:
    keys = {k: request.args.get(k, "") for k in ("month", "state", "reason", "by")}
    return request.args.get("measure", ""), request.args.get("cell", ""), keys


@bp.get("/forms")
@allow(*VIEWERS)
def forms():
    return _listed(forms_behind, lists.form_list, describe)


@bp.get("/forms.csv")
@allow(*VIEWERS)
def forms_csv():
    return _listed_csv(forms_behind, lists.form_list, describe, "forms")


@bp.get("/events")
@allow(*VIEWERS)
def events():
    """The times behind a figure that counts times: as many rows as the figure says."""
    return _listed(events_behind, lists.event_list, describe_times, times=True)


@bp.get("/events.csv")
@allow(*VIEWERS)
def events_csv():
    return _listed_csv(events_behind, lists.event_list, describe_times, "events")


def _listed(behind, table, caption, times: bool = False):
    """A page of the list behind one figure: its forms, or its times."""
    context = _context()
    measure, cell, keys = _drill_request()
    page = max(number_or(request.args.get("page"), 1), 1)
    try:
        found, total = behind(
            context["scope"], measure, cell, keys, limit=LIST_PAGE_SIZE, offset=(page - 1) * LIST_PAGE_SIZE
        )
    except UnknownDrill:
        abort(404)
    args = {**context["links"].args, "measure": measure, "cell": cell, **{k: v for k, v in keys.items() if v}}
    return render_template(
        "dashboards/forms.html",
        **context,
        table=table(found, caption(measure, cell, keys)),
        total=total,
        page=page,
        pages_count=-(-total // LIST_PAGE_SIZE),
        list_args=args,
        times=times,
    )


def _listed_csv(behind, table, caption, name: str):
    context = _context()
    measure, cell, keys = _drill_request()
    try:
        found, _ = behind(context["scope"], measure, cell, keys)
    except UnknownDrill:
        abort(404)
    return _csv(table(found, caption(measure, cell, keys)), name, context["filters"])


@bp.get("/<key>.csv")
@allow(*VIEWERS)
def download(key: str):
    build = TABLES.get(key) or abort(404)
    context = _context()
    return _csv(build(context["scope"], context["links"]), key, context["filters"])


def _csv(table, key: str, filters) -> Response:
    if g.get("filters_refused"):
        abort(400, "The filters in the link are not valid: open the dashboard to see why.")
    response = Response(to_csv(table, current_app.config["SECURITY_MARKING"]), mimetype="text/csv")
    name = f"triggerflow-{key}-{filters.start.isoformat()}-to-{filters.end.isoformat()}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response
