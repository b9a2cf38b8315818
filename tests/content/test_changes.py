"""Field-by-field differences between two versions of a form, as an assessor reads them."""

from copy import deepcopy

from triggerflow.content.changes import Readers, compare
from triggerflow.demo_content import complete_ocg_answers


def base() -> dict:
    answers = complete_ocg_answers("DOR")
    answers["C"]["offences"].append(
        {"id": "off2", "offence": "Money laundering", "max_sentence": "14 years", "seven_years": "yes"}
    )
    return answers


def by_section(changes) -> dict:
    return {section.section.key: section for section in changes}


def test_identical_versions_have_no_changes():
    assert compare(base(), base()) == []


def test_a_subjects_changed_date_of_birth_is_a_change_inside_that_subject_shown_as_dates():
    old, new = base(), base()
    new["B"]["subjects"][0]["date_of_birth"] = "1981-04-21"

    (section,) = compare(old, new)
    assert section.section.key == "B" and section.fields == ()
    (item,) = section.items
    assert (item.title, item.kind) == ("Subject: Dermot Hallow", "changed")
    (field,) = item.fields
    assert (field.label, field.kind, field.before, field.after) == (
        "Date of birth",
        "changed",
        "12 April 1981",
        "21 April 1981",
    )


def test_items_are_matched_by_id_not_by_position():
    old, new = base(), base()
    new["B"]["subjects"].reverse()
    assert compare(old, new) == []


def test_an_offence_removed_lists_what_it_said():
    old, new = base(), base()
    new["C"]["offences"] = [o for o in new["C"]["offences"] if o["id"] != "off2"]

    (item,) = by_section(compare(old, new))["C"].items
    assert (item.title, item.kind) == ("Offence: Money laundering", "removed")
    assert [(f.label, f.before, f.after) for f in item.fields] == [
        ("Offence", "Money laundering", ""),
        ("Indicative maximum sentence", "14 years", ""),
        ("Does the offence carry 7 years or more?", "Yes", ""),
    ]


def test_an_intelligence_item_added_shows_its_grading_as_labels():
    old, new = base(), base()
    new["F"]["intelligence"].append(
        {
            "id": "intel9",
            "reference": "DOR-INT-9001",
            "date": "2026-03-01",
            "source_evaluation": "1",
            "intelligence_assessment": "B",
            "handling_code": "P",
            "handling_conditions": "",
        }
    )

    (item,) = by_section(compare(old, new))["F"].items
    assert (item.title, item.kind) == ("Intelligence item: DOR-INT-9001", "added")
    assert {f.label: f.after for f in item.fields} == {
        "Intelligence reference": "DOR-INT-9001",
        "Date of the intelligence": "1 March 2026",
        "Source evaluation": "1 – Reliable",
        "Intelligence assessment": "B – Known indirectly, corroborated",
        "Handling code": "P – Lawful sharing permitted",
    }
    assert all(f.kind == "added" and f.before == "" for f in item.fields)


def test_section_fields_show_choice_labels_forces_and_citations():
    old, new = base(), base()
    new["A"]["secondary_themes"] = ["fraud", "money_laundering"]
    new["A"]["county_line"] = ""
    new["E"]["forces_affected"] = ["DOR", "WIL"]
    new["D"]["planning_cites"] = ["intel1"]
    new["H"]["suggested_lro"] = "DCI Rowe"
    readers = Readers(names={"DOR": "Dorset Police", "WIL": "Wiltshire Police"})

    changes = by_section(compare(old, new, readers))
    assert [(f.label, f.kind, f.before, f.after) for f in changes["A"].fields] == [
        ("County line name or number", "removed", "ACE line", ""),
        ("Secondary themes (optional)", "changed", "Money laundering", "Fraud; Money laundering"),
    ]
    assert [(f.before, f.after) for f in changes["E"].fields] == [("Dorset Police", "Dorset Police; Wiltshire Police")]
    assert [(f.before, f.after) for f in changes["D"].fields] == [("DOR-INT-4101; DOR-INT-4102", "DOR-INT-4101")]
    assert [(f.label, f.kind) for f in changes["H"].fields] == [
        ("Suggested lead responsible officer (optional)", "added")
    ]


def test_unanswered_and_cleared_read_the_same():
    old, new = base(), deepcopy(base())
    old["H"]["partner_agencies"] = ""
    new["H"].pop("partner_agencies")
    new["B"]["pi_rationale"] = None
    assert compare(old, new) == []


def test_sections_come_in_form_order():
    old, new = base(), base()
    new["I"]["security_marking"] = "OFFICIAL"
    new["A"]["working_name"] = "Harbour Lane"
    new["F"]["intelligence"].pop()
    assert [s.section.key for s in compare(old, new)] == ["A", "F", "I"]
