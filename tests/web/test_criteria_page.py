"""The criteria page says what TriggerFlow checks before sending, and apart from it, what only the ROCTA judges."""

from tests.web.htmlpage import parse
from triggerflow.content.vocab import RETURN_REASONS
from triggerflow.criteria import RULES


def test_the_page_calls_the_checks_completeness_and_lists_what_the_rocta_judges_separately(people, sign_in):
    page = parse(sign_in(people.officer).get("/criteria/"))

    main = page.one(id="main-content").text
    assert "What a trigger form needs before it is sent" in main
    assert "rules the ROCTA applies" not in main
    judged = page.one(id="rocta-judgements").text
    assert "MoRiLE" in judged and "serious and organised crime" in judged
    assert page.one("a", href="#rocta-judges").text == "judges the threat itself"


def test_every_criterion_is_listed_with_the_return_reasons_it_guards_against(people, sign_in):
    page = parse(sign_in(people.spoc).get("/criteria/"))

    rows = page.one(id="criteria").find_all("tr", class_="govuk-table__row")[1:]
    assert [row["id"] for row in rows] == [rule.id for rule in RULES]
    reasons = dict(RETURN_REASONS)
    assert f"R12 {reasons['R12']}" in page.one("tr", id="C19").text
    assert "R12" not in page.one("tr", id="C5").text
