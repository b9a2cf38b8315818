"""Choice fields (selects, radios, checkboxes): their options, and their errors in our words.

A value the page never offered comes from a tampered or out-of-date request; it gets the same
GOV.UK message as choosing nothing ("Select the reason for the return"), never WTForms' own
"Not a valid choice".
"""

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect
from wtforms import RadioField, SelectField, SelectMultipleField
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


def radios(label: str, pairs, message: str, **kwargs: Any) -> RadioField:
    """One of the (value, label) pairs, as radios; choosing none gets `message`."""
    return RadioField(label, widget=GovRadioInput(), choices=options(pairs), **pick(message), **kwargs)


def select(
    label: str, message: str, choices=None, *, required: bool = True, hint: str = "", **kwargs: Any
) -> SelectField:
    """A drop-down list; `choices` may be left for the form to fill in per request.

    An optional one starts on its blank option."""
    return SelectField(
        label,
        widget=GovSelect(),
        choices=choices,
        description=hint,
        default=None if required else "",
        **pick(message, required=required),
        **kwargs,
    )


class DistinctChoices(SelectMultipleField):
    """Several choices (checkboxes): a value sent twice is one choice, kept where it first came."""

    def process_formdata(self, valuelist):
        super().process_formdata(list(dict.fromkeys(valuelist)))
