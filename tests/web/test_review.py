"""The assessor's review of a resubmission in the browser's pages: what changed, and the item threads."""

import pytest

from tests import review_story
from tests.web.htmlpage import error_summary, parse
from triggerflow.assessment.return_items import items_for
from triggerflow.db import db
from triggerflow.models import ReturnItemStatus, TriggerForm
from triggerflow.workflow.service import perform


@pytest.fixture
def review(people):
    form = review_story.resubmitted(people.officer, people.spoc, people.assessor)
    perform(form, "claim", people.assessor)
    return form


def item_on(form, section):
    db.session.expire_all()
    return next(item for item in items_for(form, include_pending=False) if item.section == section)


def version_of(form) -> int:
    db.session.expire_all()
    return db.session.get(TriggerForm, form.id).version


def rows(table) -> list[list[str]]:
    return [
        [cell.text for cell in row.children if not isinstance(cell, str) and cell.tag in ("th", "td")]
        for row in table.find("tbody").find_all("tr")
    ]


def test_the_assessor_is_sent_from_the_form_page_to_what_changed(review, people, sign_in):
    page = parse(sign_in(people.assessor).get(f"/forms/{review.number}"))
    banner = page.find(class_="govuk-notification-banner")
    assert "Resubmitted as version 2" in banner.text
    assert page.find(id="changes-link")["href"] == f"/forms/{review.number}/changes"
    assert page.find(id="changes-link").text == "See what changed since version 1"


def test_the_changes_page_shows_each_nested_change_with_labels_and_readable_values(review, people, sign_in):
    page = parse(sign_in(people.assessor).get(f"/forms/{review.number}/changes"))
    assert page.find("h1").text == "What changed since you last reviewed it"
    assert "Comparing version 1" in page.find(id="comparing").text

    subjects = page.find("section", id="section-B")
    assert (
        subjects.find("h3", data_item=review_story.item_id(review, "B", "subjects", surname="Hallow")).text
        == "Subject: Dermot Hallow Changed"
    )
    assert rows(subjects.find("table")) == [["Date of birth Changed", "12 April 1981", "21 April 1981"]]

    offences = page.find("section", id="section-C")
    assert "Offence: Money laundering Removed" in offences.text
    assert rows(offences.find("table"))[0] == ["Offence Removed", "Money laundering", "Not answered"]

    intelligence = page.find("section", id="section-F")
    assert f"Intelligence item: {review_story.NEW_REFERENCE} Added" in intelligence.text
    assert ["Source evaluation Added", "Not answered", "1 – Reliable"] in rows(intelligence.find("table"))


def test_each_return_items_response_is_beside_its_section(review, people, sign_in):
    page = parse(sign_in(people.assessor).get(f"/forms/{review.number}/changes"))
    for section, response in review_story.RESPONSES.items():
        side = page.find("section", id=f"section-{section}").find(class_="app-side-item")
        assert f"Please look again at section {section}." in side.text
        assert response in side.text
        assert "Responded" in side.text


def test_the_assessor_closes_an_item_from_the_changes_page(review, people, sign_in):
    client = sign_in(people.assessor)
    item = item_on(review, "B")
    page = parse(client.get(f"/forms/{review.number}/changes"))
    close = page.find("form", action=f"/forms/{review.number}/return-items/{item.id}/close?then=changes")
    assert close.find("input", name="version")["value"] == str(version_of(review))

    response = client.post(close["action"], data={"version": version_of(review)})
    assert response.status_code == 302
    assert response.location.endswith(f"/forms/{review.number}/changes#return-item-{item.id}")
    assert item_on(review, "B").status is ReturnItemStatus.CLOSED
    side = parse(client.get(response.location)).find(id=f"return-item-{item.id}")
    assert "Closed" in side.text and "Reopen" in side.text and "Close item" not in side.text


def test_reopening_asks_what_the_force_still_needs_to_do_and_keeps_the_thread(review, people, sign_in):
    client = sign_in(people.assessor)
    item = item_on(review, "C")
    url = f"/forms/{review.number}/return-items/{item.id}/reopen"

    refused = client.post(url, data={"version": version_of(review), "comment": ""})
    assert refused.status_code == 400
    assert error_summary(parse(refused)) == [("Enter what the force still needs to do", "#comment")]

    client.post(url, data={"version": version_of(review), "comment": "Name the other investigation."})
    card = parse(client.get(f"/forms/{review.number}")).find(id=f"return-item-{item.id}")
    thread = [entry.text for entry in card.find_all("li", class_="app-thread__entry")]
    assert review_story.RESPONSES["C"] in thread[1] and thread[1].startswith("Force")
    assert "Name the other investigation." in thread[2] and thread[2].startswith("ROCTA")
    assert "Waiting for the force's response." in thread[3]


