"""Text as it arrives: one rule for pages and API alike, so nothing typed or pasted can make a
database refuse it; and bodies too large to be real answers are refused with 413."""

import pytest
from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.accounts import tokens
from triggerflow.content.sections import SECTIONS_BY_KEY
from triggerflow.db import db
from triggerflow.input_text import clean
from triggerflow.models import User

FOUR_BYTES = "\U0001f600"  # percent-encoded in a form post: 12 bytes for one character


@pytest.mark.parametrize(
    "sent, kept",
    [
        ("a\x00b", "ab"),
        ("bell\x07 escape\x1b[0m vertical\x0b form feed\x0c", "bell escape[0m vertical form feed"),
        ("tab\tline\nreturn\r\n", "tab\tline\nreturn\r\n"),
        ("half a pair \ud800 here", "half a pair  here"),
        ("Ysgol Gymraeg · Пётр · 李 · محمد · \u202eright-to-left \U0001f600", None),
        ("delete\x7f next line\x85 and the rest of C1\x80\x9f", "delete next line and the rest of C1"),
    ],
)
def test_control_characters_and_half_characters_are_removed_and_everything_else_kept(sent, kept):
    assert clean(sent) == (sent if kept is None else kept)


def test_a_nul_typed_into_a_section_editor_is_dropped_and_the_rest_saved(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)

    response = client.post(
        f"/forms/{form.number}/sections/A",
        data={"version": form.version, "working_name": "Operation\x00 Ash\x1f", "summary": "Line one\r\nLine\x00 two"},
    )

    assert response.status_code == 302
    db.session.expire_all()
    assert form.answers_for("A")["working_name"] == "Operation Ash"
    assert form.answers_for("A")["summary"] == "Line one\r\nLine two"
    assert form.working_name == "Operation Ash"


def test_a_control_character_in_a_search_is_ignored(people, sign_in):
    page = parse(sign_in(people.admin).get(f"/admin/users?q={people.officer.email[:6]}%00"))
    assert people.officer.email in page.text


def test_a_control_character_in_a_web_address_finds_nothing(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    assert client.get("/forms/%00").status_code == 404
    assert client.get(f"/forms/{form.number}%00/sections/A").status_code == 404
    assert client.get(f"/forms/{form.number}/sections/A%01").status_code == 404


def test_a_body_too_large_to_be_real_answers_is_refused_with_a_page_saying_so(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)

    response = client.post(
        f"/forms/{form.number}/sections/A", data={"version": form.version, "summary": "x" * (1024 * 1024)}
    )

    assert response.status_code == 413
    assert "too large" in parse(response).find("h1").text
    db.session.expire_all()
    assert form.answers_for("A").get("summary") is None


def largest_real_section() -> dict[str, str]:
    """Every box of section C filled to its limit with four-byte characters."""
    return {
        spec.name: FOUR_BYTES * spec.max_length
        for spec in SECTIONS_BY_KEY["C"].fields
        if spec.kind in ("text", "textarea")
    }


def test_the_largest_real_section_is_not_too_large(people, sign_in):
    form = factories.draft(people.officer)
    boxes = largest_real_section()

    response = sign_in(people.officer).post(f"/forms/{form.number}/sections/C", data={"version": form.version, **boxes})

    assert response.status_code == 302
    db.session.expire_all()
    assert {name: form.answers_for("C")[name] for name in boxes} == boxes


def test_names_given_at_the_command_line_are_cleaned_by_the_same_rule(app, people):
    runner = app.test_cli_runner()

    made = runner.invoke(
        args=[
            "create-user",
            "--email",
            "records@dorset.police.uk",
            "--name",
            "Records\x85 system\x7f",
            "--role",
            "officer",
            "--force",
            "DOR",
            "--password",
            factories.PASSWORD,
        ]
    )
    issued = runner.invoke(args=["create-token", "records@dorset.police.uk", "--name", "Import\x9f job"])

    assert made.exit_code == 0 and issued.exit_code == 0, made.output + issued.output
    user = db.session.scalar(select(User).where(User.email == "records@dorset.police.uk"))
    assert user.name == "Records system" and [token.name for token in tokens.tokens_of(user)] == ["Import job"]
