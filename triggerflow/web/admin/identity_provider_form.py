"""The administrator's form for a force's or region's identity provider."""

import re
from urllib.parse import urlsplit

from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput
from wtforms import PasswordField
from wtforms.validators import Length, Regexp, ValidationError

from triggerflow.content import vocab
from triggerflow.inputs.choices import options, radios, select
from triggerflow.inputs.gov_form import GovForm
from triggerflow.inputs.text_fields import text_input
from triggerflow.queries.reference import forces_by_region, regions

DOMAIN = re.compile(r"^(?=.{3,120}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def lower(value):
    return value.strip().lower() if isinstance(value, str) else value


class IdentityProviderForm(GovForm):
    name = text_input(
        "Name on the sign-in button",
        required="Enter the name on the sign-in button",
        max_length=120,
        named="The name",
        hint="People see “Sign in with” and this, for example Dorset Police.",
    )
    belongs_to = select(
        "Force or region",
        "Select the force or region from the list",
        hint="Whose people sign in with it: a region's provider also signs in the people of its forces.",
    )
    issuer = text_input(
        "Issuer",
        required="Enter the issuer",
        max_length=300,
        named="The issuer",
        hint="The provider's issuer identifier. For Microsoft Entra ID: "
        "https://login.microsoftonline.com/ then your tenant ID, then /v2.0",
    )
    client_id = text_input(
        "Client ID",
        required="Enter the client ID",
        max_length=200,
        named="The client ID",
        hint="For Entra ID, the application (client) ID of the app registration.",
    )
    client_secret = PasswordField(
        "Client secret",
        widget=GovPasswordInput(),
        validators=[Length(max=500, message="The client secret must be 500 characters or fewer")],
    )
    email_domain = text_input(
        "Email domain",
        required="Enter the email domain",
        hint="Only addresses at this domain are accepted, for example dorset.police.uk.",
        filters=[lower],
        validators=[Regexp(DOMAIN, message="Enter a domain like dorset.police.uk")],
    )
    enabled = radios(
        "Can people sign in with it now?", vocab.YES_NO, "Select yes if people can sign in with it now", default="yes"
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
