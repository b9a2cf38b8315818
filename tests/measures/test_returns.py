"""Stale returns, listed with the officer and SPOCs, and the reasons forms come back by force."""

import pytest

from triggerflow.assessment.return_items import add_pending
from triggerflow.queries.measures import returns
from triggerflow.workflow.states import FormState


def returned_on(h, n, author=None, reasons=("R02",)):
    return h.returned(h.claim(h.submitted(n - 0.5, author), n - 0.2), n, reasons=reasons)


def test_stale_returns_count_returned_forms_by_days_since_the_latest_return(h, people):
    for n in (57, 52, 45, 30):  # 3, 8, 15 and 30 days before day 60
        returned_on(h, n)
    twice = returned_on(h, 10)
    h.returned(h.claim(h.resubmitted(twice, 40), 50), 58)  # returned again 2 days ago: not stale
    h.lapsed(returned_on(h, 1), 29)
    h.decided(5, "accept")

    (dorset,) = returns.stale_by_force(h.scope(people.regional_manager, 0, 60))

    assert (dorset.waiting, dorset.over_7, dorset.over_14, dorset.over_28, dorset.lapsed) == (5, 3, 2, 1, 1)


def test_the_stale_list_names_the_officer_and_the_forces_spocs_oldest_first(h, people):
    old, older = returned_on(h, 50), returned_on(h, 40)
    returned_on(h, 58)  # 2 days: not yet stale
    h.lapsed(returned_on(h, 1), 29)  # lapsed: counted apart, not listed

    found = returns.stale_list(h.scope(people.regional_manager, 0, 60))

    assert [(r.number, r.state, int(r.days), r.officer) for r in found] == [
        (older.number, FormState.RETURNED, 20, people.officer.name),
        (old.number, FormState.RETURNED, 10, people.officer.name),
    ]
    assert found[0].spocs == tuple(sorted((people.spoc.name, people.spoc2.name)))


def test_return_reasons_by_force_count_the_items_sent_with_each_share_of_the_forces_items(h, people):
    returned_on(h, 2, reasons=("R02", "R07"))
    returned_on(h, 3, reasons=("R02",))
    returned_on(h, 4, author=people.wilts_officer, reasons=("R01",))
    drafting = h.claim(h.submitted(5), 6)
    add_pending(drafting, people.assessor, section="B", reason_code="R13", comment="Not yet sent.")

    found = [
        (r.code, r.reason, r.count, round(r.share), r.rank)
        for r in returns.reasons_by_force(h.scope(people.regional_manager, 0, 30))
    ]

    assert found == [("DOR", "R02", 2, 67, 1), ("DOR", "R07", 1, 33, 2), ("WIL", "R01", 1, 100, 1)]


def test_return_reasons_count_only_returns_made_in_the_period(h, people):
    returned_on(h, 10, reasons=("R01",))  # 15 January
    returned_on(h, 30, reasons=("R02",))  # 4 February
    found = returns.reasons_overall(h.scope(people.regional_manager, 27, 54))
    assert [(r.reason, r.count, r.share) for r in found] == [("R02", 1, pytest.approx(100))]
