"""Naming a new API token and choosing how long it lasts; confirming a revocation."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovTextInput
from wtforms import RadioField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from triggerflow.accounts.tokens import DEFAULT_DAYS, LIFETIMES
from triggerflow.inputs.choices import options, pick


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _printable(form, field) -> None:
    if any(ord(char) < 32 for char in field.data or ""):
        raise ValidationError("The name must not contain control characters")


class NewTokenForm(FlaskForm):
    name = StringField(
        "Name",
        widget=GovTextInput(),
        filters=[_strip],
        description="Say what the token is for, so you know it again, for example "
        '"Force intelligence system nightly import".',
        validators=[
            DataRequired("Enter a name for the token"),
            Length(max=100, message="The name must be 100 characters or fewer"),
            _printable,
        ],
    )
    days = RadioField(
        "How long should the token last?",
        widget=GovRadioInput(),
        default=str(DEFAULT_DAYS),
        choices=options((str(days), "1 year" if days == 365 else f"{days} days") for days in LIFETIMES),
        **pick("Select how long the token should last"),
    )


class RevokeForm(FlaskForm):
    """Only the CSRF token: the page itself is the confirmation."""
