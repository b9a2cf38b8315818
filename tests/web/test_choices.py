"""A value no page offered (a tampered or out-of-date request) is refused in our words, not WTForms'."""

import importlib
import pkgutil

import pytest
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectFieldBase
from wtforms.fields.core import UnboundField
from wtforms.meta import DefaultMeta

import triggerflow
from tests import factories
from tests.web.htmlpage import error_summary, parse
from triggerflow.content.sections import SECTIONS
from triggerflow.inputs.section_forms import _form_class

for module in pkgutil.walk_packages(triggerflow.__path__, "triggerflow."):
    importlib.import_module(module.name)
for section in SECTIONS:  # the drafting forms are built from the section definitions
    _form_class(section.key, False)
    if section.group:
        _form_class(section.key, True)


def _form_classes(base=FlaskForm) -> list[type]:
    found = []
    for cls in base.__subclasses__():
        found += [cls, *_form_classes(cls)]
    return found


def _choice_fields() -> list:
    fields = {}
    for cls in _form_classes():
        for klass in cls.__mro__:
            for name, unbound in vars(klass).items():
                if isinstance(unbound, UnboundField) and issubclass(unbound.field_class, SelectFieldBase):
                    fields[f"{cls.__module__}.{cls.__name__}.{name}"] = unbound
    return [pytest.param(unbound, id=name) for name, unbound in sorted(fields.items())]


@pytest.mark.parametrize("unbound", _choice_fields())
def test_every_choice_field_answers_a_value_it_never_offered_in_our_words(unbound):
    field = unbound.bind(None, "field", _meta=DefaultMeta())
    checked_by_us = not field.validate_choice and field.validators
    assert checked_by_us or field.invalid_choice_message, "give it invalid_choice_message (web.choices.pick)"
    if field.coerce is not str:
        assert field.invalid_value_message, "a value that cannot be converted needs our words too"


def test_a_tampered_return_reason_asks_for_the_reason_for_the_return(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    response = sign_in(people.assessor).post(
        f"/forms/{form.number}/return-items/new",
        data={"section": "B", "field_name": "B.nowhere", "reason_code": "R77", "comment": "Name the subjects."},
    )
    assert response.status_code == 400
    page = parse(response)
    assert error_summary(page) == [
        ("Select a question in the section you chose, or the whole section", "#field_name"),
        ("Select the reason for the return", "#reason_code"),
    ]
    assert "Not a valid choice" not in page.text


def test_a_tampered_rejection_code_and_owning_force_are_refused_in_our_words(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    client = sign_in(people.assessor)
    rejected = client.post(
        f"/forms/{form.number}/actions/reject",
        data={"version": form.version, "reason_code": "N99", "comment": "Below the threshold on this evidence."},
    )
    assert error_summary(parse(rejected)) == [("Select a rejection reason", "#reason_code")]
    accepted = client.post(
        f"/forms/{form.number}/actions/accept", data={"version": form.version, "owning_force_id": "Dorset", "tier": "9"}
    )
    texts = [text for text, _ in error_summary(parse(accepted))]
    assert "Select the owning force" in texts and "Select the tier" in texts
    assert not any("valid choice" in text or "coerce" in text for text in texts)


def test_a_tampered_role_or_token_lifetime_is_refused_in_our_words(people, sign_in):
    admin = sign_in(people.admin)
    response = admin.post(
        "/admin/users/new",
        data={
            "name": "Pat Lee",
            "email": "pat@example.police.uk",
            "password": "a-long-enough-password",
            "role": "superuser",
            "force": "XXX",
            "region": "",
        },
    )
    assert [text for text, _ in error_summary(parse(response))][:2] == [
        "Select the user's role",
        "Select the user's force from the list",
    ]

    tokens = sign_in(people.officer).post("/api-tokens/", data={"name": "Nightly import", "days": "100000"})
    assert error_summary(parse(tokens)) == [("Select how long the token should last", "#days")]


def test_a_tampered_dashboard_filter_is_refused_in_our_words(people, sign_in):
    page = parse(sign_in(people.regional_manager).get("/dashboards/?theme=arson&threat_type=gang"))
    assert [text for text, _ in error_summary(page)] == [
        "Select a theme from the list",
        "Select a threat type from the list",
    ]
