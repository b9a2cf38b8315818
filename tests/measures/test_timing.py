"""Time in each state and end to end, in working days, median and 90th percentile by the nearest-rank
method: the same clocks as each form's page. Day 0 is Monday 5 January 2026."""

from sqlalchemy import select

from tests.measures.history import day
from triggerflow.db import db
from triggerflow.queries import clocks as form_clocks
from triggerflow.queries.measures import MeasureScope, assessors, timing
from triggerflow.workflow.states import FormState


def spread(s):
    return (s.n, s.median, s.p90)


def test_time_under_assessment_has_the_nearest_rank_median_and_90th_percentile(h, people):
    for n, days in enumerate([1, 2, 10]):
        form = h.claim(h.submitted(n), n + 1)
        h.accepted(form, n + 1 + days)

    found = {s.state: s.spread for s in timing.time_in_state(h.scope(people.regional_manager, 0, 30))}

    # Claimed Tuesday, Wednesday and Thursday; held 1, 2 and 10 calendar days: 1, 2 and 6 working days.
    assert spread(found[FormState.UNDER_ASSESSMENT]) == (3, 2, 6)
    assert spread(found[FormState.SUBMITTED]) == (3, 1, 1)


def test_end_to_end_splits_into_the_rocta_clock_and_the_force_clock(h, people):
    form = h.claim(h.submitted(0), 2)  # Monday 5, claimed Wednesday 7
    h.returned(form, 5)  # Saturday 10
    h.resubmitted(form, 12)  # Saturday 17
    h.accepted(h.claim(form, 13), 15)  # claimed Sunday 18, accepted Tuesday 20

    by_force, overall = timing.clocks(h.scope(people.regional_manager, 0, 30))

    (dorset,) = by_force
    assert spread(dorset.end_to_end) == (1, 11, 11)
    assert spread(dorset.rocta) == (1, 6, 6)  # 2 submitted + 2 under assessment + 0 resubmitted + 2 under assessment
    assert spread(dorset.force) == (1, 5, 5)  # returned Monday 12 to Friday 16
    assert spread(overall.end_to_end) == (1, 11, 11)


def test_a_reopened_lapse_counts_returned_time_on_the_force_clock_and_lapsed_time_on_neither(h, people):
    form = h.returned(h.claim(h.submitted(0), 2), 5)
    h.lapsed(form, 33)
    h.reopened(form, 40)
    h.resubmitted(form, 45)
    h.accepted(h.claim(form, 46), 47)

    (dorset,), _ = timing.clocks(h.scope(people.regional_manager, 0, 60))
    found = {s.state: s.spread for s in timing.time_in_state(h.scope(people.regional_manager, 0, 60))}

    assert spread(dorset.end_to_end) == (1, 34, 34)
    assert spread(dorset.rocta) == (1, 5, 5)
    assert spread(dorset.force) == (1, 24, 24)  # 20 returned before the lapse, 4 after the reopening
    assert spread(found[FormState.RETURNED]) == (2, 4, 20)
    assert spread(found[FormState.LAPSED]) == (1, 5, 5)


def test_the_medians_across_forces_are_worked_out_per_force_and_for_all(h, people):
    for n, days in enumerate([2, 4, 6]):
        h.accepted(h.claim(h.submitted(n), n), n + days)
    h.accepted(h.claim(h.submitted(1, people.wilts_officer), 1), 21)

    by_force, overall = timing.clocks(h.scope(people.regional_manager, 0, 30))

    assert [(c.code, c.end_to_end.median) for c in by_force] == [("DOR", 3), ("WIL", 14)]
    assert spread(overall.end_to_end) == (4, 3, 14)


def test_a_form_decided_again_counts_once_with_its_clocks_stopped_at_the_first_decision(h, people):
    form = h.accepted(h.claim(h.submitted(0), 1), 3)  # Monday 5 to Thursday 8: 3 working days
    h.reconsidered(form, 10)  # back under assessment
    h.rejected(form, 17)  # decided again a week later
    scope = h.scope(people.regional_manager, 0, 30)

    (dorset,), overall = timing.clocks(scope)

    assert [spread(c) for c in (dorset.end_to_end, dorset.rocta, dorset.force)] == [(1, 3, 3), (1, 3, 3), (1, 0, 0)]
    assert spread(overall.end_to_end) == (1, 3, 3)
    assert timing.clocks(h.scope(people.regional_manager, 10, 30)) == ([], None)  # the second decision's period
    assert db.session.scalars(timing.drill(scope, "decided", {})).all() == [form.id]
    assert timing.clocks(MeasureScope(scope.user, scope.filters, scope.now, from_rollups=False)) == ([dorset], overall)


def test_with_no_decisions_there_are_no_clocks(h, people):
    h.submitted(1)
    assert timing.clocks(h.scope(people.regional_manager, 0, 30)) == ([], None)


def test_the_measures_count_each_clock_as_the_forms_own_page_does(easter, h, people):
    now = day(100)
    per_form = {
        row.form_id: row
        for row in db.session.execute(timing.clock_facts(h.scope(people.regional_manager, 0, 100, now=100)))
    }
    on_page = form_clocks.clocks(list(per_form), now)
    assert set(per_form) == {form.id for form in easter}
    for form_id, (rocta, force) in on_page.items():
        assert (per_form[form_id].rocta, per_form[form_id].force) == (rocta.working_days, force.working_days)
    first = per_form[easter[0].id]
    # Submitted Thursday 26 March, accepted Friday 10 April: Good Friday and Easter Monday are not counted.
    assert (first.end_to_end, first.rocta, first.force) == (9, 8, 1)


def test_a_reassignment_does_not_split_the_time_under_assessment(easter, h, people):
    scope = h.scope(people.regional_manager, 0, 100, now=100)
    held = db.session.execute(select(timing.stays_ended_in_period(scope).subquery())).all()
    first_assessment = [s for s in held if s.form_id == easter[0].id and s.state is FormState.UNDER_ASSESSMENT]
    # One stay from the claim to the return (Monday 30 March to Good Friday: 4 working days), not two.
    assert [(s.days, s.left_with, s.left_by) for s in first_assessment] == [
        (4, "return_to_force", people.assessor2.id),
        (3, "accept", people.assessor2.id),
    ]

    found = {s.state: s.spread for s in timing.time_in_state(scope)}
    assert found[FormState.UNDER_ASSESSMENT].n == 3

    by_name = {w.name: w for w in assessors.workload(scope)}
    # The assessor who returned the reassigned form is credited with its whole assessment.
    assert by_name[people.assessor2.name].median_days == 3
    assert by_name[people.assessor.name].median_days == 1
