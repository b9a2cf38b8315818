"""The questions that apply only for some answers, held against the criteria: a question that does
not apply never blocks, and the page can reveal each under the question it depends on."""

from datetime import date

import pytest

from triggerflow.content.conditions import UNANSWERED
from triggerflow.content.sections import SECTIONS, Field
from triggerflow.content.vocab import THREAT_TYPES
from triggerflow.criteria import Facts, check
from triggerflow.criteria.thresholds import DEFAULT_LIMITS
from triggerflow.demo_content import complete_ocg_answers

TODAY = date(2026, 3, 2)


def pages():
    """(section key, the questions one page asks) for every section and item page."""
    for section in SECTIONS:
        yield section.key, section.fields
        if section.group:
            yield section.key, section.group.fields


CONDITIONAL = [
    pytest.param(key, field, id=f"{key}.{field.name}") for key, fields in pages() for field in fields if field.when
]


def findings_for(answers: dict, key: str) -> list[tuple[str, str]]:
    return [
        (f.field, f.message)
        for f in check(Facts(answers=answers, today=TODAY, limits=DEFAULT_LIMITS)).findings
        if f.section == key
    ]


def blank(field: Field):
    return [] if field.is_list else UNANSWERED


@pytest.mark.parametrize("key, field", CONDITIONAL)
def test_each_condition_on_the_page_follows_a_question_before_it_and_names_its_choices(key, field):
    page = next(fields for k, fields in pages() if k == key and field in fields)
    for when in (w for w in field.when if w.section is None):
        controller = next(f for f in page if f.name == when.field)
        assert page.index(controller) < page.index(field)
        assert when.values - {UNANSWERED} <= {value for value, _ in controller.choices}


@pytest.mark.parametrize(
    "key, field", [pytest.param(s.key, f, id=f"{s.key}.{f.name}") for s in SECTIONS for f in s.fields if f.when]
)
def test_a_section_question_that_does_not_apply_never_blocks(key, field):
    for when in field.when:
        answers = complete_ocg_answers("DOR", TODAY)
        source = answers.setdefault(when.section or key, {})
        controller = next(s for s in SECTIONS if s.key == (when.section or key)).field(when.field)
        others = [value for value, _ in controller.choices if value not in when.values]
        source[when.field] = [] if controller.is_list else others[0]
        answers[key][field.name] = blank(field)
        assert not [f for f in findings_for(answers, key) if f[0] == f"{key}.{field.name}"], when


def test_a_principal_or_a_priority_individual_needs_no_link_to_the_group():
    answers = complete_ocg_answers("DOR", TODAY)
    subjects = answers["B"]["subjects"]
    principal = next(s for s in subjects if s["role"] == "principal")
    principal.update(link_to_group="", link_cites=[])
    assert not [m for _, m in findings_for(answers, "B") if "linked" in m or "links" in m]
    answers["A"]["threat_type"] = "priority_individual"
    for subject in subjects:
        subject.update(link_to_group="", link_cites=[])
    assert not [m for _, m in findings_for(answers, "B") if "linked" in m or "links" in m]


def test_intelligence_not_under_handling_code_c_needs_no_conditions():
    answers = complete_ocg_answers("DOR", TODAY)
    for item in answers["F"]["intelligence"]:
        item.update(handling_code="P", handling_conditions="")
    assert not [m for _, m in findings_for(answers, "F") if "handling code C" in m]


def test_the_threat_types_the_conditions_name_are_real():
    types = {value for value, _ in THREAT_TYPES} | {UNANSWERED}
    for _, field in (p.values for p in CONDITIONAL):
        for when in field.when:
            if when.section == "A" and when.field == "threat_type":
                assert when.values <= types, field.name
