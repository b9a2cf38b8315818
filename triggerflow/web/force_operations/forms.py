"""The form for putting an operation on the force's register."""

from triggerflow.inputs.date_field import GovDateField
from triggerflow.inputs.gov_form import GovForm
from triggerflow.inputs.text_fields import text_area, text_input


class OperationForm(GovForm):
    name = text_input("Operation or investigation name", required="Enter the name of the operation", max_length=200)
    started_on = GovDateField(
        "When did it start?",
        required_message="Enter the date the operation started",
        description="For example, 27 3 2026",
    )
    target = text_area(
        "Who or what does it target?",
        required="Enter who or what the operation targets",
        max_length=2000,
        hint="The group or person, as your force knows them.",
    )
    form_number = text_input(
        "Trigger form number (optional)",
        max_length=20,
        hint="Leave this blank if no trigger form has been sent for the group.",
    )
