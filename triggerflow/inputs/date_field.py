"""The GOV.UK date input (day, month and year boxes) every form uses: drafting, decisions, dashboard filters.

`data` is a date, or None when the boxes are empty or do not make a date; `parts` keeps what
was typed, so the page shows it again beside the error.
"""

from datetime import date

from govuk_frontend_wtf.gov_form_base import GovFormBase
from wtforms import Field
from wtforms.validators import ValidationError

from triggerflow.input_dates import parse_day, within_bounds

PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))
EMPTY = ("", "", "")


def date_from_parts(parts: tuple[str, str, str], name: str) -> date | None:
    """The date the boxes make; None when all are empty; else ValueError in GOV.UK's words about `name`."""
    if not any(parts):
        return None
    missing = [part for (part, _, _), value in zip(PARTS, parts) if not value]
    if missing:
        raise ValueError(f"{name} must include a {' and '.join(missing)}")
    day, month, year = parts
    if not _digits(year) or len(year) != 4:
        raise ValueError("Year must include 4 numbers")
    if not (_digits(day) and _digits(month)):  # int() would also take "1_0", " +1" and other scripts' digits
        raise ValueError(f"{name} must be a real date")
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"{name} must be a real date") from None
    return within_bounds(found, name)


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


class GovDateParts(GovFormBase):
    template = "govuk_frontend_wtf/date.html"

    def __call__(self, field, **kwargs):
        kwargs.setdefault("id", field.id)
        return super().__call__(field, **kwargs)

    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        params.setdefault("fieldset", {"legend": {"text": field.label.text}})
        error = " govuk-input--error" if field.errors else ""
        params["items"] = [
            {
                "label": label,
                "id": f"{field.name}-{part}",
                "name": field.name,
                "classes": f"govuk-input--width-{width}{error}",
                "value": value,
            }
            for (part, label, width), value in zip(PARTS, field.parts)
        ]
        return params


class GovDateField(Field):
    """Errors name the date as `error_name` (the label by default); `required_message` makes it required."""

    widget = GovDateParts()

    def __init__(
        self, label=None, validators=None, error_name: str | None = None, required_message: str | None = None, **kwargs
    ):
        super().__init__(label, validators, **kwargs)
        self.error_name = error_name or self.label.text
        self.required_message = required_message
        self.parts = EMPTY

    def process_data(self, value):
        """From what is stored: a date, an ISO date string, or nothing."""
        if isinstance(value, str):
            try:
                value = parse_day(value)
            except ValueError:
                value = None
        self.data = value if isinstance(value, date) else None
        self.parts = (str(value.day), str(value.month), str(value.year)) if self.data else EMPTY

    def process_formdata(self, valuelist):
        if not valuelist:
            return  # not sent at all: what the form was built with stands
        self.parts = tuple(str(part).strip() for part in (list(valuelist) + list(EMPTY))[:3])
        self.data = None
        self.data = date_from_parts(self.parts, self.error_name)

    def pre_validate(self, form):
        if self.data is None and not self.process_errors and self.required_message:
            raise ValidationError(self.required_message)
