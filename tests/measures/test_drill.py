"""From a number to the forms behind it: the list always holds exactly the forms counted."""

import pytest

from triggerflow.queries.measures import backlog, cohort, decisions, returns
from triggerflow.queries.measures.drill import UnknownDrill, forms_behind


def total(scope, measure, cell, **keys):
    return forms_behind(scope, measure, cell, keys)[1]


def a_busy_region(h, people):
    h.decided(1, "accept")
    h.decided(2, "accept", returns=2)
    h.decided(3, "reject", author=people.wilts_officer, returns=1)
    h.returned(h.claim(h.submitted(4), 5), 6, reasons=("R01", "R07"))
    h.lapsed(h.returned(h.claim(h.submitted(5, people.wilts_officer), 6), 7), 35)
    h.claim(h.submitted(20), 21)


def test_each_acceptance_cohort_and_reason_number_lists_exactly_its_forms(h, people):
    a_busy_region(h, people)
    scope = h.scope(people.regional_manager, 0, 40)
    for r in decisions.by_force(scope):
        narrowed = h.scope(people.regional_manager, 0, 40, force=r.code)
        assert (
            total(narrowed, "acceptance", "accepted"),
            total(narrowed, "acceptance", "rejected"),
            total(narrowed, "acceptance", "first_time"),
        ) == (r.accepted, r.rejected, r.first_time_accepted)
    for c in cohort.by_force(scope):
        narrowed = h.scope(people.regional_manager, 0, 40, force=c.code)
        for cell in ("submitted", *cohort.OUTCOMES):
            expected = c.submitted if cell == "submitted" else getattr(c, cell)
            assert total(narrowed, "cohort", cell) == expected, (c.code, cell)
        assert total(narrowed, "cohort", "returned_twice") == c.returned_twice
    assert total(scope, "reasons", "reason", reason="R07") == 1
    assert total(scope, "stale", "lapsed") == sum(s.lapsed for s in returns.stale_by_force(scope))
    assert total(scope, "backlog", "all") == sum(b.total for b in backlog.by_state(scope))


def test_the_forms_behind_a_number_are_never_outside_the_users_scope(h, people):
    a_busy_region(h, people)
    mine = h.scope(people.force_manager, 0, 40)
    forms, count = forms_behind(mine, "cohort", "submitted", {})
    assert count == 4 and {f.number.split("-")[0] for f in forms} == {"DOR"}
    assert total(h.scope(people.force_manager, 0, 40, force="WIL"), "cohort", "submitted") == 0
    assert total(h.scope(people.eastern_assessor, 0, 40), "acceptance", "decided") == 0


def test_a_list_comes_a_page_at_a_time_with_the_full_count(h, people):
    a_busy_region(h, people)
    forms, count = forms_behind(h.scope(people.regional_manager, 0, 40), "cohort", "submitted", {}, limit=2, offset=2)
    assert (len(forms), count) == (2, 6)


@pytest.mark.parametrize(
    "measure, cell, keys",
    [
        ("acceptance", "everything", {}),
        ("nothing", "all", {}),
        ("reasons", "reason", {}),
        ("reasons", "reason", {"reason": "R00"}),
        ("acceptance", "decided", {"month": "January"}),
        ("backlog", "all", {"state": "sleeping"}),
        ("assessors", "claimed", {"by": "me"}),
        ("stale", "lapsed", {"x": "1"}),
    ],
)
def test_numbers_that_no_dashboard_shows_are_refused(h, people, measure, cell, keys):
    with pytest.raises(UnknownDrill):
        forms_behind(h.scope(people.regional_manager, 0, 40), measure, cell, keys)
