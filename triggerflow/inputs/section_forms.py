"""WTForms classes built from the section definitions, so every label and choice list is typed once.

Validation is about format only (real dates, lengths, values from the lists): nothing is
required, so a half-finished draft always saves. The completeness rules say what is missing.
"""

from functools import cache
from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovTextInput,
)
from wtforms import BooleanField, HiddenField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, ValidationError

from triggerflow.content.sections import SECTIONS_BY_KEY, intelligence_references
from triggerflow.content.sections import Field as Spec
from triggerflow.input_ids import number_or
from triggerflow.inputs.choices import DistinctChoices, options
from triggerflow.inputs.date_field import GovDateField
from triggerflow.inputs.widgets import GovGroupedCheckboxes
from triggerflow.models import TriggerForm
from triggerflow.queries.reference import forces_by_region, regions

# Two date questions are asked as questions; their errors need the thing itself.
DATE_NAMES = {
    "first_known": "The date the activity was first known",
    "most_recent": "The date of the most recent activity",
    "master_list_searched_on": "The date you searched",
}
LEGEND = "govuk-fieldset__legend--s"
LABEL = "govuk-label--s"


class DraftForm(FlaskForm):
    """What every section and item page posts: the version the page was built from."""

    version = HiddenField()
    next_step = HiddenField()  # set by the button pressed: "return", "continue" or "add"

    @property
    def expected_version(self) -> int:
        # A missing or mangled version must not skip the check, so it can never match.
        return number_or(self.version.data, -1)


class RemoveItemForm(DraftForm):
    pass


def _noun(spec: Spec) -> str:
    return "Your answer" if spec.label.endswith("?") else spec.label


def _in_choices(form, field) -> None:
    chosen = field.data if isinstance(field.data, list) else [field.data]
    allowed = {choice.value for choice in field.iter_choices()}
    if any(value not in allowed for value in chosen if value):
        raise ValidationError("Select from the options shown")


# Unlike WTForms' own choice check, _in_choices lets a question stay unanswered.
CHOICES = {"validators": [_in_choices], "validate_choice": False}


def _legend(spec: Spec) -> dict:
    # An empty hint would still render, and be read out, so leave it out altogether.
    return {"fieldset": {"legend": {"text": spec.label, "classes": LEGEND}}, **({} if spec.hint else {"hint": None})}


def _text(spec: Spec, **common):
    width = "govuk-!-width-two-thirds" if spec.max_length <= 200 else ""
    return StringField(
        widget=GovTextInput(),
        validators=[_max_length(spec)],
        **common,
        render_kw={"params": {"label": {"classes": LABEL}, "classes": width}},
    )


def _textarea(spec: Spec, **common):
    # The count only appears near the limit: the criteria, not this box, ask for a minimum.
    return StringField(
        widget=GovCharacterCount(),
        validators=[_max_length(spec)],
        **common,
        render_kw={"params": {"label": {"classes": LABEL}, "maxlength": spec.max_length, "threshold": 75, "rows": 5}},
    )


def _radios(spec: Spec, **common):
    inline = len(spec.choices) <= 3 and all(len(label) < 12 for _, label in spec.choices)
    return RadioField(
        widget=GovRadioInput(),
        choices=options(spec.choices),
        **CHOICES,
        **common,
        render_kw={"params": _legend(spec) | {"classes": "govuk-radios--inline" if inline else ""}},
    )


def _select(spec: Spec, **common):
    blank = f"Select {spec.label[0].lower()}{spec.label[1:]}"
    return SelectField(
        widget=GovSelect(),
        choices=options(spec.choices, blank),
        **CHOICES,
        **common,
        render_kw={"params": {"label": {"classes": LABEL}}},
    )


def _boolean(spec: Spec, **common):
    return BooleanField(widget=GovCheckboxInput(), **common, render_kw={"params": {} if spec.hint else {"hint": None}})


def _date(spec: Spec, **common):
    return GovDateField(error_name=DATE_NAMES.get(spec.name), **common, render_kw={"params": _legend(spec)})


