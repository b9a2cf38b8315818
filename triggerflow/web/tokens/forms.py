"""Naming a new API token and choosing how long it lasts; confirming a revocation."""

from flask_wtf import FlaskForm
from wtforms.validators import ValidationError

from triggerflow.accounts.tokens import DEFAULT_DAYS, LIFETIMES
from triggerflow.inputs.choices import radios
from triggerflow.inputs.text_fields import text_input


def _printable(form, field) -> None:
    if any(ord(char) < 32 for char in field.data or ""):
        raise ValidationError("The name must not contain control characters")


class NewTokenForm(FlaskForm):
    name = text_input(
        "Name",
        required="Enter a name for the token",
        max_length=100,
        named="The name",
        hint='Say what the token is for, so you know it again, for example "Force intelligence system nightly import".',
        validators=[_printable],
    )
    days = radios(
        "How long should the token last?",
        ((str(days), "1 year" if days == 365 else f"{days} days") for days in LIFETIMES),
        "Select how long the token should last",
        default=str(DEFAULT_DAYS),
    )


class RevokeForm(FlaskForm):
    """Only the CSRF token: the page itself is the confirmation."""
