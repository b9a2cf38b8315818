"""What each lifecycle action asks for, and the forms for return items and the force's answers.

Input rules (required, format, cross-field) live here with GOV.UK messages; the business rules
are the workflow's, and their errors are put back onto these fields by `add_errors`.
"""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from flask import current_app
from wtforms import HiddenField, TextAreaField
from wtforms.validators import Length

from triggerflow.assessment.return_items import QUESTION_IN_SECTION
from triggerflow.content import vocab
from triggerflow.content.sections import SECTION_CHOICES, SECTIONS
from triggerflow.input_ids import number_or
from triggerflow.inputs.choices import options, radios, select
from triggerflow.inputs.date_field import GovDateField
from triggerflow.inputs.gov_form import GovForm
from triggerflow.inputs.text_fields import text_area, text_input
from triggerflow.models import TriggerForm
from triggerflow.workflow.errors import Invalid, StaleForm


class DecisionForm(GovForm):
    """An action's page: a confirmation carrying the version of the form the page was built from."""

    template = "decisions/confirm.html"
    version = HiddenField()

    @classmethod
    def build(cls, form: TriggerForm, today: date, **data: Any) -> "DecisionForm":
        page = cls(data={"version": str(form.version), **cls.defaults(form, today), **data})
        page.prepare(form, today)
        return page

    @classmethod
    def defaults(cls, form: TriggerForm, today: date) -> dict[str, Any]:
        return {}

    def prepare(self, form: TriggerForm, today: date) -> None:
        """Choices and hints that depend on the form or the date."""

    @property
    def expected_version(self) -> int:
        return number_or(self.version.data, -1)  # a page without a version cannot prove it saw the form as it is

    def details(self) -> dict[str, Any]:
        return {}

    def stale(self, form: TriggerForm, message: str) -> None:
        # The typed input stays; the next press acts on the form as it is now.
        self.version.data = str(form.version)
        self.problems.append({"text": message, "href": None})

    def save(self, form: TriggerForm, write: Callable[[], Any]) -> int | None:
        """Run the service call `write`: None when it saved, else the status to show this page again
        with, what the service said put on it (409 for a stale page, 422 for rules not met)."""
        try:
            write()
        except StaleForm:
            self.stale(form, StaleForm.message)
            return 409
        except Invalid as invalid:
            self.add_errors(invalid.errors)
            return 422
        return None


class SendForm(DecisionForm):
    template = "decisions/send.html"


class SpocSendForm(SendForm):
    """The SPOC's quality gate: what they checked or want the assessor to know, kept on the event."""

    comment = text_area(
        "Note for the assessor (optional)",
        hint="For example, what you checked, or where the form is thin and why. "
        "The assessor sees it at the top of the form.",
    )

    def details(self) -> dict[str, Any]:
        return {"comment": self.comment.data or None}


class CommentForm(DecisionForm):
    template = "decisions/comment.html"

    def details(self) -> dict[str, Any]:
        return {"comment": self.comment.data}


class SpocReturnForm(CommentForm):
    comment = text_area(
        "Comments for the officer",
        required="Enter your comments for the officer",
        hint="Say what needs to change before you can submit the form to the ROCTA.",
    )


def _reason(doing: str, hint: str = "") -> TextAreaField:
    """The comment of an action that must say why it is taken, asked in the same words for each."""
    return text_area(f"Why are you {doing} the form?", required=f"Enter the reason for {doing} the form", hint=hint)


class ReopenForm(CommentForm):
    comment = _reason("reopening")


class WithdrawForm(CommentForm):
    comment = _reason("withdrawing")


class ReconsiderForm(CommentForm):
    comment = text_area(
        "Why is the decision being reconsidered?", required="Enter the reason for reconsidering the decision"
    )


class ReleaseForm(CommentForm):
    """A regional manager taking work from an assessor says why (definition.REASON_REQUIRED_OF)."""

    comment = _reason("releasing", hint="Recorded in the form's history, where the assessor sees it.")


class ReturnForm(DecisionForm):
    template = "decisions/return_to_force.html"
    resubmit_by = GovDateField("Resubmit by (optional)")

    def prepare(self, form: TriggerForm, today: date) -> None:
        days = current_app.config["RESUBMIT_WITHIN_DAYS"]
        default = today + timedelta(days=days)
        self.resubmit_by.description = (
            f"Leave this blank to give the force {days} days, until "
            f"{default:%-d %B %Y}. For example, {default:%-d %-m %Y}"
        )

    def details(self) -> dict[str, Any]:
        return {"resubmit_by": self.resubmit_by.data}


class RejectForm(DecisionForm):
    template = "decisions/reject.html"
    reason_code = radios(
        "Why is the form rejected?",
        ((code, f"{code} – {label}") for code, label in vocab.REJECTION_REASONS),
        "Select a rejection reason",
    )
    duplicate_reference = text_input(
        "Reference of the existing threat (N6 only)",
        max_length=64,
        hint="If the form duplicates a threat already assessed, give its SOC master list reference.",
    )
    comment = text_area(
        "Rationale",
        required="Enter the rationale for rejecting the form",
        hint="The force sees this. Explain why the form does not meet the criteria.",
        validators=[Length(min=20, message="The rationale must be at least 20 characters")],
    )

    def details(self) -> dict[str, Any]:
        return {
            "reason_code": self.reason_code.data,
            "comment": self.comment.data,
            "duplicate_reference": self.duplicate_reference.data or None,
        }


def _field_choices() -> list[tuple[str, str]]:
    choices = []
    for section in SECTIONS:
        if section.group:
            choices.append(
                (
                    f"{section.key}.{section.group.key}",
                    f"{section.key}. {section.title}: {section.group.plural.capitalize()}",
                )
            )
        choices += [(f"{section.key}.{f.name}", f"{section.key}. {section.title}: {f.label}") for f in section.fields]
    return options(choices, "The whole section")


class ReturnItemForm(GovForm):
    section = select("Section", "Select the section the item is about", options(SECTION_CHOICES, "Select a section"))
    field_name = select(
        "Question (optional)",
        QUESTION_IN_SECTION,
        _field_choices(),
        required=False,
        hint="Choose a question if the item is about one answer.",
    )
    reason_code = select(
        "Return reason",
        "Select the reason for the return",
        options(((code, f"{code} – {label}") for code, label in vocab.RETURN_REASONS), "Select a reason"),
    )
    comment = text_area(
        "Comment for the force",
        required="Enter a comment for the force",
        hint="Say what is missing or wrong and what the force needs to do.",
    )

    def item(self) -> dict[str, Any]:
        # A question of another section stays as chosen ("A.summary"), which no section asks: the service refuses it.
        section, _, question = (self.field_name.data or "").partition(".")
        field = question if section == self.section.data else self.field_name.data
        return {
            "section": self.section.data,
            "field": field or None,
            "reason_code": self.reason_code.data,
            "comment": self.comment.data,
        }

    def add_errors(self, errors: dict[str, str]) -> None:
        super().add_errors({"field_name" if name == "field" else name: message for name, message in errors.items()})


class ResponseForm(DecisionForm):
    response = text_area(
        "Your response",
        required="Enter your response to the return item",
        hint="Say what you changed in the form, or why no change is needed. "
        "The ROCTA needs at least 30 characters before the form can be resubmitted.",
    )
