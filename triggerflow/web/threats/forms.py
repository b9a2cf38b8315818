"""What each threat action asks for. Input rules here, GOV.UK messages; business rules are the
threat service's (threats.requirements), put back onto these fields by `add_errors`."""

from datetime import date
from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovTextArea, GovTextInput
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from triggerflow.inputs.choices import options, pick
from triggerflow.inputs.date_field import GovDateField
from triggerflow.inputs.gov_form import strip
from triggerflow.models import Threat
from triggerflow.threats.definition import CHOSEN_ARCHIVE_REASONS, DISRUPTION_GRADES, PLAN_STRANDS
from triggerflow.web.decisions.forms import DecisionForm


def _text(label: str, message: str | None, max_length: int, hint: str | None = None) -> StringField:
    required = [DataRequired(message)] if message else [Optional()]
    return StringField(
        label, description=hint, widget=GovTextInput(), filters=[strip], validators=[*required, Length(max=max_length)]
    )


def _area(label: str, message: str) -> TextAreaField:
    return TextAreaField(
        label, widget=GovTextArea(), filters=[strip], validators=[DataRequired(message), Length(max=5000)]
    )


class ThreatActionForm(DecisionForm):
    """A threat action's page: a confirmation carrying the version of the threat it was built from."""

    template = "threats/action.html"
    FIELDS: tuple[str, ...] = ()

    def details(self) -> dict[str, Any]:
        return {name: self[name].data for name in self.FIELDS}


class LroForm(ThreatActionForm):
    FIELDS = ("lro_name", "lro_organisation", "lro_email")
    lro_name = _text("Name", "Enter the lead responsible officer's name", 120)
    lro_organisation = _text(
        "Organisation", "Enter the lead responsible officer's organisation", 120, "This may be a partner agency."
    )
    lro_email = _text(
        "Email address",
        "Enter the lead responsible officer's email address",
        254,
        "We will tell them they have been appointed.",
    )


class PlanActionForm(ThreatActionForm):
    FIELDS = ("strand", "description", "owner", "due_on")
    strand = RadioField(
        "Which part of the 4P plan is it under?",
        choices=options(PLAN_STRANDS),
        widget=GovRadioInput(),
        **pick("Select Pursue, Prevent, Protect or Prepare"),
    )
    description = _area("The action", "Enter what the action is")
    owner = _text("Who owns it", "Enter who owns the action", 120)
    due_on = GovDateField(
        "When it is due", description="For example, 27 3 2027", required_message="Enter the date the action is due"
    )


class ReviewForm(ThreatActionForm):
    FIELDS = ("comment", "next_review_on")
    comment = _area("What did the review find?", "Enter what the review found")
    next_review_on = GovDateField(
        "Next review (optional)", description="Leave blank for the interval the threat's priority sets."
    )


class DisruptionForm(ThreatActionForm):
    FIELDS = ("occurred_on", "grade", "description")
    occurred_on = GovDateField(
        "Date of the disruption",
        description="For example, 27 3 2026",
        required_message="Enter the date of the disruption",
    )
    grade = RadioField(
        "Grade",
        choices=options(DISRUPTION_GRADES),
        widget=GovRadioInput(),
        **pick("Select whether the disruption was major, moderate or minor"),
    )
    description = _area("What was the disruption?", "Enter what the disruption was")


class ReferencesForm(ThreatActionForm):
    FIELDS = ("apmis_reference", "pnd_reference")
    apmis_reference = _text("SOC master list (APMIS) reference", None, 64)
    pnd_reference = _text("PND reference", None, 64)

    @classmethod
    def defaults(cls, threat: Threat, today: date) -> dict[str, Any]:
        return {"apmis_reference": threat.apmis_reference, "pnd_reference": threat.pnd_reference}


class ArchiveForm(ThreatActionForm):
    FIELDS = ("reason_code", "merged_into", "comment")
    reason_code = RadioField(
        "Why is the threat archived?",
        choices=options(CHOSEN_ARCHIVE_REASONS),
        widget=GovRadioInput(),
        **pick("Select why the threat is archived"),
    )
    merged_into = _text("If merged, the reference of the threat it joined", None, 64)
    comment = _area("Reason", "Enter a reason")


ACTION_FORMS: dict[str, type[ThreatActionForm]] = {
    "appoint_lro": LroForm,
    "change_lro": LroForm,
    "add_plan_action": PlanActionForm,
    "review": ReviewForm,
    "record_disruption": DisruptionForm,
    "update_references": ReferencesForm,
    "archive": ArchiveForm,
}
