"""Choice fields (selects, radios, checkboxes): their options, and their errors in our words.

A value the page never offered comes from a tampered or out-of-date request; it gets the same
GOV.UK message as choosing nothing ("Select the reason for the return"), never WTForms' own
"Not a valid choice".
"""

from typing import Any

from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired


def options(pairs, blank: str | None = None) -> list[SelectChoice]:
    """(value, label) pairs as choices, after a blank "Select ..." option when asked."""
    return [SelectChoice(value, label) for value, label in ([("", blank)] if blank else []) + list(pairs)]


def pick(message: str, *, required: bool = True) -> dict[str, Any]:
    """A choice field's checks: nothing chosen (when `required`) or a value not offered gets `message`."""
    return {
        "validators": [DataRequired(message)] if required else [],
        "invalid_choice_message": message,
        "invalid_value_message": message,
    }


class DistinctChoices(SelectMultipleField):
    """Several choices (checkboxes): a value sent twice is one choice, kept where it first came."""

    def process_formdata(self, valuelist):
        super().process_formdata(list(dict.fromkeys(valuelist)))
