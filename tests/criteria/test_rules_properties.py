"""Every criterion over any answers a form could hold, sensible or not: findings that name a real
question and say what to do, never an exception. Pure: no database."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.typed_input import ANY_CHARACTERS, DATES
from triggerflow.content.sections import SECTIONS, SECTIONS_BY_KEY
from triggerflow.content.sections import Field as Spec
from triggerflow.criteria import RULES, Facts, Severity, check
from triggerflow.criteria.thresholds import DEFAULT_LIMITS
from triggerflow.demo_content import complete_ocg_answers

TODAY = date(2026, 3, 2)
PROPERTIES = settings(max_examples=150, deadline=None, database=None)
SHORT = st.text(ANY_CHARACTERS, max_size=20)
# Stored shapes the editors never write, as a bad import or a hand-edited row might leave them.
ODD = st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.just({"x": 1}), st.lists(st.integers()))


def answer(spec: Spec) -> st.SearchStrategy:
    """A stored answer: one of the question's own values, any text, a date or not, or an odd shape."""
    own = [value for value, _ in spec.choices or []]
    likely = [st.sampled_from(own)] if own else []
    if spec.is_list:
        likely.append(st.lists(st.sampled_from(own) if own else SHORT, max_size=4))
    if spec.kind == "date":
        likely.append(DATES.map(date.isoformat))
    long_text = st.integers(0, 400).map(lambda n: "Evidence. " * (n // 10))
    return st.one_of(*likely, SHORT, long_text, ODD)


def answers_for(specs: tuple[Spec, ...]) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({}, optional={spec.name: answer(spec) for spec in specs})


def section_answers(key: str) -> st.SearchStrategy[dict]:
    section = SECTIONS_BY_KEY[key]
    own = answers_for(section.fields)
    if not section.group:
        return own
    items = st.lists(answers_for(section.group.fields).map(lambda item: {"id": "i1", **item}), max_size=4)
    return st.builds(lambda values, listed: {**values, section.group.key: listed}, own, st.one_of(items, ODD))


ANSWERS = st.fixed_dictionaries({}, optional={section.key: section_answers(section.key) for section in SECTIONS})
OPEN_ITEMS = st.lists(
    st.fixed_dictionaries(
        {"section": st.sampled_from([s.key for s in SECTIONS]), "response": st.one_of(st.none(), SHORT)}
    ),
    max_size=3,
)


def linkable(field: str) -> bool:
    """A finding's field is a question, a list of items, or a return item on the section's page."""
    key, _, name = field.partition(".")
    section = SECTIONS_BY_KEY.get(key)
    return section is not None and (
        section.field(name) is not None
        or name == "return_item"
        or (section.group is not None and name == section.group.key)
    )


@PROPERTIES
@given(answers=ANSWERS, open_items=OPEN_ITEMS, last_sent=st.one_of(st.none(), ANSWERS), resubmission=st.booleans())
def test_any_answers_give_findings_that_name_a_real_question_and_never_an_error(
    answers, open_items, last_sent, resubmission
):
    result = check(
        Facts(
            answers=answers,
            today=TODAY,
            open_items=tuple(open_items),
            last_sent=last_sent,
            resubmission=resubmission,
            limits=DEFAULT_LIMITS,
        )
    )

    rule_ids = {rule.id for rule in RULES}
    for finding in result.findings:
        assert finding.rule_id in rule_ids and linkable(finding.field), finding
        assert finding.section == finding.field.split(".")[0]
        assert isinstance(finding.message, str) and finding.message.strip()
    assert 0 <= result.percent_complete <= 100
    assert set(result.section_status) == {section.key for section in SECTIONS}
    assert result.can_send == (not any(f.severity is Severity.HARD for f in result.findings))


@PROPERTIES
@given(key=st.sampled_from([s.key for s in SECTIONS]), data=st.data())
def test_a_complete_form_with_any_one_section_replaced_is_checked_without_error(key, data):
    """Near a passing form the rules reach their deeper checks (dates, citations, gradings)."""
    answers = complete_ocg_answers("DOR", TODAY - timedelta(days=1))
    assert check(Facts(answers=answers, today=TODAY, limits=DEFAULT_LIMITS)).can_send
    answers[key] = data.draw(section_answers(key))

    result = check(Facts(answers=answers, today=TODAY, limits=DEFAULT_LIMITS))

    assert all(linkable(finding.field) for finding in result.findings)
