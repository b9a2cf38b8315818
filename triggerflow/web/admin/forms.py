"""Administrators' forms: a user's details, role and scope; the criteria thresholds."""

from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import EmailField, HiddenField, IntegerField
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange

from triggerflow.accounts.password_policy import HINT
from triggerflow.criteria.limits import LIMIT_LABELS, LIMIT_RANGE
from triggerflow.inputs.choices import options, radios, select
from triggerflow.inputs.gov_form import GovForm, strip
from triggerflow.inputs.text_fields import text_area, text_input
from triggerflow.models import Role
from triggerflow.queries.reference import forces_by_region, regions
from triggerflow.web.account.forms import new_password_field

ROLE_HINTS = {
    Role.OFFICER: "Works in a force: writes trigger forms.",
    Role.SPOC: "Works in a force: checks forms before they go to the ROCTA.",
    Role.ASSESSOR: "Works in a region's ROCTA; may have a home force, whose forms they cannot assess.",
    Role.MANAGER: "Reads a force's or a region's forms and figures, or the whole country's with neither.",
    Role.ADMIN: "Manages users, forces and criteria. Has no force or region.",
}


class UserDetailsForm(GovForm):
    name = text_input("Full name", required="Enter the user's name", max_length=120)
    role = radios("Role", ((role.value, role.label) for role in Role), "Select the user's role")
    force = select(
        "Force",
        "Select the user's force from the list",
        required=False,
        hint="Officers, SPOCs and force managers; an assessor's home force.",
    )
    region = select(
        "Region",
        "Select the user's region from the list",
        required=False,
        hint="Assessors and regional managers. Officers and SPOCs take their force's region.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.force.choices = options(
            ((code, f"{name} ({region})") for code, name, region in forces_by_region()), "None"
        )
        self.region.choices = options(regions(), "None")


class NewUserForm(UserDetailsForm):
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        filters=[strip],
        validators=[
            DataRequired("Enter the user's email address"),
            Email("Enter an email address in the correct format, like name@example.police.uk"),
            Length(max=254),
        ],
    )
    password = new_password_field(
        "Temporary password",
        "Enter a temporary password",
        f"{HINT} Give it to the user by a secure route; they can change it from their account page.",
    )


def thresholds_form(limits: dict[str, int], version: int):
    """A form with one whole-number input per threshold, filled with the version in force."""
    low, high = LIMIT_RANGE

    class ThresholdsForm(GovForm):
        version = HiddenField()  # the criteria version the page showed
        reason = text_area(
            "Why are the thresholds changing?",
            required="Enter the reason for the change",
            max_length=2000,
            hint="Shown with the new version on the criteria page.",
        )

        def limits(self) -> dict[str, int]:
            return {name: self[name].data for name in LIMIT_LABELS}

    for name, (label, unit) in LIMIT_LABELS.items():
        setattr(
            ThresholdsForm,
            name,
            IntegerField(
                label,
                widget=GovTextInput(),
                description=f"In {unit}.",
                validators=[
                    InputRequired(f"Enter a number for “{label}”"),
                    NumberRange(low, high, f"“{label}” must be a whole number from {low} to {high}"),
                ],
            ),
        )
    return ThresholdsForm(data={**limits, "version": version})
