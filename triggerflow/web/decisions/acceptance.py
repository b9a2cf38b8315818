"""The acceptance record the assessor completes when accepting a threat (DESIGN section 5)."""

from datetime import date
from typing import Any, ClassVar

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput
from wtforms import RadioField, StringField

from triggerflow.content import vocab
from triggerflow.inputs.choices import DistinctChoices, options, pick, radios, select
from triggerflow.inputs.text_fields import text_input
from triggerflow.models import TriggerForm
from triggerflow.web.decisions.forms import DecisionForm
from triggerflow.workflow.requirements import REQUIRED_RECORD_FIELDS as NEEDED
from triggerflow.workflow.requirements import SECONDARY_THEMES_FROM_LIST

MORILE_HINT = "As shown in the MoRiLE tool, for example 64 or 12.5"


def _radios(name: str, label: str, choices: list[tuple[str, str]]) -> RadioField:
    return radios(label, choices, NEEDED[name])


def _text(name: str, label: str, max_length: int, hint: str = "") -> StringField:
    return text_input(label, required=NEEDED[name], max_length=max_length, hint=hint)


class AcceptForm(DecisionForm):
    template = "decisions/accept.html"
    ANCHORS: ClassVar[dict[str, str]] = {"morile_scores": "#morile-scores"}

    threat_type = _radios("threat_type", "Confirmed threat type", vocab.THREAT_TYPES)
    primary_theme = select("Confirmed primary theme", NEEDED["primary_theme"], options(vocab.THEMES, "Select a theme"))
    secondary_themes = DistinctChoices(
        "Secondary themes (optional)",
        choices=options(vocab.THEMES),
        widget=GovCheckboxesInput(),
        **pick(SECONDARY_THEMES_FROM_LIST, required=False),
    )
    apmis_reference = text_input(
        "SOC master list (APMIS) reference (optional)",
        max_length=64,
        hint="You can add this later if the threat is not on the list yet.",
    )
    morile_harm = _text("morile_harm", "MoRiLE harm score", 32, MORILE_HINT)
    morile_likelihood = _text("morile_likelihood", "MoRiLE likelihood score", 32, MORILE_HINT)
    morile_risk = _text("morile_risk", "MoRiLE risk score", 32, MORILE_HINT)
    morile_confidence = _radios("morile_confidence", "MoRiLE confidence", vocab.MORILE_CONFIDENCE)
    morile_organisational_position = _text("morile_organisational_position", "MoRiLE organisational position", 120)
    morile_priority = _radios("morile_priority", "MoRiLE priority", vocab.MORILE_PRIORITY)
    soc = _radios("soc", "SOC or not", vocab.SOC_OR_NOT)
    moderation_status = _radios("moderation_status", "Moderation status", vocab.MODERATION_STATUSES)
    phase = _radios("phase", "Phase", vocab.PHASES)
    tier = _radios("tier", "Tier", vocab.TIERS)
    management_level = _radios("management_level", "Management level", vocab.MANAGEMENT_LEVELS)
    owning_force_id = select("Owning force", NEEDED["owning_force_id"], coerce=int)
    pnd_reference = text_input("PND reference (optional)", max_length=64, hint="You can add this later.")

    @classmethod
    def defaults(cls, form: TriggerForm, today: date) -> dict[str, Any]:
        return {
            "threat_type": form.threat_type,
            "primary_theme": form.primary_theme,
            "secondary_themes": form.answers_for("A").get("secondary_themes") or [],
            "owning_force_id": form.force_id,
        }

    def prepare(self, form: TriggerForm, today: date) -> None:
        self.owning_force_id.choices = options((force.id, force.name) for force in form.force.region.forces)

    def scores(self) -> list[tuple[str, Any, Any]]:
        """Each harm category with its score and confidence fields, for the page."""
        return [(label, self[f"score_{value}"], self[f"confidence_{value}"]) for value, label in vocab.HARM_TYPES]

    def details(self) -> dict[str, Any]:
        record = {name: self[name].data for name in (*NEEDED, "secondary_themes")}
        record["apmis_reference"] = self.apmis_reference.data or None
        record["pnd_reference"] = self.pnd_reference.data or None
        record["morile_scores"] = [
            {"category": value, "score": self[f"score_{value}"].data, "confidence": self[f"confidence_{value}"].data}
            for value, _ in vocab.HARM_TYPES
            if self[f"score_{value}"].data or self[f"confidence_{value}"].data
        ]
        return {"record": record}


# The MoRiLE assessment scores each harm category with a confidence of its own, in its own terms.
for _value, _label in vocab.HARM_TYPES:
    setattr(AcceptForm, f"score_{_value}", text_input(f"{_label} harm: score", max_length=32))
    setattr(AcceptForm, f"confidence_{_value}", text_input(f"{_label} harm: confidence", max_length=32))
