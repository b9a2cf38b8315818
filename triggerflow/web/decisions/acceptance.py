"""The acceptance record the assessor completes when accepting a threat (DESIGN section 5)."""
from datetime import date, timedelta
from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovSelect, GovTextInput
from wtforms import RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from triggerflow.content import vocab
from triggerflow.models import TriggerForm
from triggerflow.web.choices import DistinctChoices, options, pick
from triggerflow.web.dates import GovDateField
from triggerflow.web.decisions.forms import DecisionForm, strip
from triggerflow.workflow.requirements import REQUIRED_RECORD_FIELDS as NEEDED, SECONDARY_THEMES_FROM_LIST

PLAN_DUE_DAYS = 28
MORILE_HINT = "As shown in the MoRiLE tool, for example 64 or 12.5"


def _radios(name: str, label: str, choices: list[tuple[str, str]]) -> RadioField:
    return RadioField(label, choices=options(choices), widget=GovRadioInput(), **pick(NEEDED[name]))


def _text(name: str, label: str, max_length: int, hint: str | None = None) -> StringField:
    return StringField(label, description=hint, widget=GovTextInput(), filters=[strip],
                       validators=[DataRequired(NEEDED[name]), Length(max=max_length)])


def _date(name: str, label: str, hint: str = "For example, 27 3 2026") -> GovDateField:
    return GovDateField(label, description=hint, required_message=NEEDED[name])


class AcceptForm(DecisionForm):
    template = "decisions/accept.html"

    threat_type = _radios("threat_type", "Confirmed threat type", vocab.THREAT_TYPES)
    primary_theme = SelectField("Confirmed primary theme", choices=options(vocab.THEMES, "Select a theme"),
                                widget=GovSelect(), **pick(NEEDED["primary_theme"]))
    secondary_themes = DistinctChoices("Secondary themes (optional)", choices=options(vocab.THEMES),
                                           widget=GovCheckboxesInput(),
                                           **pick(SECONDARY_THEMES_FROM_LIST, required=False))
    apmis_reference = StringField("SOC master list (APMIS) reference (optional)", widget=GovTextInput(),
                                  filters=[strip], validators=[Length(max=64)],
                                  description="You can add this later if the threat is not on the list yet.")
    morile_harm = _text("morile_harm", "MoRiLE harm score", 32, MORILE_HINT)
    morile_likelihood = _text("morile_likelihood", "MoRiLE likelihood score", 32, MORILE_HINT)
    morile_risk = _text("morile_risk", "MoRiLE risk score", 32, MORILE_HINT)
    morile_confidence = _radios("morile_confidence", "MoRiLE confidence", vocab.MORILE_CONFIDENCE)
    morile_organisational_position = _text("morile_organisational_position", "MoRiLE organisational position",
                                           120)
    morile_priority = _radios("morile_priority", "MoRiLE priority", vocab.MORILE_PRIORITY)
    category = _radios("category", "Assessment category", vocab.ASSESSMENT_CATEGORIES)
    tier = _radios("tier", "Tier", vocab.TIERS)
    management_level = _radios("management_level", "Management level", vocab.MANAGEMENT_LEVELS)
    owning_force_id = SelectField("Owning force", coerce=int, widget=GovSelect(), **pick(NEEDED["owning_force_id"]))
    lro_name = _text("lro_name", "Lead responsible officer's name", 120)
    lro_organisation = _text("lro_organisation", "Lead responsible officer's organisation", 120,
                             "This may be a partner agency.")
    lro_appointed_on = _date("lro_appointed_on", "Date the lead responsible officer was appointed")
    plan_due_on = _date("plan_due_on", "4P plan due date")
    next_review_on = _date("next_review_on", "Next review date")

    @classmethod
    def defaults(cls, trigger: TriggerForm, today: date) -> dict[str, Any]:
        return {
            "threat_type": trigger.threat_type, "primary_theme": trigger.primary_theme,
            "secondary_themes": trigger.answers_for("A").get("secondary_themes") or [],
            "owning_force_id": trigger.force_id, "plan_due_on": today + timedelta(days=PLAN_DUE_DAYS),
        }

    def prepare(self, trigger: TriggerForm, today: date) -> None:
        self.owning_force_id.choices = options((force.id, force.name) for force in trigger.force.region.forces)
        self.plan_due_on.description = f"Usually {PLAN_DUE_DAYS} days after acceptance. For example, 27 3 2026"

    def details(self) -> dict[str, Any]:
        record = {name: self[name].data for name in (*NEEDED, "secondary_themes")}
        record["apmis_reference"] = self.apmis_reference.data or None
        return {"record": record}
