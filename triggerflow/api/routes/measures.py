"""Management measures (DESIGN section 7) as JSON: the figures behind every dashboard table."""

from triggerflow.api import bp
from triggerflow.api.operations import caller, operation, respond
from triggerflow.api.schemas.measures import MeasureQuery, measure_model
from triggerflow.clocks.working_days import local_today
from triggerflow.models import Role
from triggerflow.queries.measures import MeasureScope, assessors, backlog, cohort, decisions, returns, timing

TAG = "Measures"
VIEWERS = {Role.MANAGER, Role.ASSESSOR, Role.ADMIN, Role.SPOC}  # as the dashboards

# name: (what it is, the query, the dataclass of its rows)
MEASURES = {
    "acceptance": (
        "Decision rate (accepted of decided, not the headline) and first-time acceptance of the "
        "decisions, by force, by decision date",
        decisions.by_force,
        decisions.DecisionCounts,
    ),
    "acceptance-by-month": (
        "Decisions and decision rate by force and month",
        decisions.by_month,
        decisions.MonthlyDecisions,
    ),
    "submission-yield": (
        "The headline: share of the forms first submitted in the period now accepted, what "
        "became of the rest, and how often they were returned, by force",
        cohort.by_force,
        cohort.Cohort,
    ),
    "return-reasons": ("Return reasons by force, counts and shares", returns.reasons_by_force, returns.ReasonCount),
    "return-reasons-overall": (
        "Return reasons across all forces in scope",
        returns.reasons_overall,
        returns.ReasonCount,
    ),
    "stale-returns-by-force": (
        "Returned forms not resubmitted after 7, 14 and 28 days, by force",
        returns.stale_by_force,
        returns.StaleSummary,
    ),
    "stale-returns": (
        "Each returned form not yet resubmitted, with its officer and SPOCs",
        lambda scope: returns.stale_list(scope, limit=None),
        returns.StaleReturn,
    ),
    "time-in-state": (
        "Working days spent in each state, median and 90th percentile",
        timing.time_in_state,
        timing.StateTime,
    ),
    "end-to-end": (
        "Working days from first submission to first decision, and on the ROCTA clock and force clock, by force",
        lambda scope: timing.clocks(scope)[0],
        timing.Clocks,
    ),
    "assessors": ("Assessor workload and consistency", assessors.workload, assessors.Workload),
    "backlog": (
        "Open forms per state by age band: 0-7, 8-14, 15-28 and over 28 days",
        backlog.by_state,
        backlog.StateBacklog,
    ),
    "operations-by-force": (
        "Forms with an operation already running that are not accepted, by force",
        backlog.operations_by_force,
        backlog.OperationCounts,
    ),
    "operations-without-assessment": (
        "Forms with an operation already running that are not accepted",
        lambda scope: backlog.operations_without_assessment(scope, limit=None),
        backlog.Operation,
    ),
}


def _measure_route(name: str) -> None:
    description, compute, row = MEASURES[name]
    model = measure_model(name, row)

    @operation(
        f"Measure: {name}",
        TAG,
        roles=VIEWERS,
        query=MeasureQuery,
        response=model,
        description=f"{description}. Within your scope, for the period and filters given.",
    )
    def measure(query: MeasureQuery):
        scope = MeasureScope(caller(), query.filters(local_today()))
        return respond(
            model.model_validate(
                {"period_start": scope.filters.start, "period_end": scope.filters.end, "rows": compute(scope)}
            )
        )

    measure.__name__ = f"measure_{name.replace('-', '_')}"
    bp.add_url_rule(f"/measures/{name}", measure.__name__, measure, methods=["GET"])


for _name in MEASURES:
    _measure_route(_name)
