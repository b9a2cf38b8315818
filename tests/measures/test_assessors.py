"""Assessor workload and consistency: a return rate far from the regional mean is flagged."""

import pytest

from tests import factories
from triggerflow.models import Role
from triggerflow.queries.measures import assessors


def test_assessors_more_than_15_points_from_their_regions_mean_return_rate_are_flagged(h, people):
    third = factories.user(Role.ASSESSOR, region_code="SW", name="Third Assessor")
    h.decided(1, "accept", assessor=people.assessor, returns=1)  # 1 return of 2 outcomes: 50 %
    h.decided(2, "accept", assessor=people.assessor2)  # 0 of 2: 0 %
    h.decided(3, "reject", assessor=people.assessor2)
    h.decided(4, "accept", assessor=third, returns=1)  # 1 of 4: 25 %
    h.decided(10, "accept", assessor=third)
    h.decided(11, "accept", assessor=third)

    found = {w.name: w for w in assessors.workload(h.scope(people.regional_manager, 0, 30))}

    first, second, other = found[people.assessor.name], found[people.assessor2.name], found["Third Assessor"]
    assert (first.claimed, first.returned, first.accepted, first.rejected) == (2, 1, 1, 0)
    assert (second.claimed, second.decided, second.acceptance_rate) == (2, 2, 50)
    assert [w.return_rate for w in (first, second, other)] == [pytest.approx(50), pytest.approx(0), pytest.approx(25)]
    assert first.regional_mean == pytest.approx(25)
    assert [w.flagged for w in (first, second, other)] == [True, True, False]


def test_median_assessment_time_runs_from_claim_to_return_or_decision_in_working_days(h, people):
    for n, days in enumerate([1, 3, 4]):
        h.accepted(h.claim(h.submitted(n), n + 0.5), n + 0.5 + days)
    (only,) = assessors.workload(h.scope(people.regional_manager, 0, 30))
    # Claimed on Monday, Tuesday and Wednesday evenings; the last decided on the Sunday: 1, 3 and 2 working days.
    assert only.median_days == 2


def test_an_assessor_sees_only_their_own_row_with_the_regional_mean(h, people):
    h.decided(1, "accept", assessor=people.assessor, returns=1)
    h.decided(2, "accept", assessor=people.assessor2)

    found = assessors.workload(h.scope(people.assessor2, 0, 30))

    assert [(w.name, w.return_rate, w.regional_mean) for w in found] == [
        (people.assessor2.name, pytest.approx(0), pytest.approx(25))
    ]
