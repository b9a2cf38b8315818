"""The regional manager's forms: reassign or release one form, or reassign several at once."""

from datetime import date
from typing import ClassVar

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovTextArea
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from triggerflow.input_ids import number_or
from triggerflow.inputs.choices import DistinctChoices, options, pick
from triggerflow.inputs.gov_form import GovForm, strip
from triggerflow.models import TriggerForm, User
from triggerflow.web.decisions.forms import DecisionForm
from triggerflow.workflow.states import FormState

RELEASE = "release"


def _reason() -> TextAreaField:
    return TextAreaField(
        "Reason",
        widget=GovTextArea(),
        filters=[strip],
        description="Recorded in the form's history.",
        validators=[DataRequired("Enter the reason for the reassignment"), Length(max=2000)],
    )


class ReassignForm(DecisionForm):
    template = "routing/reassign.html"
    assessor = RadioField(
        "Who should work on the form?", widget=GovRadioInput(), **pick("Select an assessor, or release the form")
    )
    reason = _reason()

    def offer(self, form: TriggerForm, assessors: list[User]) -> None:
        eligible = [a for a in assessors if a.force_id != form.force_id and a.id != form.assessor_id]
        release = (
            "Release to the regional queue"
            if form.state is FormState.UNDER_ASSESSMENT
            else "Any assessor of the region"
        )
        self.assessor.choices = options([(str(a.id), a.name) for a in eligible] + [(RELEASE, release)])

    def prepare(self, form: TriggerForm, today: date) -> None:
        """Choices come from `offer`, which needs the region's assessors."""


class BulkReassignForm(GovForm):
    # Values are "<number>:<version>": the version each row showed, so a changed form is noticed.
    forms = DistinctChoices("Forms", validate_choice=False, validators=[DataRequired("Select at least one form")])
    assessor = SelectField(
        "Reassign the selected forms to", widget=GovSelect(), **pick("Select the assessor to give the forms to")
    )
    reason = _reason()

    ANCHORS: ClassVar[dict[str, str]] = {**GovForm.ANCHORS, "forms": "#work"}

    def offer(self, assessors: list[User]) -> None:
        self.assessor.choices = options([(str(a.id), a.name) for a in assessors], "Select an assessor")

    def selected(self) -> list[tuple[str, int | None]]:
        chosen = []
        for value in self.forms.data or []:
            number, _, version = value.partition(":")
            chosen.append((number, number_or(version, -1)))
        return chosen
