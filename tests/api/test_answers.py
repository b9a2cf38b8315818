"""Saving a draft's answers over the API: the web editors' rules, messages and version checks."""

from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import error_summary, parse
from triggerflow.db import db
from triggerflow.models import TriggerForm
from triggerflow.workflow.service import perform

# (section, what is sent to the API, what the web page posts): each one wrong in the same way.
WRONG_BOTH_WAYS = [
    ("A", {"threat_type": "gang"}, {"threat_type": "gang"}),
    ("A", {"working_name": "x" * 201}, {"working_name": "x" * 201}),
    ("A", {"secondary_themes": ["drugs_supply", "knitting"]}, {"secondary_themes": ["drugs_supply", "knitting"]}),
    ("C", {"first_known": "2026-02-30"}, {"first_known": ["30", "2", "2026"]}),
    ("D", {"planning_cites": ["no-such-item"]}, {"planning_cites": ["no-such-item"]}),
    ("E", {"forces_affected": ["XX"]}, {"forces_affected": ["XX"]}),
]


def fresh(form: TriggerForm) -> TriggerForm:
    db.session.expire_all()
    return db.session.get(TriggerForm, form.id)


def test_the_api_refuses_what_the_web_editor_refuses_with_the_same_message(people, api, sign_in):
    form = factories.draft(people.officer)
    client, browser = api(people.officer), sign_in(people.officer)
    for key, sent, posted in WRONG_BOTH_WAYS:
        answer = client.put(f"/forms/{form.number}/sections/{key}", json=sent, etag=client.etag(form.number))
        page = browser.post(f"/forms/{form.number}/sections/{key}", data={"version": fresh(form).version, **posted})
        assert answer.status_code == 422 and answer.mimetype == "application/problem+json"
        api_messages = [error["detail"] for error in answer.get_json()["errors"]]
        web_messages = [text for text, _ in error_summary(parse(page))]
        assert api_messages == web_messages, key
        assert [error["pointer"] for error in answer.get_json()["errors"]] == [f"#/{name}" for name in sent]
    assert fresh(form).answers_for("A").get("threat_type") in (None, "")


def test_a_half_finished_section_saves_and_what_is_left_out_is_unanswered(people, api):
    form = factories.draft(people.officer, {"A": {"working_name": "Old name", "summary": "Kept?"}})
    client = api(people.officer)
    response = client.put(
        f"/forms/{form.number}/sections/A", json={"working_name": "  Harbour Lane  "}, etag=client.etag(form.number)
    )
    assert response.status_code == 200
    assert response.get_json()["working_name"] == "Harbour Lane"
    assert response.headers["ETag"] == f'"{fresh(form).version}"'
    assert fresh(form).answers_for("A")["summary"] == ""
    assert fresh(form).working_name == "Harbour Lane"


def test_dates_are_iso_dates_and_a_declaration_is_true_or_false(people, api):
    form = factories.draft(people.officer)
    client = api(people.officer)
    assert (
        client.put(
            f"/forms/{form.number}/sections/C", json={"first_known": "2025-11-03"}, etag=client.etag(form.number)
        ).status_code
        == 200
    )
    assert fresh(form).answers_for("C")["first_known"] == "2025-11-03"
    refused = client.put(
        f"/forms/{form.number}/sections/C", json={"first_known": "3/11/2025"}, etag=client.etag(form.number)
    )
    assert refused.status_code == 422
    assert refused.get_json()["errors"][0]["detail"].endswith(
        "must be a date in the form YYYY-MM-DD, for example 2026-03-27"
    )
    client.put(
        f"/forms/{form.number}/sections/I",
        json={"security_marking": "OFFICIAL", "no_source_material": True},
        etag=client.etag(form.number),
    )
    assert fresh(form).answers_for("I")["no_source_material"] is True


