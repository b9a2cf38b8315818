"""Input any signed-in caller can send never breaks the API, never loses data and is read strictly.

Each test here began as a fault found by sending such input from outside: a server error, a
section wiped by an empty body, a rate limit dodged by spelling "Bearer" differently.
"""

import base64
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from config import TestConfig
from tests import factories
from tests.api.conftest import ApiClient
from triggerflow import create_app
from triggerflow.accounts import tokens
from triggerflow.db import db
from triggerflow.models import FormEvent

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = ("forms", "events", "return-items", "accepted-threats")


def problem(response) -> dict:
    assert response.mimetype == "application/problem+json", response.get_data(as_text=True)[:200]
    return response.get_json()


def the_parameter_at_fault(response) -> list[str]:
    return [error["parameter"] for error in problem(response)["errors"]]


@pytest.mark.parametrize(
    "path",
    [
        "/measures/acceptance?end=9999-12-31",
        "/measures/backlog?start=9999-12-31",
        "/forms?created_to=9999-12-31",
        "/forms?created_from=0001-01-01",
        *[f"/exports/{kind}.csv?created_to=9999-12-31" for kind in EXPORTS],
        "/exports/events.csv?until=9999-12-31",
    ],
)
def test_a_day_outside_the_years_the_service_covers_is_refused_not_a_server_error(people, api, path):
    response = api(people.national_manager).get(path)

    assert response.status_code == 422
    assert "between 1 January 1900 and 31 December 2100" in problem(response)["errors"][0]["detail"]


@pytest.mark.parametrize(
    "value", ["0", "1700000000", "20261205", "2026-W49-6", "2026-12-05T00:00", "5/12/2026", "2026-12-5", "٢٠٢٦-١٢-٠٥"]
)
def test_only_a_day_written_as_yyyy_mm_dd_is_a_day(people, api, value):
    response = api(people.national_manager).get("/measures/acceptance", query_string={"start": value})

    assert response.status_code == 422
    assert the_parameter_at_fault(response) == ["start"]


def test_a_number_is_not_a_time_either(people, api):
    response = api(people.national_manager).get("/forms?updated_since=0")

    assert response.status_code == 422 and the_parameter_at_fault(response) == ["updated_since"]
    assert api(people.national_manager).get("/forms?updated_since=2026-12-05T10:00:00Z").status_code == 200


def test_the_last_day_the_service_covers_is_a_day_like_any_other(people, api):
    client = api(people.national_manager)

    assert client.get("/measures/acceptance?start=2100-01-01&end=2100-12-31").status_code == 200
    assert client.get("/forms?created_from=1900-01-01&created_to=2100-12-31").status_code == 200
    assert client.get("/exports/events.csv?since=1900-01-01&until=2100-12-31").status_code == 200


@pytest.mark.parametrize(
    "cursor",
    [
        base64.urlsafe_b64encode(b"before:99999999999999999999").decode().rstrip("="),
        "99999999999999999999",
        "-1",
        "1e9",
        "rubbish",
    ],
)
def test_a_cursor_the_api_never_gave_out_is_refused(people, api, cursor):
    response = api(people.officer).get("/forms", query_string={"cursor": cursor})

    assert response.status_code == 422 and the_parameter_at_fault(response) == ["cursor"]


def test_every_cursor_the_document_allows_is_one_the_api_accepts(people, api):
    factories.draft(people.officer)
    client = api(people.officer)

    assert [client.get(f"/forms?cursor={cursor}").status_code for cursor in ("0", "1", "9999999999")] == [200] * 3
    assert len(client.get("/forms?cursor=9999999999").get_json()["forms"]) == 1


def _raw(client: ApiClient, method: str, path: str, data, **headers):
    return client.client.open(
        f"/api/v1{path}", method=method, data=data, headers={"Authorization": f"Bearer {client.secret}", **headers}
    )


def _events() -> int:
    return len(db.session.scalars(select(FormEvent.id)).all())


@pytest.mark.parametrize("body", ["[" * 20_000 + "]" * 20_000, '{"a":' * 10_000 + "1" + "}" * 10_000])
def test_a_deeply_nested_body_is_refused_before_it_is_read_even_on_a_form_the_caller_cannot_see(people, api, body):
    hidden = factories.draft(people.essex_officer)
    client = api(people.officer)

    response = _raw(
        client,
        "PUT",
        f"/forms/{hidden.number}/sections/A",
        body,
        **{"Content-Type": "application/json", "If-Match": '"1"'},
    )

    assert response.status_code == 400
    assert "nested" in problem(response)["detail"]


def test_a_body_nested_as_deep_as_real_answers_go_is_read(people, api):
    form = factories.draft(people.officer)
    client = api(people.officer)

    response = client.put(
        f"/forms/{form.number}/sections/A", json={"secondary_themes": ["drugs_supply"]}, etag=client.etag(form.number)
    )

    assert response.status_code == 200