def test_a_stale_close_keeps_the_comment_and_says_the_form_changed(review, people, sign_in):
    client = sign_in(people.assessor)
    stale = version_of(review)
    client.post(f"/forms/{review.number}/return-items/{item_on(review, 'B').id}/close", data={"version": stale})
    response = client.post(
        f"/forms/{review.number}/return-items/{item_on(review, 'F').id}/close",
        data={"version": stale, "comment": "Good, thank you."},
    )
    assert response.status_code == 409
    page = parse(response)
    assert "changed by someone else" in error_summary(page)[0][0]
    assert page.find("textarea", name="comment").text == "Good, thank you."
    assert item_on(review, "F").status is ReturnItemStatus.RESPONDED


def test_the_force_sees_which_items_are_still_open_and_cannot_review_them(people, sign_in):
    form = review_story.returned_with_three_items(people.officer, people.spoc, people.assessor)
    review_story.amend(form, people.officer)
    review_story.answer(form, people.officer, sections=("B",))
    client = sign_in(people.officer)
    page = parse(client.get(f"/forms/{form.number}"))
    assert page.find(id="return-items-summary").text.startswith("2 of 3 return items still need a response.")
    assert "Close item" not in page.text and "Reopen" not in page.text
    item = item_on(form, "B")
    assert client.post(f"/forms/{form.number}/return-items/{item.id}/close").status_code == 403


def test_another_assessor_gets_no_close_buttons_and_is_refused(review, people, sign_in):
    client = sign_in(people.assessor2)
    assert "Close item" not in parse(client.get(f"/forms/{review.number}/changes")).text
    item = item_on(review, "B")
    assert client.post(f"/forms/{review.number}/return-items/{item.id}/close").status_code == 403


def test_any_two_versions_are_compared_from_the_history(review, people, sign_in):
    client = sign_in(people.officer)
    versions = parse(client.get(f"/forms/{review.number}")).find(id="versions")
    link = versions.find("a", href=f"/forms/{review.number}/compare?from=1&to=2")
    assert link.text == "compare with version 1 (what changed in version 2)"

    page = parse(client.get(link["href"]))
    assert page.find("h1").text == "Compare versions"
    assert "21 April 1981" in page.find("section", id="section-B").text
    backwards = parse(client.get(f"/forms/{review.number}/compare?from=2&to=1"))
    assert "Removed" in backwards.find("section", id="section-F").text
    same = parse(client.get(f"/forms/{review.number}/compare?from=2&to=2"))
    assert same.find(id="no-changes").text == "Nothing changed between these versions."
    assert client.get(f"/forms/{review.number}/compare?from=1&to=9").status_code == 404


def test_a_form_sent_once_has_nothing_to_compare(people, sign_in):
    from tests.factories import under_assessment

    form = under_assessment(people.officer, people.spoc, people.assessor)
    page = parse(sign_in(people.assessor).get(f"/forms/{form.number}/changes"))
    assert page.find("h1").text == "Nothing to compare yet"
    assert parse(sign_in(people.assessor).get(f"/forms/{form.number}")).find(id="changes-link") is None


def test_each_version_records_the_criteria_version_it_was_checked_against(review, people, sign_in):
    versions = parse(sign_in(people.assessor).get(f"/forms/{review.number}")).find(id="versions")
    assert [li.text.count("checked against criteria v1") for li in versions.find_all("li")] == [1, 1]


def test_the_respond_page_shows_the_assessors_comment_once_and_names_the_section_plainly(review, people, sign_in):
    from triggerflow.assessment.threads import reopen_item

    reopen_item(review, item_on(review, "B"), people.assessor, "Name the second subject too.", version_of(review))
    perform(db.session.get(TriggerForm, review.id), "return_to_force", people.assessor)
    page = parse(sign_in(people.officer).get(f"/forms/{review.number}/return-items/{item_on(review, 'B').id}/respond"))
    main = page.find(id="main-content")
    assert main.text.count("Please look again at section B.") == 1
    assert "Name the second subject too." in main.find("ol", class_="app-thread").text
    assert main.find("a", href=f"/forms/{review.number}/sections/B").text == "Change section B: Subjects"


def test_the_force_answers_a_reopened_item_seeing_what_the_assessor_said_since(review, people, sign_in):
    from triggerflow.assessment.threads import close_item, reopen_item

    for section in ("B", "F"):
        close_item(review, item_on(review, section), people.assessor, None, version_of(review))
    reopen_item(review, item_on(review, "C"), people.assessor, "Name the other investigation.", version_of(review))
    perform(db.session.get(TriggerForm, review.id), "return_to_force", people.assessor)

    client = sign_in(people.officer)
    summary = parse(client.get(f"/forms/{review.number}")).find(id="return-items-summary")
    assert summary.text.startswith("1 of 3 return items still needs a response.")
    page = parse(client.get(f"/forms/{review.number}/return-items/{item_on(review, 'C').id}/respond"))
    thread = page.find("ol", class_="app-thread").text
    assert review_story.RESPONSES["C"] in thread and "Name the other investigation." in thread
    assert page.find("textarea", name="response").text == ""
