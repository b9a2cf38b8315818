"""The south-west scenario replays the inspection: one force near 20 % acceptance, the rest 50-70 %."""
from datetime import UTC, date, datetime

import pytest

from triggerflow.queries.measures import Filters, MeasureScope, backlog, cohort, decisions, returns
from triggerflow.synthetic import generate
from triggerflow.synthetic.profiles import load_scenario

UNTIL = date(2026, 6, 30)


@pytest.fixture
def south_west(people):
    generate(1500, seed=2026, scenario="south-west", until=UNTIL, months=18)
    return MeasureScope(people.regional_manager, Filters(date(2025, 7, 1), date(2026, 6, 29)),
                        datetime(2026, 6, 30, tzinfo=UTC))


def test_the_low_force_is_at_the_bottom_of_the_region_with_its_top_return_reasons(south_west):
    forces = load_scenario("south-west")["forces"]
    low_code = next(code for code, profile in forces.items() if profile.get("accept_share", 1) < 0.3)

    ranking = decisions.by_force(south_west)

    bottom = ranking[-1]
    assert bottom.code == low_code and 10 <= bottom.acceptance_rate <= 30
    assert all(45 <= r.acceptance_rate <= 75 for r in ranking[:-1])
    top = [r.reason for r in returns.reasons_by_force(south_west) if r.code == low_code and r.rank <= 3]
    assert top[0] == "R01" and set(top) <= set(forces[low_code]["reasons"])  # the reasons the scenario stresses


def test_the_low_force_has_forms_returned_twice_returns_never_resubmitted_and_operations_unassessed(south_west):
    low = decisions.by_force(south_west)[-1].code
    (its_cohort,) = [c for c in cohort.by_force(south_west) if c.code == low]
    (its_operations,) = [o for o in backlog.operations_by_force(south_west) if o.code == low]
    assert its_cohort.returned_twice > 0 and its_cohort.lapsed > 0
    assert its_operations.total > 0
    shares = {c.code: c.share(c.lapsed) for c in cohort.by_force(south_west)}
    assert shares[low] == max(shares.values())
