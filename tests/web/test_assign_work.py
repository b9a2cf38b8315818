"""Regional managers reassign or release work: one form from its page, several from the work list."""

import pytest
from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import error_summary, parse
from tests.workflow.lifecycle import Cast, resubmitted, under_assessment
from triggerflow.db import db
from triggerflow.models import FormEvent, Role, TriggerForm
from triggerflow.queries import assignments
from triggerflow.workflow.errors import Invalid
from triggerflow.workflow.service import perform
from triggerflow.workflow.states import FormState


def fresh(form) -> TriggerForm:
    db.session.expire_all()
    return db.session.get(TriggerForm, form.id)


@pytest.fixture
def cast(people):
    return Cast(people.officer, people.spoc, people.assessor)


def test_the_regional_manager_reassigns_a_form_from_its_page(cast, people, sign_in):
    form = under_assessment(cast)
    client = sign_in(people.regional_manager)
    link = parse(client.get(f"/forms/{form.number}")).find(id="reassign-link")
    assert link["href"] == f"/forms/{form.number}/reassign"

    page = parse(client.get(link["href"]))
    offered = [label.text for label in page.find("fieldset").find_all("label")]
    assert offered == [people.assessor2.name, "Release to the regional queue"]  # not the holder

    response = client.post(
        link["href"],
        data={"version": form.version, "assessor": str(people.assessor2.id), "reason": "Aled is on leave."},
    )
    assert response.status_code == 302
    banner = parse(client.get(response.location)).find(class_="govuk-notification-banner")
    assert banner.text == f"Success Form {form.number} reassigned to {people.assessor2.name}"
    assert fresh(form).assessor_id == people.assessor2.id
    history = parse(client.get(f"/forms/{form.number}")).find("ol", class_="app-history")
    assert "Reassigned – Under assessment to Under assessment" in history.text and "Aled is on leave." in history.text


def test_releasing_needs_a_reason_and_goes_through_the_lifecycle(cast, people, sign_in):
    form = under_assessment(cast)
    client = sign_in(people.regional_manager)
    refused = client.post(f"/forms/{form.number}/reassign", data={"version": form.version, "assessor": "release"})
    assert refused.status_code == 400
    assert error_summary(parse(refused)) == [("Enter the reason for the reassignment", "#reason")]

    client.post(
        f"/forms/{form.number}/reassign",
        data={"version": form.version, "assessor": "release", "reason": "Nobody should hold it now."},
    )
    form = fresh(form)
    assert (form.state, form.assessor_id) == (FormState.SUBMITTED, None)
    (event,) = db.session.scalars(
        select(FormEvent).where(FormEvent.form_id == form.id, FormEvent.action == "release")
    ).all()
    assert (event.actor_id, event.comment) == (people.regional_manager.id, "Nobody should hold it now.")


def test_the_release_button_asks_a_regional_manager_for_a_reason_on_a_confirmation_page(cast, people, sign_in):
    form = under_assessment(cast)
    client = sign_in(people.regional_manager)
    actions = parse(client.get(f"/forms/{form.number}")).find(id="actions")
    release = actions.find("a", href=f"/forms/{form.number}/actions/release")
    assert release.text == "Release to queue"
    assert actions.find("form") is None  # no one-press release

    page = parse(client.get(release["href"]))
    assert page.find("h1").text == f"Release to queue – {form.number}"
    assert page.find("label", for_="comment").text == "Why are you releasing the form?"

    refused = client.post(release["href"], data={"version": form.version, "comment": "  "})
    assert refused.status_code == 400
    assert error_summary(parse(refused)) == [("Enter the reason for releasing the form", "#comment")]
    assert fresh(form).state is FormState.UNDER_ASSESSMENT

    client.post(release["href"], data={"version": form.version, "comment": "Aled is off sick this week."})
    form = fresh(form)
    assert (form.state, form.assessor_id) == (FormState.SUBMITTED, None)
    event = db.session.scalars(
        select(FormEvent).where(FormEvent.form_id == form.id).order_by(FormEvent.id.desc())
    ).first()
    assert (event.action, event.actor_id, event.comment) == (
        "release",
        people.regional_manager.id,
        "Aled is off sick this week.",
    )


def test_a_regional_manager_cannot_release_without_a_reason_by_posting_directly(cast, people, sign_in):
    form = under_assessment(cast)
    response = sign_in(people.regional_manager).post(
        f"/forms/{form.number}/actions/release", data={"version": form.version}
    )
    assert response.status_code == 400
    with pytest.raises(Invalid) as refused:
        perform(fresh(form), "release", people.regional_manager, comment="")
    assert refused.value.errors == {"comment": "Enter the reason for releasing the form"}
    assert fresh(form).assessor_id == people.assessor.id


