"""Time in each state and end to end: median and 90th percentile by the nearest-rank method."""
from pytest import approx

from triggerflow.queries.measures import timing
from triggerflow.workflow.states import FormState


def spread(s):
    return (s.n, approx(s.median), approx(s.p90))


def test_time_under_assessment_has_the_nearest_rank_median_and_90th_percentile(h, people):
    for n, days in enumerate([1, 2, 10]):
        form = h.claim(h.submitted(n), n + 1)
        h.accepted(form, n + 1 + days)

    found = {s.state: s.spread for s in timing.time_in_state(h.scope(people.regional_manager, 0, 30))}

    assert spread(found[FormState.UNDER_ASSESSMENT]) == (3, 2, 10)
    assert spread(found[FormState.SUBMITTED]) == (3, 1, 1)


def test_end_to_end_splits_into_the_rocta_clock_and_the_force_clock(h, people):
    form = h.claim(h.submitted(0), 2)
    h.returned(form, 5)
    h.resubmitted(form, 12)
    h.accepted(h.claim(form, 13), 15)

    by_force, overall = timing.clocks(h.scope(people.regional_manager, 0, 30))

    (dorset,) = by_force
    assert spread(dorset.end_to_end) == (1, 15, 15)
    assert spread(dorset.rocta) == (1, 8, 8)  # 2 submitted + 3 under assessment + 1 resubmitted + 2 under assessment
    assert spread(dorset.force) == (1, 7, 7)  # 7 returned
    assert spread(overall.end_to_end) == (1, 15, 15)


def test_a_reopened_lapse_counts_returned_time_on_the_force_clock_and_lapsed_time_on_neither(h, people):
    form = h.returned(h.claim(h.submitted(0), 2), 5)
    h.lapsed(form, 33)
    h.reopened(form, 40)
    h.resubmitted(form, 45)
    h.accepted(h.claim(form, 46), 47)

    (dorset,), _ = timing.clocks(h.scope(people.regional_manager, 0, 60))
    found = {s.state: s.spread for s in timing.time_in_state(h.scope(people.regional_manager, 0, 60))}

    assert spread(dorset.end_to_end) == (1, 47, 47)
    assert spread(dorset.rocta) == (1, 7, 7)
    assert spread(dorset.force) == (1, 33, 33)  # 28 returned before the lapse, 5 after the reopening
    assert spread(found[FormState.RETURNED]) == (2, 5, 28)
    assert spread(found[FormState.LAPSED]) == (1, 7, 7)


def test_the_medians_across_forces_are_worked_out_per_force_and_for_all(h, people):
    for n, days in enumerate([2, 4, 6]):
        h.accepted(h.claim(h.submitted(n), n), n + days)
    h.accepted(h.claim(h.submitted(1, people.wilts_officer), 1), 21)

    by_force, overall = timing.clocks(h.scope(people.regional_manager, 0, 30))

    assert [(c.code, c.end_to_end.median) for c in by_force] == [("DOR", approx(4)), ("WIL", approx(20))]
    assert spread(overall.end_to_end) == (4, 4, 20)


def test_with_no_decisions_there_are_no_clocks(h, people):
    h.submitted(1)
    assert timing.clocks(h.scope(people.regional_manager, 0, 30)) == ([], None)
