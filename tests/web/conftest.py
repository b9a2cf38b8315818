"""Fixtures the dashboard tests share: a south-west history built through the services."""

import pytest

from tests.measures.history import History, on
from triggerflow import force_operations


@pytest.fixture
def h(clock, people):
    return History(clock, people)


@pytest.fixture
def south_west(h, people):
    """Dorset accepts 2 of 2; Wiltshire 1 of 3, its forms returned for R01; two Wiltshire returns stale,
    with operations running against them."""
    h.decided(1, "accept")
    h.decided(2, "accept")
    h.decided(3, "accept", author=people.wilts_officer)
    for n in (4, 5):
        form = h.returned(h.claim(h.submitted(n, people.wilts_officer), n + 0.2), n + 0.4, reasons=("R01",))
        h.rejected(h.claim(h.resubmitted(form, n + 1), n + 1.2), n + 1.5)
    running = {"operation_running": "yes", "operation_name": "Op Lantern", "officer_in_charge": "DI Crane"}
    stale = [
        h.returned(h.claim(h.submitted(n, people.wilts_officer, H=running), n + 0.2), n + 0.4, reasons=("R01", "R07"))
        for n in (10, 12)
    ]
    force_operations.record(
        people.wilts_officer,
        name="Op Lantern",
        started_on=on(9),
        target="The Lantern group",
        form_number=None,
        today=on(12),
    )
    h.at(60)  # the dashboards are read in March, when the January returns are stale
    return stale
