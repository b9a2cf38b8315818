"""The administrator's form for a force's or region's identity provider."""

import re
from urllib.parse import urlsplit

from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovRadioInput, GovSelect, GovTextInput
from wtforms import PasswordField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Regexp, ValidationError

from triggerflow.content import vocab
from triggerflow.inputs.choices import options, pick
from triggerflow.inputs.gov_form import GovForm, strip
from triggerflow.queries.reference import forces_by_region, regions

DOMAIN = re.compile(r"^(?=.{3,120}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def lower(value):
    return value.strip().lower() if isinstance(value, str) else value


class IdentityProviderForm(GovForm):
    name = StringField(
        "Name on the sign-in button",
        widget=GovTextInput(),
        filters=[strip],
        description="People see “Sign in with” and this, for example Dorset Police.",
        validators=[
            DataRequired("Enter the name on the sign-in button"),
            Length(max=120, message="The name must be 120 characters or fewer"),
        ],
    )
    belongs_to = SelectField(
        "Force or region",
        widget=GovSelect(),
        **pick("Select the force or region from the list"),
        description="Whose people sign in with it: a region's provider also signs in the people of its forces.",
    )
    issuer = StringField(
        "Issuer",
        widget=GovTextInput(),
        filters=[strip],
        description="The provider's issuer identifier. For Microsoft Entra ID: "
        "https://login.microsoftonline.com/ then your tenant ID, then /v2.0",
        validators=[
            DataRequired("Enter the issuer"),
            Length(max=300, message="The issuer must be 300 characters or fewer"),
        ],
    )
    client_id = StringField(
        "Client ID",
        widget=GovTextInput(),
        filters=[strip],
        description="For Entra ID, the application (client) ID of the app registration.",
        validators=[
            DataRequired("Enter the client ID"),
            Length(max=200, message="The client ID must be 200 characters or fewer"),
        ],
    )
    client_secret = PasswordField(
        "Client secret",
        widget=GovPasswordInput(),
        validators=[Length(max=500, message="The client secret must be 500 characters or fewer")],
    )
    email_domain = StringField(
        "Email domain",
        widget=GovTextInput(),
        filters=[lower],
        description="Only addresses at this domain are accepted, for example dorset.police.uk.",
        validators=[
            DataRequired("Enter the email domain"),
            Regexp(DOMAIN, message="Enter a domain like dorset.police.uk"),
        ],
    )
    enabled = RadioField(
        "Can people sign in with it now?",
        widget=GovRadioInput(),
        default="yes",
        choices=options(vocab.YES_NO),
        **pick("Select yes if people can sign in with it now"),
    )

    def __init__(self, *args, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.belongs_to.choices = options(
            [(f"force:{code}", f"{name} ({region})") for code, name, region in forces_by_region()]
            + [(f"region:{code}", f"{name} (the whole region)") for code, name in regions()],
            "Select a force or region",
        )
        self.client_secret.description = (
            "From the provider's app registration." if creating else "Leave blank to keep the secret already saved."
        )
        self.creating = creating

    def validate_issuer(self, field):
        parts = urlsplit(field.data or "")
        if (
            not parts.hostname
            or parts.query
            or parts.fragment
            or not (parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK))
        ):
            raise ValidationError(
                "Enter the issuer as an https address, like https://login.microsoftonline.com/your-tenant-id/v2.0"
            )

    def validate_client_secret(self, field):
        if self.creating and not field.data:
            raise ValidationError("Enter the client secret")

    def values(self) -> dict:
        return {
            "name": self.name.data,
            "belongs_to": self.belongs_to.data,
            "issuer": self.issuer.data,
            "client_id": self.client_id.data,
            "client_secret": self.client_secret.data,
            "email_domain": self.email_domain.data,
            "enabled": self.enabled.data == "yes",
        }
