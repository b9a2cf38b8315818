"""In development each e-mail is written to the mail folder and shown at /mail; elsewhere /mail is 404."""

import pytest

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.notifications.outbox import send_pending
from triggerflow.workflow.service import perform


@pytest.fixture
def folder(app, tmp_path):
    app.config["MAIL_FOLDER"] = str(tmp_path / "mail")
    return tmp_path / "mail"


def test_sent_mail_is_written_to_the_folder_and_listed_newest_first(people, sign_in, folder):
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)
    perform(form, "submit", people.spoc)
    send_pending()

    assert len(list(folder.glob("*.eml"))) == 4  # two SPOCs, then two assessors
    page = parse(sign_in(people.admin).get("/mail"))
    rows = [[td.text for td in tr.find_all("td")] for tr in page.find(id="messages").find("tbody").find_all("tr")]
    assert {row[1] for row in rows[:2]} == {people.assessor.email, people.assessor2.email}
    assert {row[1] for row in rows[2:]} == {people.spoc.email, people.spoc2.email}
    assert rows[0][2] == f"OFFICIAL-SENSITIVE: Trigger form {form.number} has been submitted to the ROCTA"
    assert page.find(id="outbox-counts").text == "Outbox: 0 waiting to be sent, 4 sent, 0 failed."


def test_a_message_page_shows_the_whole_message_with_its_link(people, sign_in, folder):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    send_pending()
    client = sign_in(people.officer)
    index = parse(client.get("/mail"))
    link = next(a for a in index.find(id="messages").find_all("a") if "has returned" in a.text)

    page = parse(client.get(link["href"]))

    assert page.find("h1").text == f"OFFICIAL-SENSITIVE: The ROCTA has returned trigger form {form.number}"
    body = page.find(id="message-body").text
    assert f"http://127.0.0.1:5000/forms/{form.number}" in body
    assert f"resubmit the form by {form.resubmit_by:%-d %B %Y}" in body


def test_the_send_button_sends_what_is_waiting(people, sign_in, folder):
    factories.submitted(people.officer, people.spoc)
    client = sign_in(people.admin)

    response = client.post("/mail/send", follow_redirects=True)

    assert "Outbox: 4 sent, 0 to retry, 0 failed." in parse(response).text
    assert len(list(folder.glob("*.eml"))) == 4


def test_only_message_files_in_the_folder_can_be_opened(people, sign_in, folder):
    client = sign_in(people.admin)

    assert client.get("/mail/..%2Fsecret.eml").status_code == 404
    assert client.get("/mail/20260101T000000000000-0000000g.eml").status_code == 404
    assert client.get("/mail/20260101T000000000000-00000000.eml").status_code == 404


def test_the_mail_page_is_not_there_where_it_is_switched_off(app, people, sign_in):
    app.config["MAIL_PAGE"] = False
    client = sign_in(people.admin)

    assert client.get("/mail").status_code == 404
    assert client.post("/mail/send").status_code == 404
    assert parse(client.get("/")).find("a", href="/mail") is None


def test_a_development_server_delivers_to_the_folder_as_soon_as_a_change_is_made(app, people, sign_in, folder):
    app.config["MAIL_SEND_AFTER_REQUEST"] = True
    form = factories.complete_draft(people.officer)

    response = sign_in(people.officer).post(
        f"/forms/{form.number}/actions/send_to_spoc", data={"version": form.version}
    )

    assert response.status_code == 302
    assert len(list(folder.glob("*.eml"))) == 2
