"""Work sent after an idle timeout is not lost: it is kept, and offered back after signing in again."""

from datetime import timedelta

from sqlalchemy import func, select

from tests import factories
from tests.accounts.sessions_helpers import age_sessions
from tests.web.htmlpage import parse
from triggerflow.content import store
from triggerflow.db import db
from triggerflow.models import HeldSubmission, TriggerForm
from triggerflow.workflow.errors import StaleForm

SUMMARY = " ".join(["The Harbour Lane network supplies cocaine across Weymouth and Portland."] * 4)


def section_a(form: TriggerForm) -> str:
    return f"/forms/{form.number}/sections/A"


def answers(form: TriggerForm) -> dict:
    db.session.expire_all()
    return db.session.get(TriggerForm, form.id).answers_for("A")


def held_count() -> int:
    return db.session.scalar(select(func.count(HeldSubmission.id)))


def send_after_timeout(client, form: TriggerForm, officer):
    age_sessions(officer, idle=timedelta(minutes=45))
    return client.post(
        section_a(form),
        headers={"Referer": f"http://localhost{section_a(form)}"},
        data={"version": form.version, "working_name": "Harbour Lane", "summary": SUMMARY, "next_step": "return"},
    )


def sign_in_again(client, user, next_: str):
    return client.post(f"/sign-in?next={next_}", data={"email": user.email, "password": factories.PASSWORD})


def test_a_section_sent_after_the_timeout_is_kept_and_saved_once_sent_again(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    response = send_after_timeout(client, form, people.officer)
    assert response.location == f"/sign-in?next={section_a(form)}"
    notice = parse(client.get(response.location)).find(class_="govuk-notification-banner").text
    assert "what you sent has not been saved yet. It has been kept" in notice
    assert answers(form).get("working_name", "") == "" and held_count() == 1

    page = parse(sign_in_again(client, people.officer, section_a(form)))
    resend = page.find("form", id="resend")
    assert resend["action"] == section_a(form)
    fields = {field["name"]: field["value"] for field in resend.find_all("input", type="hidden")}
    assert (fields["working_name"], fields["summary"]) == ("Harbour Lane", SUMMARY)
    assert "csrf_token" in fields and held_count() == 0

    response = client.post(resend["action"], data=fields)
    assert response.status_code == 302
    assert (answers(form)["working_name"], answers(form)["summary"]) == ("Harbour Lane", SUMMARY)


def test_if_the_form_changed_meanwhile_sending_again_overwrites_nothing(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    send_after_timeout(client, form, people.officer)
    store.save_section(form, "A", {"working_name": "Quay Street"}, people.officer, form.version)
    page = parse(sign_in_again(client, people.officer, section_a(form)))
    fields = {field["name"]: field["value"] for field in page.find("form", id="resend").find_all("input")}
    response = client.post(section_a(form), data=fields)
    assert response.status_code == 409 and StaleForm.message in response.get_data(True)
    assert answers(form)["working_name"] == "Quay Street"


def test_what_was_kept_is_offered_only_to_the_person_who_sent_it(people, sign_in, app):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    send_after_timeout(client, form, people.officer)
    assert sign_in_again(client, people.spoc, "/").location == "/"
    assert held_count() == 1


def test_a_page_opened_after_the_timeout_just_asks_to_sign_in_and_comes_back(people, sign_in):
    client = sign_in(people.officer)
    age_sessions(people.officer, idle=timedelta(minutes=45))
    response = client.get("/criteria/")
    assert response.location == "/sign-in?next=/criteria/" and held_count() == 0
    assert sign_in_again(client, people.officer, "/criteria/").location == "/criteria/"
