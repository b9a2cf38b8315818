"""The base of every page's form: its errors, and the service's, in one GOV.UK error summary."""

from typing import ClassVar

from flask_wtf import FlaskForm
from wtforms import HiddenField

from triggerflow.inputs.date_field import GovDateField


def strip(value):
    return value.strip() if isinstance(value, str) else value


class GovForm(FlaskForm):
    """A form whose errors, its own and the service's, feed one GOV.UK error summary."""

    # Where a service error that matches no field should link to.
    ANCHORS: ClassVar[dict[str, str]] = {"items": "#return-items"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.problems: list[dict[str, str]] = []

    @property
    def has_errors(self) -> bool:
        return bool(self.errors or self.problems)

    def add_errors(self, errors: dict[str, str]) -> None:
        """Put the service's errors on the fields they name; keep the rest for the summary."""
        for name, message in errors.items():
            field = self._fields.get(name)
            if field is not None and not isinstance(field, HiddenField):
                field.errors = [*field.errors, message]
            else:
                self.problems.append({"text": message, "href": self.ANCHORS.get(name)})

    def error_list(self) -> list[dict[str, str]]:
        """Each field's first error, in page order, linking to its first input; then the rest."""
        linked = [
            {"text": field.errors[0], "href": f"#{field.id}-day" if isinstance(field, GovDateField) else f"#{field.id}"}
            for field in self
            if field.errors
        ]
        return linked + list(self.problems)
