"""Text boxes as the pages ask for them: trimmed, required in our words, and no longer than their column."""

from collections.abc import Callable, Sequence

from govuk_frontend_wtf.wtforms_widgets import GovTextArea, GovTextInput
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from triggerflow.inputs.gov_form import strip

# A free-text answer people write at length: comments, reasons, responses.
LONG_TEXT = 5000


def text_input(
    label: str,
    *,
    required: str | None = None,
    max_length: int | None = None,
    named: str | None = None,
    hint: str = "",
    filters: Sequence[Callable] = (strip,),
    validators: Sequence[Callable] = (),
) -> StringField:
    """A one-line box; `required` is the message for leaving it empty. Going past `max_length` gets WTForms'
    message, or ours about what the box is `named` ("The name must be 120 characters or fewer")."""
    return StringField(
        label,
        widget=GovTextInput(),
        filters=list(filters),
        description=hint,
        validators=_checks(required, max_length, named, validators),
    )


def text_area(
    label: str,
    *,
    required: str | None = None,
    max_length: int = LONG_TEXT,
    named: str | None = None,
    hint: str = "",
    validators: Sequence[Callable] = (),
) -> TextAreaField:
    """A box for a paragraph or more, checked as `text_input` is."""
    return TextAreaField(
        label,
        widget=GovTextArea(),
        filters=[strip],
        description=hint,
        validators=_checks(required, max_length, named, validators),
    )


def _checks(required: str | None, max_length: int | None, named: str | None, more: Sequence[Callable]) -> list:
    too_long = f"{named} must be {max_length} characters or fewer" if named else None
    # Required first: DataRequired stops the chain, so an empty box gets only its own message.
    return [
        *([DataRequired(required)] if required else []),
        *([Length(max=max_length, message=too_long)] if max_length else []),
        *more,
    ]
