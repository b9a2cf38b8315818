"""Passwords: 12 to 128 characters, no composition rules, not common, not built from names."""

import pytest

from tests.test_config import flask
from tests.web.htmlpage import error_summary, parse
from triggerflow.accounts.password_policy import TOO_COMMON, TOO_LONG, TOO_PERSONAL, TOO_SHORT, password_problem

PERSON = {"name": "Olivia Dale", "email": "o.dale@dorset.police.uk"}


@pytest.mark.parametrize(
    "password",
    [
        "twelve chars",
        "all lower case words",
        "ÜBER-sehr-lange-Wörter",
        "correct horse battery staple " * 4 + "abcdefghijkl",  # 128 characters
    ],
)
def test_any_password_of_12_to_128_characters_that_is_not_common_or_personal_is_accepted(password):
    assert password_problem(password, **PERSON) is None


@pytest.mark.parametrize(
    "password, problem",
    [
        ("elevenchars", TOO_SHORT),
        ("y" * 129, TOO_LONG),
        ("qwerty123456", TOO_COMMON),
        ("1qaz2wsx3edc", TOO_COMMON),
        ("Password1234!", TOO_COMMON),  # a common password with digits and symbols round it
        ("ababababababab", TOO_COMMON),
        ("OliviaDale2026!", TOO_PERSONAL),
        ("o.dale-o.dale-1", TOO_PERSONAL),
        ("Dorset-Police-99", TOO_PERSONAL),
        ("Thames Valley 2026", TOO_PERSONAL),
        ("triggerflow-2026", TOO_PERSONAL),
    ],
)
def test_short_long_common_and_personal_passwords_are_refused(password, problem):
    assert password_problem(password, **PERSON) == problem


def test_names_of_forces_count_only_as_whole_words_of_four_letters_or_more():
    assert password_problem("band stand random", **PERSON) is None  # "and" from "Avon and Somerset" is not removed


def test_the_create_user_command_applies_the_policy(app):
    result = flask(
        app,
        "create-user",
        "--email",
        "nia@dorset.police.uk",
        "--name",
        "Nia Officer",
        "--role",
        "officer",
        "--force",
        "DOR",
        "--password",
        "Dorset-Police-2026",
    )
    assert result.exit_code != 0 and TOO_PERSONAL in result.output


def test_an_administrator_creating_a_user_gets_the_policy_in_the_error_summary(people, sign_in):
    response = sign_in(people.admin).post(
        "/admin/users/new",
        data={
            "name": "Nia Officer",
            "email": "nia@dorset.police.uk",
            "role": "officer",
            "force": "DOR",
            "region": "",
            "password": "qwerty123456",
        },
    )
    assert response.status_code == 422 and error_summary(parse(response)) == [(TOO_COMMON, "#password")]
