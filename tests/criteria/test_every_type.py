"""A form with no type of threat yet lists what every type would need, each marked with its type, so
choosing the type only ever shortens the checklist."""

from datetime import date

import pytest

from triggerflow.content.vocab import THREAT_TYPES
from triggerflow.criteria import Facts, check
from triggerflow.criteria.thresholds import DEFAULT_LIMITS
from triggerflow.demo_content import complete_ocg_answers

TODAY = date(2026, 3, 2)


def result(answers: dict):
    return check(Facts(answers=answers, today=TODAY, limits=DEFAULT_LIMITS))


def with_type(answers: dict, threat_type: str) -> dict:
    return {**answers, "A": {**answers.get("A", {}), "threat_type": threat_type}}


def test_a_new_form_lists_the_organised_crime_group_criteria_before_a_type_is_chosen():
    blocking = result({}).blocking
    marked = {f.rule_id: f.threat_types for f in blocking if f.threat_types}
    assert marked["C8"] == ("ocg",) and marked["C3"] == ("priority_individual",)
    assert marked["C4"] == ("soc_vulnerability",) and marked["C9"] == ("ocg", "priority_individual")
    assert "Select the type of threat" in [f.message for f in blocking if not f.threat_types]


@pytest.mark.parametrize("threat_type", [value for value, _ in THREAT_TYPES])
@pytest.mark.parametrize("answers", [{}, complete_ocg_answers("DOR", TODAY)], ids=["new", "complete OCG"])
def test_choosing_a_type_leaves_that_types_findings_and_adds_none(answers, threat_type):
    untyped = with_type(answers, "")
    before = result(untyped).blocking
    after = result(with_type(answers, threat_type)).blocking
    kept = [(f.rule_id, f.field, f.message) for f in before if not f.threat_types or threat_type in f.threat_types]
    assert sorted((f.rule_id, f.field, f.message) for f in after) == sorted(
        k for k in kept if k != ("C1", "A.threat_type", "Select the type of threat")
    )
    assert all(not f.threat_types for f in after)


def test_the_share_met_counts_every_types_criteria_until_the_type_is_chosen():
    untyped, typed = result({}), result({"A": {"threat_type": "soc_vulnerability"}})
    assert {"C2", "C3", "C4", "C8"} <= {rule.id for rule in untyped.applicable}
    assert untyped.percent_complete <= typed.percent_complete