@pytest.mark.parametrize("body", [None, "", "   "])
def test_a_write_with_no_body_is_refused_and_the_answers_stay(people, api, body):
    form = factories.draft(people.officer, {"A": {"working_name": "Operation Elm", "summary": "What we know"}})
    client = api(people.officer)
    events = _events()

    response = _raw(
        client,
        "PUT",
        f"/forms/{form.number}/sections/A",
        body,
        **{"Content-Type": "application/json", "If-Match": client.etag(form.number)},
    )

    assert response.status_code == 400
    assert "body" in problem(response)["detail"]
    db.session.expire_all()
    assert form.answers_for("A")["working_name"] == "Operation Elm" and _events() == events


def test_an_action_sent_with_no_body_is_read_as_one_with_nothing_in_it_and_needs_what_it_needs(people, api):
    form = factories.complete_draft(people.officer)
    client = api(people.officer)
    events = _events()

    response = _raw(
        client, "POST", f"/forms/{form.number}/actions/withdraw", None, **{"If-Match": client.etag(form.number)}
    )

    assert problem(response)["errors"] == [{"field": "comment", "detail": "Enter a reason"}]
    db.session.expire_all()
    assert form.state == "draft" and _events() == events


@pytest.mark.parametrize("spelling", ["bearer {}", "BEARER {}", "Bearer  {}", "Bearer {} "])
def test_one_token_has_one_allowance_however_the_header_is_spelt(app, people, spelling):
    app.config["API_RATE_LIMIT"] = "2 per minute"
    secret = tokens.issue(people.officer, "Records system").secret
    client = app.test_client()

    def me(header: str) -> int:
        return client.get("/api/v1/me", headers={"Authorization": header}).status_code

    assert [me(f"Bearer {secret}"), me(f"Bearer {secret}")] == [200, 200]
    assert me(spelling.format(secret)) == 429


def test_unknown_tokens_count_against_the_address_they_come_from(app, people):
    app.config["API_RATE_LIMIT"] = "2 per minute"
    client = app.test_client()

    answers = [
        client.get("/api/v1/me", headers={"Authorization": f"Bearer tfp_guess{n}"}).status_code for n in range(3)
    ]

    assert answers == [401, 401, 429]


def test_retry_after_is_sent_only_with_a_429(app, people, api):
    app.config["API_RATE_LIMIT"] = "1 per minute"
    client = api(people.officer)

    allowed, limited = client.get("/me"), client.get("/me")

    assert allowed.status_code == 200 and "Retry-After" not in allowed.headers
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/forms/{}/return-items/99999999999"),
        ("GET", "/forms/{}/return-items/0"),
        ("DELETE", "/forms/{}/return-items/99999999999"),
        ("GET", "/forms/{}/versions/99999999999"),
    ],
)
def test_an_id_out_of_range_is_not_found(people, api, method, path):
    form = factories.draft(people.officer)

    response = api(people.officer).call(method, path.format(form.number))

    assert problem(response)["status"] == 404


def test_a_chunked_body_over_the_limit_is_too_large(app, people, api):
    form = factories.draft(people.officer)
    client = api(people.officer)
    body = b'{"summary": "' + b"x" * app.config["MAX_CONTENT_LENGTH"] + b'"}'

    # No Content-Length: the server ends the stream (as gunicorn does for a chunked upload).
    response = client.client.put(
        f"/api/v1/forms/{form.number}/sections/A",
        input_stream=io.BytesIO(body),
        environ_overrides={"wsgi.input_terminated": True},
        headers={
            "Authorization": f"Bearer {client.secret}",
            "If-Match": client.etag(form.number),
            "Content-Type": "application/json",
            "Transfer-Encoding": "chunked",
        },
    )

    assert problem(response)["status"] == 413


@pytest.mark.parametrize("character", ["\x7f", "\x80", "\x85", "\x9f"])
def test_del_and_the_c1_controls_are_removed_like_the_other_controls(people, api, character):
    form = factories.draft(people.officer)
    client = api(people.officer)

    response = client.put(
        f"/forms/{form.number}/sections/A",
        json={"working_name": f"Operation{character} Elm"},
        etag=client.etag(form.number),
    )

    assert response.status_code == 200
    db.session.expire_all()
    assert form.answers_for("A")["working_name"] == "Operation Elm"


def test_a_box_ticked_twice_is_stored_once(people, api):
    form = factories.draft(people.officer)
    client = api(people.officer)

    response = client.put(
        f"/forms/{form.number}/sections/A",
        json={"secondary_themes": ["drugs_supply", "firearms", "drugs_supply"]},
        etag=client.etag(form.number),
    )

    assert response.status_code == 200
    db.session.expire_all()
    assert form.answers_for("A")["secondary_themes"] == ["drugs_supply", "firearms"]


def test_the_rate_limit_is_read_from_the_environment_and_checked_at_start():
    read = subprocess.run(
        [sys.executable, "-c", "import config; print(config.Config.API_RATE_LIMIT)"],
        cwd=ROOT,
        env={**os.environ, "API_RATE_LIMIT": "7 per minute"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert read.stdout.strip() == "7 per minute"

    class Unreadable(TestConfig):
        API_RATE_LIMIT = "lots"

    with pytest.raises(RuntimeError, match="API_RATE_LIMIT"):
        create_app(Unreadable)
