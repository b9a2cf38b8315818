"""The south-west scenario replays the inspection: Avon and Somerset, with no SPOC gate, has about
20 % of its submissions accepted because its returns lapse; a form returned twice and never
resubmitted; an operation against a group never assessed."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from triggerflow.db import db
from triggerflow.models import Force, FormEvent, TriggerForm
from triggerflow.queries import force_operations
from triggerflow.queries.measures import Filters, MeasureScope, cohort, returns
from triggerflow.synthetic import generate
from triggerflow.workflow.states import FormState

UNTIL = date(2026, 6, 30)


def scope_of(people) -> MeasureScope:
    return MeasureScope(
        people.regional_manager, Filters(date(2025, 1, 1), date(2026, 6, 29)), datetime(2026, 6, 30, tzinfo=UTC)
    )


@pytest.fixture
def south_west(people):
    generate(1500, seed=2026, scenario="south-west", until=UNTIL, months=18)
    return scope_of(people)


def test_avon_and_somerset_has_no_spoc_gate_and_about_a_fifth_of_its_submissions_accepted(south_west):
    assert db.session.scalar(select(Force.spoc_gate).where(Force.code == "ASC")) is False
    outcomes = {c.code: c for c in cohort.by_force(south_west)}
    low = outcomes.pop("ASC")

    assert 12 <= low.share_accepted <= 28
    assert all(c.share_accepted >= 40 for c in outcomes.values())
    assert low.lapsed > low.rejected  # the low share comes from returns left to lapse, not from rejections
    top = [r.reason for r in returns.reasons_by_force(south_west) if r.code == "ASC" and r.rank <= 3]
    assert top[0] == "R01"


@pytest.mark.parametrize("seed", [2026, 7])
def test_every_seed_has_a_form_returned_twice_never_resubmitted_and_an_operation_never_assessed(people, seed):
    generate(300, seed=seed, scenario="south-west", until=UNTIL, months=18)
    returns_per_form = db.session.execute(
        select(TriggerForm.number, TriggerForm.state)
        .join(Force, Force.id == TriggerForm.force_id)
        .where(Force.code == "ASC")
        .where(
            TriggerForm.id.in_(
                select(FormEvent.form_id)
                .where(FormEvent.action == "return_to_force")
                .group_by(FormEvent.form_id)
                .having(func.count() == 2)
            )
        )
    ).all()
    assert any(state is FormState.LAPSED for _, state in returns_per_form)

    unassessed = force_operations.without_assessment(scope_of(people))
    assert [(o.force_name, o.form_number) for o in unassessed] == [("Avon and Somerset Constabulary", None)]
