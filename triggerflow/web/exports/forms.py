"""What to download, narrowed by state and theme."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect
from wtforms import RadioField, SelectField

from triggerflow.content import vocab
from triggerflow.exports import KINDS
from triggerflow.inputs.choices import options, pick
from triggerflow.workflow.states import FormState


def _kinds():
    return options((key, kind.title) for key, kind in KINDS.items())


class DownloadForm(FlaskForm):
    kind = RadioField(
        "What do you want to download?",
        widget=GovRadioInput(),
        choices=_kinds(),
        **pick("Select what you want to download"),
    )
    # Left out of a link, as choosing nothing: any state, any theme.
    state = SelectField(
        "State of the forms",
        widget=GovSelect(),
        default="",
        choices=options(((s.value, s.label) for s in FormState), "Any state"),
        **pick("Select a state from the list", required=False),
    )
    theme = SelectField(
        "Primary SOC theme",
        widget=GovSelect(),
        default="",
        choices=options(vocab.THEMES, "Any theme"),
        **pick("Select a theme from the list", required=False),
    )
