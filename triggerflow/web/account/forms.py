"""Changing one's password and setting up two-factor sign-in."""

from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovTextInput
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from triggerflow.accounts.password_policy import HINT, MAX_LENGTH, MIN_LENGTH, TOO_LONG, TOO_SHORT
from triggerflow.inputs.gov_form import GovForm


def new_password_field(label: str, required: str, description: str = HINT) -> PasswordField:
    """A new password with the policy's length limits (the rest of the policy is checked on saving)."""
    return PasswordField(
        label,
        widget=GovPasswordInput(),
        description=description,
        validators=[
            DataRequired(required),
            Length(min=MIN_LENGTH, message=TOO_SHORT),
            Length(max=MAX_LENGTH, message=TOO_LONG),
        ],
    )


class ChangePasswordForm(GovForm):
    current_password = PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        validators=[DataRequired("Enter your current password"), Length(max=1024)],
    )
    new_password = new_password_field("New password", "Enter a new password")
    confirm_password = PasswordField(
        "Confirm new password",
        widget=GovPasswordInput(),
        validators=[
            DataRequired("Enter your new password again"),
            EqualTo("new_password", "Enter the same new password twice"),
        ],
    )


class TwoFactorForm(GovForm):
    offer = HiddenField()  # the new secret, signed (accounts.two_factor.offer_secret)
    code = StringField(
        "Code from your app",
        widget=GovTextInput(),
        description="Your app shows a new 6-digit code every 30 seconds.",
        validators=[
            DataRequired("Enter the 6-digit code from your authenticator app"),
            Length(max=20, message="Enter the 6-digit code from your authenticator app"),
        ],
    )
