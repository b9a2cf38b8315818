"""The filters above every dashboard: period, region, force, theme, threat type, assessor.

A GET form (nothing changes), so the URL of a filtered dashboard can be shared, and the
same arguments carry over to CSV downloads and the click-through lists.
"""
from datetime import date, datetime

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSelect, GovSubmitInput
from wtforms import DateField, SelectField, SubmitField
from wtforms.validators import ValidationError

from triggerflow.content import vocab
from triggerflow.queries.measures import Filters
from triggerflow.queries.measures.choices import filter_choices


class PeriodDate(DateField):
    """Day, month and year inputs; a missing or impossible date is an error in GOV.UK words."""

    widget = GovDateInput()

    def __init__(self, label: str, message: str, **kwargs):
        super().__init__(label, format="%d %m %Y", **kwargs)
        self.message = message

    def process(self, formdata, data=None, **kwargs):
        super().process(formdata, data, **kwargs)
        if self.raw_data == []:
            self.raw_data = None  # not in the URL: show the default, not three empty boxes

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        try:
            self.data = datetime.strptime(" ".join(v.strip() for v in valuelist), self.format[0]).date()
        except ValueError:
            self.data = None
            raise ValueError(self.message) from None


class Choice(SelectField):
    widget = GovSelect()

    def __init__(self, label: str, **kwargs):
        super().__init__(label, default="", **kwargs)

    def pre_validate(self, form):
        if self.data not in {value for value, _ in self.choices}:
            raise ValidationError(f"Select a {self.label.text.lower()} from the list")


class FilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    start = PeriodDate("From", "Enter the start of the period as a real date, for example 1 4 2026")
    end = PeriodDate("To", "Enter the end of the period as a real date, for example 31 3 2027")
    region = Choice("Region")
    force = Choice("Force")
    theme = Choice("Theme", choices=[("", "All themes"), *vocab.THEMES])
    threat_type = Choice("Threat type", choices=[("", "All threat types"), *vocab.THREAT_TYPES])
    assessor = Choice("Assessor")
    apply = SubmitField("Apply filters", widget=GovSubmitInput())

    def validate_end(self, field):
        if self.start.data and field.data and field.data < self.start.data:
            raise ValidationError("The end of the period must be the same as or after the start")

    @classmethod
    def for_user(cls, user, args, today: date) -> "FilterForm":
        default = Filters.last_twelve_months(today)
        form = cls(formdata=args if args else None, data={"start": default.start, "end": default.end})
        choices = filter_choices(user)
        form.region.choices = [("", "All regions"), *choices.regions]
        form.force.choices = [("", "All forces"), *choices.forces]
        form.assessor.choices = [("", "All assessors"), *choices.assessors]
        form.show_region = bool(choices.regions)
        form.show_force = len(choices.forces) > 1
        return form

    def error_list(self) -> list[dict[str, str]]:
        """For the error summary: each message linked to its field (a date to its day box)."""
        return [{"text": errors[0], "href": f"#{name}-day" if name in ("start", "end") else f"#{self[name].id}"}
                for name, errors in self.errors.items()]

    def filters(self, today: date) -> Filters:
        """The filters chosen, or the defaults when what was typed is not valid."""
        if not self.validate():
            return Filters.last_twelve_months(today)
        return Filters(start=self.start.data, end=self.end.data, region=self.region.data or None,
                       force=self.force.data or None, theme=self.theme.data or None,
                       threat_type=self.threat_type.data or None,
                       assessor_id=int(self.assessor.data) if self.assessor.data else None)


def filter_args(filters: Filters) -> dict:
    """The URL arguments that reproduce `filters` (dates as day, month and year, like the form)."""
    args = {"start": _parts(filters.start), "end": _parts(filters.end), "region": filters.region,
            "force": filters.force, "theme": filters.theme, "threat_type": filters.threat_type,
            "assessor": filters.assessor_id}
    return {name: value for name, value in args.items() if value}


def _parts(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]