def test_the_json_shape_is_checked_before_anything_else(people, api):
    form = factories.draft(people.officer)
    client = api(people.officer)
    etag = client.etag(form.number)
    unknown = client.put(f"/forms/{form.number}/sections/A", json={"colour": "blue"}, etag=etag)
    assert unknown.status_code == 422 and unknown.get_json()["errors"][0]["pointer"] == "#/colour"
    wrong_type = client.put(f"/forms/{form.number}/sections/A", json={"working_name": 7}, etag=etag)
    assert wrong_type.status_code == 422 and wrong_type.get_json()["errors"][0]["pointer"] == "#/working_name"
    not_json = client.put(
        f"/forms/{form.number}/sections/A",
        data="working_name=x",
        etag=etag,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert not_json.status_code == 415
    broken = client.put(
        f"/forms/{form.number}/sections/A", data="{", etag=etag, headers={"Content-Type": "application/json"}
    )
    assert broken.status_code == 400 and broken.mimetype == "application/problem+json"
    huge = client.put(f"/forms/{form.number}/sections/A", json={"summary": "x" * 2_000_000}, etag=etag)
    assert huge.status_code == 413 and huge.mimetype == "application/problem+json"


def test_a_change_needs_the_version_read_and_a_stale_one_saves_nothing(people, api):
    form = factories.draft(people.officer)
    client = api(people.officer)
    stale = client.etag(form.number)
    assert client.put(f"/forms/{form.number}/sections/A", json={"working_name": "First"}, etag=stale).status_code == 200

    missing = client.put(f"/forms/{form.number}/sections/A", json={"working_name": "Second"})
    assert missing.status_code == 428
    assert missing.get_json()["type"].endswith("/precondition-required")
    overwrite = client.put(f"/forms/{form.number}/sections/A", json={"working_name": "Second"}, etag=stale)
    assert overwrite.status_code == 409
    assert overwrite.get_json()["type"].endswith("/stale-version")
    assert "changed by someone else" in overwrite.get_json()["detail"]
    star = client.put(f"/forms/{form.number}/sections/A", json={"working_name": "Second"}, etag="*")
    assert star.status_code == 428
    assert fresh(form).working_name == "First"


def test_subjects_are_added_changed_and_removed_one_at_a_time(people, api):
    form = factories.draft(people.officer)
    client = api(people.officer)
    added = client.post(
        f"/forms/{form.number}/sections/B/subjects",
        json={
            "surname": "Hallow",
            "forename": "Dermot",
            "date_of_birth": "1981-04-12",
            "role": "principal",
            "identified": "yes",
        },
        etag=client.etag(form.number),
    )
    assert added.status_code == 201
    subject = added.get_json()
    assert added.headers["Location"] == f"/api/v1/forms/{form.number}/sections/B/subjects/{subject['id']}"
    changed = client.put(
        f"/forms/{form.number}/sections/B/subjects/{subject['id']}",
        json={"surname": "Hallows", "forename": "Dermot"},
        etag=added.headers["ETag"],
    )
    assert changed.status_code == 200 and changed.get_json()["role"] == ""
    assert [s["surname"] for s in client.get(f"/forms/{form.number}").get_json()["answers"]["B"]["subjects"]] == [
        "Hallows"
    ]
    wrong_date = client.post(
        f"/forms/{form.number}/sections/B/subjects", json={"date_of_birth": "1981-02-30"}, etag=changed.headers["ETag"]
    )
    assert wrong_date.get_json()["errors"] == [
        {"detail": "Date of birth must be a real date", "pointer": "#/date_of_birth"}
    ]
    removed = client.delete(f"/forms/{form.number}/sections/B/subjects/{subject['id']}", etag=changed.headers["ETag"])
    assert removed.status_code == 204
    assert fresh(form).answers_for("B")["subjects"] == []
    gone = client.delete(f"/forms/{form.number}/sections/B/subjects/{subject['id']}", etag=removed.headers["ETag"])
    assert gone.status_code == 404


def test_answers_cannot_change_once_the_form_has_left_the_force(people, api):
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)
    client = api(people.officer)
    refused = client.put(
        f"/forms/{form.number}/sections/A", json={"working_name": "Too late"}, etag=client.etag(form.number)
    )
    assert refused.status_code == 409 and refused.get_json()["type"].endswith("/not-available")
    assert (
        api(people.officer2).put(f"/forms/{form.number}/sections/A", json={}, etag=client.etag(form.number)).status_code
        == 409
    )
    assert db.session.scalar(select(TriggerForm.working_name).where(TriggerForm.id == form.id)) != "Too late"
