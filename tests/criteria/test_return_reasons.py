"""Every reason an assessor gives for returning a form is caught before it is sent, by a hard
criterion that tests what the answer shows: a form that would be returned for it is blocked, and
filler typed to the length asked for does not pass. Pure: no database."""

from datetime import date, timedelta

import pytest

from triggerflow.content.vocab import RETURN_REASONS
from triggerflow.criteria import RULES, Facts, Severity, check
from triggerflow.criteria.rules import RULES_BY_ID
from triggerflow.criteria.thresholds import DEFAULT_LIMITS
from triggerflow.demo_content import complete_ocg_answers

TODAY = date(2026, 3, 2)


def blocking(answers: dict) -> set[str]:
    result = check(Facts(answers=answers, today=TODAY, limits=DEFAULT_LIMITS))
    return {finding.rule_id for finding in result.blocking}


def complete() -> dict:
    return complete_ocg_answers("DOR", TODAY)


def days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def test_every_return_reason_has_a_hard_criterion_that_prevents_it():
    prevented = {code for rule in RULES if rule.severity is Severity.HARD for code in rule.prevents}
    assert [code for code, _ in RETURN_REASONS if code not in prevented] == []


def test_the_theme_is_not_taken_for_the_threat_type():
    assert "R12" not in RULES_BY_ID["C5"].prevents


def subject(answers: dict, number: int) -> dict:
    return answers["B"]["subjects"][number - 1]


def intelligence(answers: dict) -> list[dict]:
    return answers["F"]["intelligence"]


# (return reason, what the assessor would have found, how the form shows it)
RETURNED_FOR = [
    (
        "R01",
        "a member with nothing linking them to the group",
        lambda a: subject(a, 3).update(link_to_group="", link_cites=[]),
    ),
    ("R01", "a lieutenant's link that cites no intelligence", lambda a: subject(a, 2).update(link_cites=[])),
    ("R02", "an 'identified' lieutenant without a date of birth", lambda a: subject(a, 2).update(date_of_birth="")),
    ("R03", "a serious-crime justification of filler", lambda a: a["C"].update(justification_financial_gain="x" * 80)),
    (
        "R04",
        "activity last seen 400 days ago, with no continuing basis",
        lambda a: a["C"].update(first_known=days_ago(900), most_recent=days_ago(400)),
    ),
    ("R05a", "planning described by one word typed over and over", lambda a: a["D"].update(planning="Planning. " * 20)),
    ("R05b", "control that cites nothing", lambda a: a["D"].update(control_cites=[])),
    ("R05c", "coordination left as placeholders", lambda a: a["D"].update(coordination="TBC, see above. " * 12)),
    ("R05d", "decision-making in 149 characters", lambda a: a["D"].update(decision_making=a["D"]["planning"][:149])),
    ("R06", "a capability narrative of filler", lambda a: a["D"].update(capability_narrative="lorem ipsum " * 12)),
    (
        "R07",
        "an item without its grading",
        lambda a: intelligence(a)[0].update(source_evaluation="", intelligence_assessment=""),
    ),
    (
        "R08",
        "items all from one kind of source, none assessed A or B",
        lambda a: [item.update(source_kind="human", intelligence_assessment="C") for item in intelligence(a)],
    ),
    (
        "R08",
        "one well-graded item, but more than six months old",
        lambda a: a["F"].update(intelligence=[{**intelligence(a)[0], "date": days_ago(200)}]),
    ),
    (
        "R09",
        "harm with no figures a MoRiLE assessment can score",
        lambda a: a["G"].update(victims_count="several", financial_harm="", harm_frequency=""),
    ),
    ("R09", "harm 'not known' without a reason", lambda a: a["G"].update(harm_not_known_reason="")),
    ("R10", "no force area affected", lambda a: a["E"].update(forces_affected=[])),
    ("R11", "the master list and PND not searched", lambda a: a["A"].update(master_list_searched="no")),
    ("R11", "a search with no date", lambda a: a["A"].update(master_list_searched_on="")),
    ("R12", "an organised crime group of two people", lambda a: a["B"]["subjects"].pop()),
    (
        "R12",
        "a SOC vulnerability with people recorded as subjects",
        lambda a: a["A"].update(threat_type="soc_vulnerability"),
    ),
    ("R13", "plain OFFICIAL on a form naming subjects", lambda a: a["I"].update(security_marking="OFFICIAL")),
    (
        "R13",
        "handling code C without its conditions",
        lambda a: intelligence(a)[1].update(handling_code="C", handling_conditions=""),
    ),
]


