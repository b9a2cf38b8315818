"""A past period's figures never change because of later work (DESIGN section 7)."""

import pytest

from triggerflow.api.routes.measures import MEASURES
from triggerflow.assessment import threads
from triggerflow.assessment.return_items import items_for
from triggerflow.queries.measures import returns
from triggerflow.queries.measures.definitions import for_measure


def as_at_today(name: str) -> bool:
    """Measures defined as a picture of today, or of where a cohort's forms stand now: they move on by design."""
    period = for_measure(name).period
    return period.startswith("none") or "where it stands today" in period


PERIOD_MEASURES = [name for name in MEASURES if not as_at_today(name)]


def figures(h, people, **filters) -> dict:
    scope = h.scope(people.regional_manager, 0, 30, **filters)
    return {name: MEASURES[name][1](scope) for name in PERIOD_MEASURES}


def test_only_the_pictures_of_today_and_the_cohort_are_left_out():
    assert sorted(set(MEASURES) - set(PERIOD_MEASURES)) == [
        "backlog",
        "operations-by-force",
        "operations-without-assessment",
        "stale-returns",
        "stale-returns-by-force",
        "submission-yield",
    ]


@pytest.mark.parametrize("filters", [{}, {"force": "WIL"}])
def test_every_measure_for_a_past_period_is_the_same_after_more_work(h, people, filters):
    # In the period (days 0 to 30): decisions, returns with reasons, resubmissions, forms left open.
    reconsidered = h.decided(1, "accept")
    h.decided(2, "reject", returns=1)
    h.decided(3, "accept", author=people.wilts_officer, returns=2)
    twice = h.returned(h.claim(h.submitted(5, people.wilts_officer), 6), 7, reasons=("R01", "R07"))
    h.resubmitted(twice, 10)
    h.claim(twice, 12)
    waiting = h.returned(h.claim(h.submitted(20), 21), 22, reasons=("R03",))
    h.claim(h.submitted(25), 26)
    before = figures(h, people, **filters)

    # Later: the assessor reopens an answered item and returns the form again with it, forms are decided,
    # a return lapses, another is withdrawn, a decision is reconsidered and made again.
    h.at(40)
    item = next(i for i in items_for(twice, include_pending=False) if i.reason_code == "R01")
    threads.reopen_item(twice, item, people.assessor, "Still no evidence of the group working together.", None)
    h.returned(twice, 41, reasons=("R02",))
    h.lapsed(waiting, 60)
    h.rejected(h.claim(h.submitted(45), 46), 47)
    h.decided(50, "accept", author=people.wilts_officer, returns=1)
    h.reconsidered(reconsidered, 52)
    h.rejected(reconsidered, 56)
    after = figures(h, people, **filters)

    assert after == before
    # And the reopened item counts in both returns it went out with, each in its own period.
    later = {r.reason: r.count for r in returns.reasons_overall(h.scope(people.regional_manager, 40, 42))}
    assert later == {"R01": 1, "R02": 1}
