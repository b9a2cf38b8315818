"""What each lifecycle action asks for, and the forms for return items and the force's answers.

Input rules (required, format, cross-field) live here with GOV.UK messages; the business rules
are the workflow's, and their errors are put back onto these fields by `add_errors`.
"""
from datetime import date, timedelta
from typing import Any

from flask import current_app
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovRadioInput, GovSelect, GovTextArea, GovTextInput
from wtforms import DateField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from triggerflow.content import vocab
from triggerflow.content.sections import SECTION_CHOICES, SECTIONS
from triggerflow.models import TriggerForm


def options(pairs, blank: str | None = None) -> list[SelectChoice]:
    """(value, label) pairs as choices, after a blank "Select ..." option when asked."""
    return [SelectChoice(value, label) for value, label in ([("", blank)] if blank else []) + list(pairs)]


def strip(value):
    return value.strip() if isinstance(value, str) else value


class GovDateField(DateField):
    """A GOV.UK day, month and year input: all blank is None, anything else must be a real date."""

    widget = GovDateInput()

    def __init__(self, label=None, validators=None, required_message: str | None = None, **kwargs):
        super().__init__(label, validators, format="%d %m %Y", **kwargs)
        self.required_message = required_message

    def process_formdata(self, valuelist):
        self.data = None
        if len(valuelist) != 3:
            self.raw_data = None  # the widget unpacks three values or none
            return
        parts = [(value or "").strip() for value in valuelist]
        if not any(parts):
            return
        missing = [name for name, part in zip(("day", "month", "year"), parts) if not part]
        if missing:
            raise ValueError(f"{self.label.text} must include a {' and a '.join(missing)}")
        try:
            day, month, year = (int(part) for part in parts)
            if len(parts[2]) != 4:
                raise ValueError
            self.data = date(year, month, day)
        except ValueError:
            raise ValueError(f"{self.label.text} must be a real date") from None

    def pre_validate(self, form):
        if self.data is None and not self.process_errors and self.required_message:
            raise ValidationError(self.required_message)


class GovForm(FlaskForm):
    """A form whose errors, its own and the service's, feed one GOV.UK error summary."""

    # Where a service error that matches no field should link to.
    ANCHORS = {"items": "#return-items"}

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
        linked = [{"text": field.errors[0], "href": f"#{field.id}-day" if isinstance(field, GovDateField)
                   else f"#{field.id}"} for field in self if field.errors]
        return linked + list(self.problems)


class DecisionForm(GovForm):
    """An action's page: a confirmation carrying the version of the form the page was built from."""

    template = "decisions/confirm.html"
    version = HiddenField()

    @classmethod
    def build(cls, trigger: TriggerForm, today: date, **data: Any) -> "DecisionForm":
        page = cls(data={"version": str(trigger.version), **cls.defaults(trigger, today), **data})
        page.prepare(trigger, today)
        return page

    @classmethod
    def defaults(cls, trigger: TriggerForm, today: date) -> dict[str, Any]:
        return {}

    def prepare(self, trigger: TriggerForm, today: date) -> None:
        """Choices and hints that depend on the form or the date."""

    @property
    def expected_version(self) -> int:
        try:
            return int(self.version.data)
        except (TypeError, ValueError):
            return -1  # a page without a version cannot prove it saw the form as it is

    def details(self) -> dict[str, Any]:
        return {}

    def stale(self, trigger: TriggerForm, message: str) -> None:
        # The typed input stays; the next press acts on the form as it is now.
        self.version.data = str(trigger.version)
        self.problems.append({"text": message, "href": None})


class SendForm(DecisionForm):
    template = "decisions/send.html"


def _comment(label: str, message: str, hint: str | None = None) -> TextAreaField:
    return TextAreaField(label, description=hint, widget=GovTextArea(), filters=[strip],
                         validators=[DataRequired(message), Length(max=5000)])


class CommentForm(DecisionForm):
    template = "decisions/comment.html"

    def details(self) -> dict[str, Any]:
        return {"comment": self.comment.data}


