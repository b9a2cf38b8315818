"""What each dashboard page of a chart and tables draws, from the rows the chart and tables share."""

from markupsafe import Markup

from triggerflow.queries.measures import MeasureScope, backlog, cohort, returns, threats, timing
from triggerflow.queries.measures import assessors as workload
from triggerflow.web.dashboards import figures, threat_tables
from triggerflow.web.dashboards import list_tables as lists
from triggerflow.web.dashboards import outcome_tables as outcomes
from triggerflow.web.dashboards import work_tables as work
from triggerflow.web.dashboards.links import Links
from triggerflow.web.dashboards.tables import Table

Drawn = tuple[Markup | None, list[Table]]


def submissions(scope: MeasureScope, links: Links) -> Drawn:
    rows = cohort.by_force(scope)
    tables = [outcomes.submission_yield(scope, links, rows), outcomes.returns_per_form(scope, links, rows)]
    return figures.submissions(rows), tables


def reasons(scope: MeasureScope, links: Links) -> Drawn:
    overall = returns.reasons_overall(scope)
    tables = [outcomes.reasons_overall(scope, links, overall), outcomes.reasons_matrix(scope, links)]
    return figures.reasons(overall, "all forces shown"), tables


def stale(scope: MeasureScope, links: Links) -> Drawn:
    rows = returns.stale_by_force(scope)
    return figures.stale_returns(rows), [work.stale_summary(scope, links, rows), lists.stale_list(scope, links)]


def time_taken(scope: MeasureScope, links: Links) -> Drawn:
    found = timing.clocks(scope)
    return figures.time_taken(found[0]), [work.clocks(scope, links, found), work.time_in_state(scope, links)]


def assessors(scope: MeasureScope, links: Links) -> Drawn:
    found = workload.workload(scope)
    return figures.assessor_return_rates(found), [work.assessor_workload(scope, links, found)]


def backlog_and_operations(scope: MeasureScope, links: Links) -> Drawn:
    found = backlog.by_state(scope)
    return figures.backlog_ageing(found), [
        work.backlog_by_state(scope, links, found),
        lists.registered_operations(scope, links),
        work.operations_by_force(scope, links),
        lists.operations(scope, links),
    ]


def after_acceptance(scope: MeasureScope, links: Links) -> Drawn:
    rows = threats.by_force(scope)
    return threat_tables.lro_chart(rows), [threat_tables.after_acceptance(scope, links, rows)]