def test_the_assessor_releases_their_own_work_from_a_confirmation_page_after_the_decisions(cast, people, sign_in):
    form = under_assessment(cast)
    client = sign_in(people.assessor)
    actions = parse(client.get(f"/forms/{form.number}")).find(id="actions")
    buttons = [button.text for button in actions.find_all(class_="govuk-button")]
    assert buttons[0] != "Release to queue" and buttons[-2:] == ["Release to queue", "Add a return item"]
    assert actions.find("form", action=f"/forms/{form.number}/actions/release") is None  # no one-press release

    page = parse(client.get(f"/forms/{form.number}/actions/release"))
    assert "Every assessor who may take it is told by e-mail." in page.find(id="action-description").text
    assert fresh(form).state is FormState.UNDER_ASSESSMENT  # opening the page changes nothing
    client.post(f"/forms/{form.number}/actions/release", data={"version": form.version})
    assert fresh(form).state is FormState.SUBMITTED


def test_a_stale_reassign_page_keeps_the_reason(cast, people, sign_in):
    form = under_assessment(cast)
    client = sign_in(people.regional_manager)
    response = client.post(
        f"/forms/{form.number}/reassign",
        data={"version": form.version - 1, "assessor": str(people.assessor2.id), "reason": "Cover for leave."},
    )
    assert response.status_code == 409
    page = parse(response)
    assert "changed by someone else" in error_summary(page)[0][0]
    assert page.find("textarea", name="reason").text == "Cover for leave."


def test_only_regional_managers_of_the_region_reassign(cast, people, sign_in):
    form = under_assessment(cast)
    assert sign_in(people.assessor).get(f"/forms/{form.number}/reassign").status_code == 403
    assert sign_in(people.national_manager).get(f"/forms/{form.number}/reassign").status_code == 403
    assert sign_in(people.force_manager).get(f"/forms/{form.number}/reassign").status_code == 403
    assert (
        sign_in(factories.user(Role.MANAGER, region_code="EA")).get(f"/forms/{form.number}/reassign").status_code == 404
    )
    assert parse(sign_in(people.assessor).get(f"/forms/{form.number}")).find(id="reassign-link") is None
    assert sign_in(people.national_manager).get("/assign").status_code == 403


def test_bulk_reassign_from_the_work_list(people, sign_in):
    dorset = under_assessment(Cast(people.officer, people.spoc, people.assessor))
    wiltshire = resubmitted(Cast(people.wilts_officer, people.wilts_spoc, people.assessor))
    other = under_assessment(Cast(people.officer2, people.spoc, people.assessor2))
    client = sign_in(people.regional_manager)
    assert parse(client.get("/")).find(id="assign-work")["href"] == "/assign"

    page = parse(client.get(f"/assign?assessor={people.assessor.id}"))
    listed = {row["data-number"]: row for row in page.find("table", data_queue="work").find("tbody").find_all("tr")}
    assert set(listed) == {dorset.number, wiltshire.number}
    assert "accept" not in page.text.lower()
    values = [listed[n].find("input")["value"] for n in (dorset.number, wiltshire.number)]
    assert values == [f"{dorset.number}:{dorset.version}", f"{wiltshire.number}:{wiltshire.version}"]

    response = client.post(
        f"/assign?assessor={people.assessor.id}",
        data={"forms": values, "assessor": str(people.assessor2.id), "reason": "Aled has moved to another unit."},
    )
    assert response.status_code == 302
    assert "2 forms reassigned to" in parse(client.get(response.location)).text
    assert {fresh(f).assessor_id for f in (dorset, wiltshire, other)} == {people.assessor2.id}
    assert fresh(wiltshire).state is FormState.RESUBMITTED


def test_bulk_reassign_refuses_an_assessor_from_a_selected_forms_force_and_changes_nothing(people, sign_in):
    dorset = under_assessment(Cast(people.officer, people.spoc, people.assessor))
    wiltshire = under_assessment(Cast(people.wilts_officer, people.wilts_spoc, people.assessor))
    dorset_assessor = factories.user(Role.ASSESSOR, region_code="SW", force_code="DOR")
    client = sign_in(people.regional_manager)

    response = client.post(
        "/assign",
        data={
            "forms": [f"{dorset.number}:{dorset.version}", f"{wiltshire.number}:{wiltshire.version}"],
            "assessor": str(dorset_assessor.id),
            "reason": "Cover",
        },
    )
    assert response.status_code == 422
    page = parse(response)
    assert "cannot assess its forms" in error_summary(page)[0][0]
    assert {fresh(f).assessor_id for f in (dorset, wiltshire)} == {people.assessor.id}
    assert page.find("input", value=f"{dorset.number}:{dorset.version}").get("checked") is not None
    assert page.find("textarea", name="reason").text == "Cover"

    nothing = client.post("/assign", data={"assessor": str(people.assessor2.id), "reason": "Cover"})
    assert error_summary(parse(nothing)) == [("Select at least one form", "#forms")]


def test_the_work_list_pages_by_the_size_asked_longest_waiting_first(people, app):
    forms = [under_assessment(Cast(people.officer, people.spoc, people.assessor)) for _ in range(3)]
    first = assignments.regional_work(people.regional_manager, page=1, size=2)
    last = assignments.regional_work(people.regional_manager, page=9, size=2)
    assert [row["number"] for row in first.rows] == [f.number for f in forms[:2]]
    assert (last.number, last.total, [row["number"] for row in last.rows]) == (2, 3, [forms[2].number])
