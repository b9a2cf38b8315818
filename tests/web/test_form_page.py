"""A form's page in the order each person needs it, saying only what is true."""

from tests import factories, review_story
from tests.web.htmlpage import parse
from triggerflow.assessment.return_items import add_pending
from triggerflow.workflow.service import perform


def order(page, *ids: str) -> list[str]:
    """The given ids in the order the page shows them (those it lacks left out)."""
    wanted = set(ids)
    return [element["id"] for element in page.find_all() if element.get("id") in wanted]


def statuses(page) -> dict[str, str]:
    rows = page.one(id="task-list").find_all("li")
    return {row.find("a").text.split(".")[0]: row.find(class_="govuk-task-list__status").text for row in rows}


def test_a_new_form_opens_with_its_task_list_and_no_section_started(people, sign_in):
    form = factories.draft(people.officer)
    page = parse(sign_in(people.officer).get(f"/forms/{form.number}"))
    assert order(page, "task-list", "checklist", "actions", "details", "timing") == [
        "task-list",
        "checklist",
        "actions",
        "details",
        "timing",
    ]
    assert set(statuses(page).values()) == {"Not started"}


def test_the_holding_assessor_decides_with_the_forms_content_on_the_page(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    page = parse(sign_in(people.assessor).get(f"/forms/{form.number}"))
    assert order(page, "actions", "task-list", "form-content", "details") == [
        "actions",
        "task-list",
        "form-content",
        "details",
    ]
    content = page.one(id="form-content")
    assert form.working_name in content.text
    assert [heading.text.split(".")[0] for heading in content.find_all("h3", class_="govuk-heading-m")] == list(
        "ABCDEFGHI"
    )
    assert page.one(id="task-list").find("a")["href"] == "#section-A"


def test_only_someone_who_can_still_get_the_form_sent_sees_what_blocks_sending(people, sign_in):
    draft = factories.draft(people.officer)
    with_spoc = factories.complete_draft(people.officer)
    perform(with_spoc, "send_to_spoc", people.officer)
    held = factories.under_assessment(people.officer, people.spoc, people.assessor)
    accepted = factories.under_assessment(people.officer, people.spoc, people.assessor)
    perform(accepted, "accept", people.assessor, record=factories.acceptance_record(accepted))

    def shows_checklist(user, form) -> bool:
        return parse(sign_in(user).get(f"/forms/{form.number}")).find(id="checklist") is not None

    assert shows_checklist(people.officer, draft) and shows_checklist(people.spoc, with_spoc)
    assert not shows_checklist(people.officer, with_spoc)  # with the SPOC: only the SPOC can send it on
    assert not any(shows_checklist(user, held) for user in (people.assessor, people.regional_manager, people.officer))
    assert not any(shows_checklist(user, accepted) for user in (people.officer, people.spoc, people.assessor))


def test_items_not_yet_sent_are_not_counted_as_answered(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    for section in ("B", "C", "F"):
        add_pending(form, people.assessor, section=section, reason_code="R02", comment="Please look again.")
    summary = parse(sign_in(people.assessor).get(f"/forms/{form.number}")).one(id="return-items-summary").text
    assert "has a response" not in summary
    assert summary == "3 not yet sent: they go to the force when the form is returned."


def test_a_resubmission_says_which_items_were_answered_and_which_are_not_yet_sent(people, sign_in):
    form = review_story.resubmitted(people.officer, people.spoc, people.assessor)
    perform(form, "claim", people.assessor)
    add_pending(form, people.assessor, section="A", reason_code="R01", comment="Say more about the group.")
    summary = parse(sign_in(people.assessor).get(f"/forms/{form.number}")).one(id="return-items-summary").text
    assert summary == (
        "Every return item sent to the force has a response. 3 answered and waiting for the assessor. "
        "1 not yet sent: it goes to the force when the form is returned."
    )
