"""A GOV.UK date input (day, month and year boxes) that stores an ISO date string.

When the parts do not make a date, the field keeps exactly what was typed so the page can
show it again with the error, and its data is left empty.
"""
from datetime import date

from govuk_frontend_wtf.gov_form_base import GovFormBase
from wtforms import Field

PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))


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
            {"label": label, "id": f"{field.name}-{part}", "name": field.name,
             "classes": f"govuk-input--width-{width}{error}", "value": value}
            for (part, label, width), value in zip(PARTS, field.parts)
        ]
        return params


class DateInputField(Field):
    """`data` is "YYYY-MM-DD", or "" when nothing was entered or the parts are not a date."""

    widget = GovDateParts()

    def __init__(self, label=None, validators=None, error_name: str | None = None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.error_name = error_name or self.label.text
        self.parts = ("", "", "")

    def process_data(self, value):
        try:
            stored = date.fromisoformat(value)
        except (TypeError, ValueError):
            self.data, self.parts = "", ("", "", "")
            return
        self.data = stored.isoformat()
        self.parts = (str(stored.day), str(stored.month), str(stored.year))

    def process_formdata(self, valuelist):
        self.parts = tuple((list(valuelist) + ["", "", ""])[:3])
        self.parts = tuple(part.strip() for part in self.parts)
        self.data = ""
        if any(self.parts):
            self.data = _parse(self.parts, self.error_name)


def _parse(parts: tuple[str, str, str], name: str) -> str:
    missing = [part for (part, _, _), value in zip(PARTS, parts) if not value]
    if missing:
        raise ValueError(f"{name} must include a {' and '.join(missing)}")
    day, month, year = parts
    if not year.isdigit() or len(year) != 4:
        raise ValueError("Year must include 4 numbers")
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise ValueError(f"{name} must be a real date") from None
