"""Security events as JSON lines in UTC, saying who, what and where, and never a secret."""

import contextlib
import logging
import re
import threading
import urllib.request

from werkzeug.serving import make_server

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.accounts import tokens
from triggerflow.admin import users as user_admin
from triggerflow.audit import logs
from triggerflow.audit.security_log import security_event
from triggerflow.db import db


def events(read, name: str) -> list[dict]:
    return [event for event in read() if event["event"] == name]


def without_nonce(body: bytes) -> bytes:
    return re.sub(rb'nonce="[^"]+"', b"", body)


def bearer(user) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens.issue(user, 'Log test', 30).secret}"}


def test_events_go_to_standard_error_unless_a_file_is_named(app, capsys):
    app.config["SECURITY_LOG_FILE"] = None
    logs.configure(app)

    security_event("test.event", detail="kept")

    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert line.startswith('{"at": "') and '"event": "test.event"' in line and '"detail": "kept"' in line


def test_a_refused_page_is_logged_with_who_and_where_in_utc(people, sign_in, security_log):
    response = sign_in(people.officer).get("/admin/users")

    assert response.status_code == 403
    (event,) = events(security_log, "access.denied")
    assert (event["user"], event["user_id"], event["path"], event["method"], event["status"]) == (
        people.officer.email,
        people.officer.id,
        "/admin/users",
        "GET",
        403,
    )
    assert event["address"] == "127.0.0.1" and event["at"].endswith("+00:00")


def test_another_forces_form_answers_a_plain_404_and_only_the_log_knows_it_exists(people, sign_in, security_log):
    wiltshire = factories.draft(people.wilts_officer)
    client = sign_in(people.officer)

    outside = client.get(f"/forms/{wiltshire.number}")
    missing = client.get("/forms/WIL-2026-9999")

    assert outside.status_code == missing.status_code == 404
    assert without_nonce(outside.data) == without_nonce(missing.data)
    (event,) = events(security_log, "access.denied")
    assert (event["status"], event["form"], event["user"]) == (404, wiltshire.number, people.officer.email)


def test_an_api_request_that_does_not_fit_names_the_fields_but_not_their_values(app, people, security_log):
    form = factories.draft(people.officer)
    client, auth = app.test_client(), bearer(people.officer)
    etag = client.get(f"/api/v1/forms/{form.number}", headers=auth).headers["ETag"]

    response = client.put(
        f"/api/v1/forms/{form.number}/sections/A",
        headers={**auth, "If-Match": etag},
        json={"working_name": "Harbour Lane", "colour": "VALUE-NEVER-LOGGED"},
    )

    assert response.status_code == 422
    (event,) = events(security_log, "validation.failed")
    assert (event["status"], event["kind"], event["fields"], event["user"]) == (
        422,
        "invalid-input",
        ["#/colour"],
        people.officer.email,
    )
    assert "VALUE-NEVER-LOGGED" not in str(security_log())


def test_going_over_the_api_rate_is_logged(app, people, security_log):
    app.config["API_RATE_LIMIT"] = "2 per minute"
    client, auth = app.test_client(), bearer(people.officer)

    statuses = [client.get("/api/v1/me", headers=auth).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    (event,) = events(security_log, "rate_limited")
    assert (event["path"], event["user"]) == ("/api/v1/me", people.officer.email)


def test_administrator_actions_and_exports_are_logged(app, people, sign_in, security_log):
    user_admin.set_active(people.admin, people.officer2, False)
    response = sign_in(people.force_manager).get("/downloads/download?kind=forms&state=&theme=")

    assert response.status_code == 200
    (admin,) = events(security_log, "admin.action")
    assert (admin["action"], admin["target"], admin["changed"]) == (
        "disable_user",
        f"User {people.officer2.email}",
        ["active"],
    )
    (export,) = events(security_log, "export")
    assert (export["kind"], export["via"], export["user"]) == ("forms", "web", people.force_manager.email)


def test_passwords_and_tokens_never_reach_any_log(app, people, security_log, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # as an operator chasing a fault might
    wrong_password = "not-the-password-2026"
    client = app.test_client()

    client.post("/sign-in", data={"email": people.officer.email, "password": wrong_password})
    client.post("/sign-in", data={"email": people.officer.email, "password": factories.PASSWORD})
    created = parse(client.post("/api-tokens/", data={"name": "Nightly import", "days": "30"}))
    secret = created.find("input", id="token-secret")["value"]
    db.session.expire_all()  # as a new request's session would start (here the test's session spans them)
    me = app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    refused = app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {secret}x"})
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)

    assert me.status_code == 200 and refused.status_code == 401
    assert events(security_log, "api.token_refused")
    out, err = capfd.readouterr()
    everything = "\n".join([str(security_log()), caplog.text, out, err])
    assert "SELECT" in caplog.text  # the SQL was logged, its values were not
    for secret_text in (factories.PASSWORD, wrong_password, secret, secret[4:], tokens.digest(secret)):
        assert secret_text not in everything


def test_request_lines_logged_by_the_server_hide_secret_query_values(app, caplog):
    caplog.set_level(logging.INFO, logger="werkzeug")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for query in ("access_token=tfp_SECRET1&page=2", "next=%2F&password=SECRET2", "code=SECRET3"):
            # What the page answers does not matter here, only what the server logs.
            with contextlib.suppress(urllib.error.HTTPError):
                urllib.request.urlopen(f"http://127.0.0.1:{server.port}/sign-in?{query}")
    finally:
        server.shutdown()
        thread.join()

    lines = [
        record.getMessage()
        for record in caplog.records
        if record.name == "werkzeug" and "/sign-in?" in record.getMessage()
    ]
    assert len(lines) == 3 and "SECRET" not in "\n".join(lines)
    assert "access_token=[redacted]&page=2" in lines[0] and "&password=[redacted]" in lines[1]
