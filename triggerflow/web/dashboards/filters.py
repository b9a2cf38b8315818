"""The filters above every dashboard: period, region, force, theme, threat type, assessor.

A GET form (nothing changes), so the URL of a filtered dashboard can be shared, and the
same arguments carry over to CSV downloads and the click-through lists.
"""

from datetime import date

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput
from wtforms import SelectField, SubmitField
from wtforms.validators import ValidationError

from triggerflow.content import vocab
from triggerflow.inputs.choices import options, pick
from triggerflow.inputs.date_field import GovDateField
from triggerflow.queries.measures import Filters
from triggerflow.queries.measures.choices import filter_choices


class Choice(SelectField):
    widget = GovSelect()

    def __init__(self, label: str, **kwargs):
        message = f"Select a {label.lower()} from the list"  # nosec B608 - words for a person, not SQL
        super().__init__(label, default="", **pick(message, required=False), **kwargs)


class FilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    start = GovDateField(
        "From",
        error_name="The start of the period",
        required_message="Enter the start of the period, for example 1 4 2026",
    )
    end = GovDateField(
        "To", error_name="The end of the period", required_message="Enter the end of the period, for example 31 3 2027"
    )
    region = Choice("Region")
    force = Choice("Force")
    theme = Choice("Theme", choices=options(vocab.THEMES, "All themes"))
    threat_type = Choice("Threat type", choices=options(vocab.THREAT_TYPES, "All threat types"))
    assessor = Choice("Assessor")
    apply = SubmitField("Apply filters", widget=GovSubmitInput())

    def validate_end(self, field):
        if self.start.data and field.data and field.data < self.start.data:
            raise ValidationError("The end of the period must be the same as or after the start")

    @classmethod
    def for_user(cls, user, args, today: date) -> "FilterForm":
        default = Filters.last_twelve_months(today)
        form = cls(formdata=args or None, data={"start": default.start, "end": default.end})
        choices = filter_choices(user)
        form.region.choices = options(choices.regions, "All regions")
        form.force.choices = options(choices.forces, "All forces")
        form.assessor.choices = options(choices.assessors, "All assessors")
        form.show_region = bool(choices.regions)
        form.show_force = len(choices.forces) > 1
        return form

    def error_list(self) -> list[dict[str, str]]:
        """For the error summary: each message linked to its field (a date to its day box)."""
        return [
            {"text": errors[0], "href": f"#{name}-day" if name in ("start", "end") else f"#{self[name].id}"}
            for name, errors in self.errors.items()
        ]

    def filters(self, today: date) -> Filters:
        """The filters chosen, or the defaults when what was typed is not valid."""
        if not self.validate():
            return Filters.last_twelve_months(today)
        return Filters(
            start=self.start.data,
            end=self.end.data,
            region=self.region.data or None,
            force=self.force.data or None,
            theme=self.theme.data or None,
            threat_type=self.threat_type.data or None,
            assessor_id=int(self.assessor.data) if self.assessor.data else None,
        )


def filter_args(filters: Filters) -> dict:
    """The URL arguments that reproduce `filters` (dates as day, month and year, like the form)."""
    args = {
        "start": _parts(filters.start),
        "end": _parts(filters.end),
        "region": filters.region,
        "force": filters.force,
        "theme": filters.theme,
        "threat_type": filters.threat_type,
        "assessor": filters.assessor_id,
    }
    return {name: value for name, value in args.items() if value}


def _parts(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]