class SpocReturnForm(CommentForm):
    comment = _comment("Comments for the officer", "Enter your comments for the officer",
                       "Say what needs to change before you can submit the form to the ROCTA.")


class ReopenForm(CommentForm):
    comment = _comment("Why are you reopening the form?", "Enter the reason for reopening the form")


class WithdrawForm(CommentForm):
    comment = _comment("Why are you withdrawing the form?", "Enter the reason for withdrawing the form")


class ReturnForm(DecisionForm):
    template = "decisions/return_to_force.html"
    resubmit_by = GovDateField("Resubmit by (optional)")

    def prepare(self, trigger: TriggerForm, today: date) -> None:
        days = current_app.config["RESUBMIT_WITHIN_DAYS"]
        default = today + timedelta(days=days)
        self.resubmit_by.description = (f"Leave this blank to give the force {days} days, until "
                                        f"{default:%-d %B %Y}. For example, {default:%-d %-m %Y}")

    def details(self) -> dict[str, Any]:
        return {"resubmit_by": self.resubmit_by.data}


class RejectForm(DecisionForm):
    template = "decisions/reject.html"
    reason_code = RadioField("Why is the form rejected?", widget=GovRadioInput(),
                             choices=options((code, f"{code} – {label}") for code, label in vocab.REJECTION_REASONS),
                             validators=[DataRequired("Select a rejection reason")])
    duplicate_reference = StringField("Reference of the existing threat", widget=GovTextInput(), filters=[strip],
                                      validators=[Length(max=64)])
    comment = TextAreaField("Rationale", widget=GovTextArea(), filters=[strip],
                            description="The force sees this. Explain why the form does not meet the criteria.",
                            validators=[DataRequired("Enter the rationale for rejecting the form"),
                                        Length(min=20, message="The rationale must be at least 20 characters"),
                                        Length(max=5000)])

    def validate_duplicate_reference(self, field):
        if self.reason_code.data == "N6" and not field.data:
            raise ValidationError("Enter the reference of the existing threat this duplicates")

    def details(self) -> dict[str, Any]:
        duplicate = self.duplicate_reference.data if self.reason_code.data == "N6" else None
        return {"reason_code": self.reason_code.data, "comment": self.comment.data,
                "duplicate_reference": duplicate or None}


def _field_choices() -> list[tuple[str, str]]:
    choices = []
    for section in SECTIONS:
        if section.group:
            choices.append((f"{section.key}.{section.group.key}",
                            f"{section.key}. {section.title}: {section.group.plural.capitalize()}"))
        choices += [(f"{section.key}.{f.name}", f"{section.key}. {section.title}: {f.label}")
                    for f in section.fields]
    return options(choices, "The whole section")


class ReturnItemForm(GovForm):
    section = SelectField("Section", choices=options(SECTION_CHOICES, "Select a section"), widget=GovSelect(),
                          validators=[DataRequired("Select the section the item is about")])
    field_name = SelectField("Question (optional)", choices=_field_choices(), widget=GovSelect(),
                             description="Choose a question if the item is about one answer.")
    reason_code = SelectField("Return reason", widget=GovSelect(),
                              choices=options(((code, f"{code} – {label}") for code, label in vocab.RETURN_REASONS),
                                              "Select a reason"),
                              validators=[DataRequired("Select a return reason")])
    comment = _comment("Comment for the force", "Enter a comment for the force",
                       "Say what is missing or wrong and what the force needs to do.")

    def validate_field_name(self, field):
        if field.data and field.data.split(".", 1)[0] != self.section.data:
            raise ValidationError("Select a question in the section you chose, or the whole section")

    def item(self) -> dict[str, Any]:
        field = self.field_name.data.split(".", 1)[1] if self.field_name.data else None
        return {"section": self.section.data, "field": field, "reason_code": self.reason_code.data,
                "comment": self.comment.data}


class ResponseForm(DecisionForm):
    response = _comment("Your response", "Enter your response to the return item",
                        "Say what you changed in the form, or why no change is needed. "
                        "The ROCTA needs at least 30 characters before the form can be resubmitted.")
