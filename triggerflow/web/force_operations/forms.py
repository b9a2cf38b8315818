"""The form for putting an operation on the force's register."""

from govuk_frontend_wtf.wtforms_widgets import GovTextArea, GovTextInput
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from triggerflow.inputs.date_field import GovDateField
from triggerflow.inputs.gov_form import GovForm, strip


class OperationForm(GovForm):
    name = StringField(
        "Operation or investigation name",
        widget=GovTextInput(),
        filters=[strip],
        validators=[DataRequired("Enter the name of the operation"), Length(max=200)],
    )
    started_on = GovDateField(
        "When did it start?",
        required_message="Enter the date the operation started",
        description="For example, 27 3 2026",
    )
    target = TextAreaField(
        "Who or what does it target?",
        widget=GovTextArea(),
        filters=[strip],
        description="The group or person, as your force knows them.",
        validators=[DataRequired("Enter who or what the operation targets"), Length(max=2000)],
    )
    form_number = StringField(
        "Trigger form number (optional)",
        widget=GovTextInput(),
        filters=[strip],
        description="Leave this blank if no trigger form has been sent for the group.",
        validators=[Length(max=20)],
    )