def _checkboxes(spec: Spec, **common):
    # Citations and regions get their choices per request (see _fill_choices).
    small = "" if spec.kind == "checkboxes" else "govuk-checkboxes--small"
    return DistinctChoices(
        widget=GovCheckboxesInput(),
        choices=options(spec.choices or []),
        **CHOICES,
        **common,
        render_kw={"params": _legend(spec) | {"classes": small}},
    )


def _forces(spec: Spec, **common):
    return DistinctChoices(widget=GovGroupedCheckboxes(), choices=[], **CHOICES, **common)


BUILDERS = {
    "text": _text,
    "textarea": _textarea,
    "radios": _radios,
    "select": _select,
    "boolean": _boolean,
    "date": _date,
    "checkboxes": _checkboxes,
    "citations": _checkboxes,
    "regions": _checkboxes,
    "forces": _forces,
}


def _build(spec: Spec):
    """One WTForms field for one Field spec, with GOV.UK's widget for its kind."""
    return BUILDERS[spec.kind](spec, label=spec.label, description=spec.hint or "")


def _max_length(spec: Spec) -> Length:
    return Length(max=spec.max_length, message=f"{_noun(spec)} must be {spec.max_length:,} characters or fewer")


@cache
def _form_class(key: str, group: bool) -> type[DraftForm]:
    specs = section_specs(key, group)
    name = f"Section{key}{'Item' if group else ''}Form"
    return type(name, (DraftForm,), {spec.name: _build(spec) for spec in specs})


def section_specs(key: str, group: bool = False) -> tuple[Spec, ...]:
    section = SECTIONS_BY_KEY[key]
    return section.group.fields if group else section.fields


def draft_form(trigger: TriggerForm, key: str, stored: dict[str, Any] | None, group: bool = False) -> DraftForm:
    """The section's (or one item's) form: filled from `stored` on GET, from the request on POST."""
    specs = section_specs(key, group)
    data = None
    if stored is not None:
        data = {spec.name: stored.get(spec.name) for spec in specs} | {"version": trigger.version}
    form = _form_class(key, group)(data=data)
    _fill_choices(form, trigger, specs)
    return form


def filled_form(trigger: TriggerForm, key: str, formdata, group: bool = False) -> DraftForm:
    """The section's (or one item's) form filled from `formdata` instead of the request, without a
    CSRF token: the API puts its JSON through these same fields and checks."""
    form = _form_class(key, group)(formdata=formdata, meta={"csrf": False})
    _fill_choices(form, trigger, section_specs(key, group))
    return form


def _fill_choices(form: DraftForm, trigger: TriggerForm, specs: tuple[Spec, ...]) -> None:
    kinds = {spec.kind for spec in specs}
    references = options(intelligence_references(trigger.answers or {}).items()) if "citations" in kinds else []
    forces = forces_by_region(trigger.force.region_id) if "forces" in kinds else []
    for spec in specs:
        field = form[spec.name]
        # render_kw is shared by every instance of the class: give this one its own params.
        params = dict(field.render_kw["params"]) if field.render_kw else {}
        if spec.kind == "citations":
            field.choices = references
            if not references:
                field.description = "Add intelligence items in section F to cite them here."
                params.pop("hint", None)
        elif spec.kind == "forces":
            field.choices = [SelectChoice(code, name, optgroup=region) for code, name, region in forces]
        elif spec.kind == "regions":
            field.choices = options(regions())
        else:
            continue
        field.render_kw = {"params": params}


def answers_from(form: DraftForm, specs: tuple[Spec, ...]) -> dict[str, Any]:
    """The values to store: "" for an empty answer, [] for an empty list, True/False for a declaration."""
    return {spec.name: _stored(spec, form[spec.name].data) for spec in specs}


def _stored(spec: Spec, data: Any) -> Any:
    if spec.is_list:
        return list(data or [])
    if spec.kind == "boolean":
        return bool(data)
    if spec.kind == "date":
        return data.isoformat() if data else ""
    return data.strip() if isinstance(data, str) else ""