@pytest.mark.parametrize(
    "code, mutate", [pytest.param(case[0], case[2], id=f"{case[0]}: {case[1]}") for case in RETURNED_FOR]
)
def test_a_form_that_would_be_returned_is_blocked_by_a_criterion_for_that_reason(code, mutate):
    answers = complete()
    mutate(answers)
    assert any(code in RULES_BY_ID[rule_id].prevents for rule_id in blocking(answers))


def test_every_return_reason_has_a_form_that_would_be_returned_for_it():
    assert {code for code, _ in RETURN_REASONS} - {case[0] for case in RETURNED_FOR} == {"R99"}


FILLERS = [
    pytest.param(lambda n: "x" * n, id="one letter"),
    pytest.param(lambda n: ("Evidence. " * n)[:n], id="one word"),
    pytest.param(lambda n: ("tbc n/a see above to follow " * n)[:n], id="placeholders"),
    pytest.param(lambda n: ("The group did it. " * n)[:n], id="one sentence"),
]
# Every free-text answer a hard criterion measures, with the length it asks for.
ANSWERS = [
    ("A", "summary", "summary_min"),
    ("A", "master_list_result", "search_result_min"),
    ("C", "justification_financial_gain", "serious_crime_justification_min"),
    ("D", "planning", "organisation_min"),
    ("D", "capability_narrative", "capability_min"),
    ("G", "harm_not_known_reason", "not_known_reason_min"),
]


@pytest.mark.parametrize("filler", FILLERS)
@pytest.mark.parametrize("section, name, limit", ANSWERS)
def test_filler_as_long_as_asked_for_does_not_pass(filler, section, name, limit):
    answers = complete()
    answers[section][name] = filler(DEFAULT_LIMITS[limit] + 20)
    assert blocking(answers)


@pytest.mark.parametrize("filler", FILLERS)
def test_filler_cannot_link_a_subject_to_the_group_or_explain_a_continuing_basis(filler):
    linked = complete()
    subject(linked, 2)["link_to_group"] = filler(DEFAULT_LIMITS["link_min"] + 20)
    continuing = complete()
    continuing["C"].update(first_known=days_ago(30), continuing_basis=filler(DEFAULT_LIMITS["continuing_basis_min"]))
    assert (blocking(linked), blocking(continuing)) == ({"C18"}, {"C7"})


# (what is allowed, how): answers that a crude check might wrongly refuse.
ALLOWED = [
    ("harm given in pounds with a sign and commas", lambda a: a["G"].update(financial_harm="£250,000")),
    ("no victims counted as 0", lambda a: a["G"].update(victims_count="0")),
    (
        "everything about the harm not known, with a reason",
        lambda a: a["G"].update(victims_count="Not known", financial_harm="not known", harm_frequency="unknown"),
    ),
    (
        "two items from different sources, neither assessed A or B",
        lambda a: [item.update(intelligence_assessment="C") for item in intelligence(a)],
    ),
    (
        "one recent item graded 1A and nothing else",
        lambda a: (
            a["F"].update(intelligence=[{**intelligence(a)[0], "intelligence_assessment": "A"}]),
            subject(a, 3).update(link_cites=["intel1"]),
        ),
    ),
    (
        "activity a year ago with a continuing basis",
        lambda a: a["C"].update(
            most_recent=days_ago(400),
            first_known=days_ago(900),
            continuing_basis=(
                "The principal was in prison for eleven months and was released "
                "last week; intelligence shows the runners kept the flats and phones "
                "ready for his return."
            ),
        ),
    ),
    ("a priority individual marked OFFICIAL-SENSITIVE with no other subjects", lambda a: None),
]


@pytest.mark.parametrize("mutate", [pytest.param(case[1], id=case[0]) for case in ALLOWED])
def test_real_answers_pass(mutate):
    answers = complete()
    mutate(answers)
    assert blocking(answers) == set()


def test_the_principal_needs_no_link_to_the_group_they_lead():
    answers = complete()
    subject(answers, 1).update(link_to_group="", link_cites=[])
    assert blocking(answers) == set()
