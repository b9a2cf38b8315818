"""What to download, narrowed by state and theme."""
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect
from wtforms import RadioField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from triggerflow.content import vocab
from triggerflow.workflow.states import FormState


def _kinds():
    from triggerflow.exports import KINDS

    return [SelectChoice(key, kind.title) for key, kind in KINDS.items()]


class DownloadForm(FlaskForm):
    kind = RadioField("What do you want to download?", widget=GovRadioInput(), choices=_kinds(),
                      validators=[DataRequired("Select what you want to download")])
    state = SelectField("State of the forms", widget=GovSelect(),
                        choices=[SelectChoice("", "Any state")] + [SelectChoice(s.value, s.label) for s in FormState])
    theme = SelectField("Primary SOC theme", widget=GovSelect(),
                        choices=[SelectChoice(value, label) for value, label in [("", "Any theme"), *vocab.THEMES]])
