"""Criteria v1 (DESIGN section 3): each rule passing and failing, applicability, status and percentage.

Pure: no database. Every test starts from a complete organised-crime-group form and breaks one thing.
"""

from datetime import date, timedelta

import pytest

from triggerflow.content.sections import SECTIONS
from triggerflow.content.vocab import RETURN_REASONS
from triggerflow.criteria import RULES, Facts, SectionStatus, Severity, check
from triggerflow.criteria.thresholds import DEFAULT_LIMITS
from triggerflow.demo_content import complete_ocg_answers

TODAY = date(2026, 3, 2)


def complete() -> dict:
    return complete_ocg_answers("DOR", TODAY)


def facts(answers: dict, **extra) -> Facts:
    return Facts(answers=answers, today=TODAY, limits=DEFAULT_LIMITS, **extra)


def failing(answers: dict, **extra) -> dict[str, list[str]]:
    """Rule id -> the fields it points at, for every rule that finds a problem whatever the type of threat
    (a form with no type also lists what each type would need: test_every_type.py)."""
    found: dict[str, list[str]] = {}
    for finding in check(facts(answers, **extra)).findings:
        if not finding.threat_types:
            found.setdefault(finding.rule_id, []).append(finding.field)
    return found


def days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


# Real words, so that only the length is tested; filler gets tests of its own.
WORDS = (
    "Officers saw the principal meet two couriers at the storage unit on three Fridays, then drive to "
    "each flat the line uses; bank records show cash paid in the same afternoon by several members. "
)


