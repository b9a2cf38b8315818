"""A draft shows what the ROCTA most often returned forms like it for in the last year (same region,
threat type and theme), each reason linked to the criterion that guards against it."""

from datetime import timedelta

from sqlalchemy import update

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.assessment.return_items import add_pending
from triggerflow.content import store
from triggerflow.db import db, utcnow
from triggerflow.models import ReturnItem
from triggerflow.workflow.service import perform


def returned_for(people, *codes: str, author=None, spoc=None, assessor=None):
    assessor = assessor or people.assessor
    form = factories.under_assessment(author or people.officer2, spoc or people.spoc, assessor)
    for code in codes:
        add_pending(form, assessor, section="B", reason_code=code, comment=f"Returned for {code}.")
    perform(form, "return_to_force", assessor)
    return form


def common_returns(client, form) -> list[str]:
    found = parse(client.get(f"/forms/{form.number}")).find(id="common-return-list")
    return [li.text for li in found.find_all("li")] if found else []


def test_a_draft_lists_the_commonest_return_reasons_for_its_kind_of_form_with_the_criteria_against_them(
    people, sign_in
):
    returned_for(people, "R01", "R08")
    returned_for(people, "R01")
    returned_for(people, "R99")  # "Other" names nothing to guard against
    draft = factories.complete_draft(people.officer)

    page = parse(sign_in(people.officer).get(f"/forms/{draft.number}"))
    items = page.one(id="common-return-list").find_all("li")
    assert [li.text.split(":")[0] for li in items] == [
        "Not enough evidence of a group working together (R01)",
        "Intelligence weak, old or uncorroborated (R08)",
    ]
    assert items[0].text.split(":")[1].strip().startswith("2 forms.")
    assert [a["href"] for a in items[0].find_all("a")] == ["/criteria/#C18"]
    assert "/criteria/#C20" in [a["href"] for a in items[1].find_all("a")]


def test_returns_of_other_themes_regions_or_over_a_year_ago_are_not_counted(people, sign_in):
    returned_for(people, "R06", author=people.essex_officer, spoc=people.essex_spoc, assessor=people.eastern_assessor)
    old = returned_for(people, "R04")
    db.session.execute(
        update(ReturnItem).where(ReturnItem.form_id == old.id).values(returned_at=utcnow() - timedelta(days=400))
    )
    other_theme = factories.complete_draft(people.officer2)
    store.save_section(other_theme, "A", {"primary_theme": "fraud"}, people.officer2, None)
    perform(other_theme, "send_to_spoc", people.officer2)
    perform(other_theme, "submit", people.spoc)
    perform(other_theme, "claim", people.assessor)
    add_pending(other_theme, people.assessor, section="A", reason_code="R12", comment="Wrong type.")
    perform(other_theme, "return_to_force", people.assessor)
    db.session.commit()
    draft = factories.complete_draft(people.officer)

    assert common_returns(sign_in(people.officer), draft) == []


def test_only_a_draft_shows_them(people, sign_in):
    returned_for(people, "R01")
    sent = factories.submitted(people.officer, people.spoc)
    assert common_returns(sign_in(people.officer), sent) == []
