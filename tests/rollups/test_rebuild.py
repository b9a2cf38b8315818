"""`flask rebuild-rollups` works the dashboards' counts out again from the events; rebuilding the
stays rebuilds them too, so time in state counts the stays' working days as they now are."""

from datetime import date

from sqlalchemy import delete, update

from tests import factories
from triggerflow.db import db
from triggerflow.models import FormStay, Rollup
from triggerflow.queries.measures import decisions, timing
from triggerflow.queries.measures.scope import Filters, MeasureScope
from triggerflow.workflow.states import FormState


def test_the_command_writes_again_the_counts_the_moves_kept(app, people):
    factories.accepted(people.officer, people.spoc, people.assessor)
    scope = MeasureScope(people.national_manager, Filters(date(2000, 1, 1), date(2100, 1, 1)))
    before = decisions.by_force(scope)
    db.session.execute(delete(Rollup))
    db.session.commit()
    assert decisions.by_force(scope) == []

    result = app.test_cli_runner().invoke(args=["rebuild-rollups"])

    assert result.exit_code == 0 and "Rebuilt the rollups:" in result.output
    assert decisions.by_force(scope) == before and before[0].accepted == 1


def test_rebuilding_the_stays_rebuilds_the_time_in_state_from_them(app, people):
    factories.accepted(people.officer, people.spoc, people.assessor)
    # As if counted on a calendar since corrected, and the counts kept from them.
    db.session.execute(update(FormStay).values(working_days=99))
    db.session.commit()
    assert app.test_cli_runner().invoke(args=["rebuild-rollups"]).exit_code == 0

    factories.rebuild_stays(app)

    scope = MeasureScope(people.national_manager, Filters(date(2000, 1, 1), date(2100, 1, 1)))
    medians = {row.state: row.spread.median for row in timing.time_in_state(scope)}
    assert medians[FormState.UNDER_ASSESSMENT] != 99
    assert medians == {
        row.state: row.spread.median
        for row in timing.time_in_state(MeasureScope(scope.user, scope.filters, from_rollups=False))
    }