def text(length: int) -> str:
    cut = (WORDS * (length // len(WORDS) + 1))[:length]
    return cut[:-1] + "." if cut.endswith(" ") else cut  # a stored answer is stripped


def priority_individual() -> dict:
    answers = complete()
    answers["A"]["threat_type"] = "priority_individual"
    answers["B"] = {"subjects": [answers["B"]["subjects"][0]], "pi_rationale": text(100)}
    return answers


def vulnerability() -> dict:
    answers = complete()
    answers["A"]["threat_type"] = "soc_vulnerability"
    answers["B"] = {"subjects": []}
    answers["D"] = {"vulnerability_description": text(200)}
    return answers


def test_a_complete_organised_crime_group_form_passes_every_rule():
    result = check(facts(complete()))
    assert (result.findings, result.can_send, result.percent_complete) == ((), True, 100)


def test_every_rule_has_an_id_in_order_a_known_section_and_real_return_reasons():
    assert [rule.id for rule in RULES] == [f"C{n}" for n in range(1, 22)]
    sections, reasons = {s.key for s in SECTIONS}, dict(RETURN_REASONS)
    assert all(rule.section in sections and rule.prevents and set(rule.prevents) <= set(reasons) for rule in RULES)
    assert {rule.id for rule in RULES if rule.severity is Severity.SOFT} == {"C11", "C17"}


# (what is broken, how, the one rule that fails, the field it points at)
BREAKS = [
    ("no threat type", lambda a: a["A"].update(threat_type=""), "C1", "A.threat_type"),
    ("no working name", lambda a: a["A"].update(working_name="  "), "C1", "A.working_name"),
    ("a summary of 199 characters", lambda a: a["A"].update(summary=text(199)), "C1", "A.summary"),
    ("only two subjects", lambda a: a["B"]["subjects"].pop(), "C19", "B.subjects"),
    ("only one subject identified", lambda a: a["B"]["subjects"][1].update(identified="no"), "C2", "B.subjects"),
    (
        "an 'identified' subject without a date of birth",
        lambda a: a["B"]["subjects"][1].update(date_of_birth=""),
        "C2",
        "B.subjects",
    ),
    ("two principals", lambda a: a["B"]["subjects"][1].update(role="principal"), "C2", "B.subjects"),
    (
        "no principal",
        lambda a: a["B"]["subjects"][0].update(role="lieutenant", link_to_group=text(50), link_cites=["intel1"]),
        "C2",
        "B.subjects",
    ),
    ("no primary theme", lambda a: a["A"].update(primary_theme=None), "C5", "A.primary_theme"),
    ("county lines without the line", lambda a: a["A"].update(county_line=""), "C5", "A.county_line"),
    ("no serious-crime test ticked", lambda a: a["C"].update(serious_crime_tests=[]), "C6", "C.serious_crime_tests"),
    (
        "a justification of 49 characters",
        lambda a: a["C"].update(justification_financial_gain=text(49)),
        "C6",
        "C.justification_financial_gain",
    ),
    ("no offence carrying 7 years", lambda a: a["C"]["offences"][0].update(seven_years="no"), "C6", "C.offences"),
    ("no first-known date", lambda a: a["C"].update(first_known=""), "C7", "C.first_known"),
    ("a first-known date in the future", lambda a: a["C"].update(first_known=days_ago(-1)), "C7", "C.first_known"),
    ("a most-recent date in the future", lambda a: a["C"].update(most_recent=days_ago(-1)), "C7", "C.most_recent"),
    ("first known after the most recent", lambda a: a["C"].update(first_known=days_ago(5)), "C7", "C.first_known"),
    (
        "89 days of activity with no continuing basis",
        lambda a: a["C"].update(first_known=days_ago(99)),
        "C7",
        "C.continuing_basis",
    ),
    ("planning in 149 characters", lambda a: a["D"].update(planning=text(149)), "C8", "D.planning"),
    ("control citing nothing", lambda a: a["D"].update(control_cites=[]), "C8", "D.control_cites"),
    (
        "coordination citing an item not in section F",
        lambda a: a["D"].update(coordination_cites=["gone"]),
        "C8",
        "D.coordination_cites",
    ),
    ("no capability indicator", lambda a: a["D"].update(capabilities=[]), "C9", "D.capabilities"),
    (
        "a capability narrative of 99 characters",
        lambda a: a["D"].update(capability_narrative=text(99)),
        "C9",
        "D.capability_narrative",
    ),
    ("an item without a reference", lambda a: a["F"]["intelligence"][2].update(reference=" "), "C10", "F.intelligence"),
    ("an item without a date", lambda a: a["F"]["intelligence"][2].update(date=""), "C10", "F.intelligence"),
    (
        "an item dated in the future",
        lambda a: a["F"]["intelligence"][2].update(date=days_ago(-3)),
        "C10",
        "F.intelligence",
    ),
    (
        "an item with source evaluation 4",
        lambda a: a["F"]["intelligence"][2].update(source_evaluation="4"),
        "C10",
        "F.intelligence",
    ),
    (
        "an item with assessment F",
        lambda a: a["F"]["intelligence"][2].update(intelligence_assessment="F"),
        "C10",
        "F.intelligence",
    ),
    (
        "an item without a handling code",
        lambda a: a["F"]["intelligence"][2].update(handling_code=""),
        "C10",
        "F.intelligence",
    ),
    (
        "handling code C without conditions",
        lambda a: a["F"]["intelligence"][2].update(handling_code="C"),
        "C15",
        "F.intelligence",
    ),
    ("no force area affected", lambda a: a["E"].update(forces_affected=[]), "C12", "E.forces_affected"),
    ("no local policing area", lambda a: a["A"].update(local_policing_area=""), "C12", "A.local_policing_area"),
    ("no geographic scope", lambda a: a["E"].update(geographic_scope=None), "C12", "E.geographic_scope"),
    ("a harm type ticked but not described", lambda a: a["G"].update(harm_physical=""), "C13", "G.harm_types"),
    ("no harm type", lambda a: a["G"].update(harm_types=[]), "C13", "G.harm_types"),
    (
        "the vulnerable-victims question unanswered",
        lambda a: a["G"].update(vulnerable_victims=None),
        "C13",
        "G.vulnerable_victims",
    ),
    ("vulnerable victims without safeguarding", lambda a: a["G"].update(safeguarding=""), "C13", "G.safeguarding"),
    (
        "the existing-operation question unanswered",
        lambda a: a["H"].update(operation_running=None),
        "C14",
        "H.operation_running",
    ),
    (
        "a running operation without a name",
        lambda a: a["H"].update(operation_running="yes", officer_in_charge="DI Ash"),
        "C14",
        "H.operation_name",
    ),
    (
        "a running operation without an officer in charge",
        lambda a: a["H"].update(operation_running="yes", operation_name="Op Kestrel"),
        "C14",
        "H.officer_in_charge",
    ),
    (
        "the master-list search unanswered",
        lambda a: a["A"].update(master_list_searched=None),
        "C14",
        "A.master_list_searched",
    ),
    (
        "a master-list search without its result",
        lambda a: a["A"].update(master_list_result=""),
        "C14",
        "A.master_list_result",
    ),
    ("no security marking", lambda a: a["I"].update(security_marking=""), "C15", "I.security_marking"),
    ("no declaration", lambda a: a["I"].update(no_source_material=False), "C15", "I.no_source_material"),
    ("fewer than three intelligence items", lambda a: a["F"]["intelligence"].pop(), "C11", "F.intelligence"),
    (
        "newest intelligence over six months old",
        lambda a: [i.update(date=days_ago(200 + n)) for n, i in enumerate(a["F"]["intelligence"])],
        "C11",
        "F.intelligence",
    ),
    ("a modus operandi of 49 characters", lambda a: a["C"].update(modus_operandi=text(49)), "C17", "C.modus_operandi"),
]


@pytest.mark.parametrize("mutate, rule_id, field", [pytest.param(*case[1:], id=case[0]) for case in BREAKS])
def test_breaking_one_thing_fails_only_the_rule_that_covers_it(mutate, rule_id, field):
    answers = complete()
    mutate(answers)
    found = failing(answers)
    assert list(found) == [rule_id] and field in found[rule_id]


# (what is done, how): things that look like a break but each rule allows.
ALLOWED = [
    ("a summary of exactly 200 characters", lambda a: a["A"].update(summary=text(200))),
    ("another theme without a county line", lambda a: a["A"].update(primary_theme="drugs_supply", county_line="")),
    ("a justification of exactly 50 characters", lambda a: a["C"].update(justification_financial_gain=text(50))),
    ("a second ticked test left unjustified", lambda a: a["C"]["serious_crime_tests"].append("violence")),
    (
        "89 days of activity with a 150-character continuing basis",
        lambda a: a["C"].update(first_known=days_ago(99), continuing_basis=text(150)),
    ),
    ("exactly 90 days of activity", lambda a: a["C"].update(first_known=days_ago(100))),
    (
        "first known and most recent on the same day",
        lambda a: a["C"].update(first_known=days_ago(10), continuing_basis=text(150)),
    ),
    (
        "handling code C with conditions",
        lambda a: a["F"]["intelligence"][2].update(handling_code="C", handling_conditions="Not for court use."),
    ),
    ("no vulnerable victims and no safeguarding", lambda a: a["G"].update(vulnerable_victims="no", safeguarding="")),
    ("unknown vulnerable victims", lambda a: a["G"].update(vulnerable_victims="unknown", safeguarding="")),
    (
        "a running operation with its name and officer",
        lambda a: a["H"].update(operation_running="yes", operation_name="Op Kestrel", officer_in_charge="DI Ash"),
    ),
    ("a third unidentified subject with no details at all", lambda a: a["B"]["subjects"][2].update(forename="")),
]


@pytest.mark.parametrize("mutate", [pytest.param(case[1], id=case[0]) for case in ALLOWED])
def test_what_the_rules_allow_passes(mutate):
    answers = complete()
    mutate(answers)
    assert failing(answers) == {}


def test_a_priority_individual_is_one_identified_principal_with_a_rationale():
    assert failing(priority_individual()) == {}
    two = priority_individual()
    two["B"]["subjects"].append(complete()["B"]["subjects"][1])
    not_principal = priority_individual()
    not_principal["B"]["subjects"][0]["role"] = "enabler"
    short = priority_individual()
    short["B"]["pi_rationale"] = text(99)
    assert [list(failing(answers)) for answers in (two, not_principal, short)] == [["C19"], ["C3"], ["C3"]]


def test_a_priority_individual_needs_capability_but_no_organisation_or_seven_year_offence():
    answers = priority_individual()
    answers["C"]["offences"] = []
    answers["D"] = {"capabilities": ["violence"], "capability_narrative": text(100)}
    assert failing(answers) == {}
    answers["D"]["capabilities"] = []
    assert list(failing(answers)) == ["C9"]


def test_a_soc_vulnerability_needs_a_200_character_description_and_no_subjects():
    assert failing(vulnerability()) == {}
    answers = vulnerability()
    answers["D"]["vulnerability_description"] = text(199)
    assert failing(answers) == {"C4": ["D.vulnerability_description"]}


APPLICABLE = {
    "ocg": {"C1", "C2", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "C14", "C15", "C17", "C18"},
    "priority_individual": {"C1", "C3", "C5", "C6", "C7", "C9", "C10", "C11", "C12", "C13", "C14", "C15", "C17"},
    "soc_vulnerability": {"C1", "C4", "C5", "C6", "C7", "C10", "C11", "C12", "C13", "C14", "C15", "C17"},
    None: {"C1", "C5", "C6", "C7", "C10", "C11", "C12", "C13", "C14", "C15", "C17", "C20", "C21"},
}
EVERY_TYPE = {"C19", "C20", "C21"}


@pytest.mark.parametrize("threat_type", list(APPLICABLE))
def test_which_rules_apply_depends_on_the_threat_type(threat_type):
    answers = {"A": {"threat_type": threat_type}}
    # Until the type is chosen, every type's rules are listed and counted (test_every_type.py).
    expected = APPLICABLE[threat_type] | EVERY_TYPE if threat_type else set().union(*APPLICABLE.values(), EVERY_TYPE)
    assert {rule.id for rule in check(facts(answers)).applicable} == expected
    resubmitted = check(facts(answers, resubmission=True))
    assert {rule.id for rule in resubmitted.applicable} == expected | {"C16"}


def returned_answers() -> tuple[dict, dict]:
    """The answers as last sent, and a copy to amend."""
    return complete(), complete()


def test_c16_needs_every_open_item_answered_in_30_characters_and_its_section_changed():
    sent, now = returned_answers()
    now["B"]["pi_rationale"] = "Amended after the return."
    answered = {"section": "B", "response": text(30)}
    assert failing(now, resubmission=True, open_items=(answered,), last_sent=sent) == {}
    short = {"section": "B", "response": text(29)}
    assert failing(now, resubmission=True, open_items=(short,), last_sent=sent) == {"C16": ["B.return_item"]}
    unchanged = {"section": "C", "response": text(30)}
    assert failing(now, resubmission=True, open_items=(answered, unchanged), last_sent=sent) == {
        "C16": ["C.return_item"]
    }


def test_c16_only_applies_on_a_resubmission():
    sent, now = returned_answers()
    unanswered = ({"section": "B", "response": None},)
    assert failing(now, open_items=unanswered, last_sent=sent) == {}
    assert failing(now, resubmission=True, open_items=unanswered, last_sent=sent) == {
        "C16": ["B.return_item", "B.return_item"]
    }


def test_soft_warnings_never_block_sending():
    answers = complete()
    answers["C"]["modus_operandi"] = ""
    answers["F"]["intelligence"].pop()
    result = check(facts(answers))
    assert {f.rule_id for f in result.warnings} == {"C11", "C17"}
    assert (result.blocking, result.can_send, result.percent_complete) == ((), True, 100)


def test_the_percentage_is_the_share_of_applicable_hard_rules_that_pass():
    # An organised crime group has 16 hard rules (C1, C2, C5-C10, C12-C15, C18-C21).
    answers = complete()
    answers["A"]["working_name"] = ""
    assert check(facts(answers)).percent_complete == 94  # 15 of 16
    answers["A"]["summary"] = ""  # a second problem with the same rule
    assert check(facts(answers)).percent_complete == 94
    answers["I"]["no_source_material"] = False
    assert check(facts(answers)).percent_complete == 88  # 14 of 16
    # A new form meets only C18 (no subject is left unlinked), of the 18 hard rules some type would apply.
    assert check(facts({})).percent_complete == 6


def test_a_priority_individual_counts_its_own_hard_rules():
    # C1, C3, C5, C6, C7, C9, C10, C12, C13, C14, C15, C19, C20, C21: 14 hard rules.
    answers = priority_individual()
    answers["B"]["pi_rationale"] = ""
    assert check(facts(answers)).percent_complete == 93  # 13 of 14


def test_an_empty_form_has_every_section_not_started():
    result = check(facts({}))
    assert set(result.section_status.values()) == {SectionStatus.NOT_STARTED}
    assert list(result.section_status) == [s.key for s in SECTIONS]


def test_a_complete_form_has_every_section_complete():
    assert set(check(facts(complete())).section_status.values()) == {SectionStatus.COMPLETE}


def test_a_section_with_a_hard_problem_is_in_progress_and_a_soft_one_still_complete():
    answers = complete()
    answers["B"]["subjects"].pop()
    answers["C"]["modus_operandi"] = ""
    status = check(facts(answers)).section_status
    assert (status["B"], status["C"], status["A"]) == (
        SectionStatus.IN_PROGRESS,
        SectionStatus.COMPLETE,
        SectionStatus.COMPLETE,
    )


def test_a_section_holding_only_the_default_marking_is_not_started():
    status = check(facts({"I": {"security_marking": "OFFICIAL-SENSITIVE", "no_source_material": False}})).section_status
    assert (status["I"], status["A"]) == (SectionStatus.NOT_STARTED, SectionStatus.NOT_STARTED)


def test_a_section_with_a_marking_other_than_the_default_is_in_progress():
    status = check(facts({"I": {"security_marking": "OFFICIAL", "no_source_material": False}})).section_status
    assert status["I"] is SectionStatus.IN_PROGRESS


def test_a_returned_section_not_yet_changed_is_in_progress():
    sent, now = returned_answers()
    result = check(facts(now, resubmission=True, open_items=({"section": "E", "response": text(40)},), last_sent=sent))
    assert result.section_status["E"] is SectionStatus.IN_PROGRESS
