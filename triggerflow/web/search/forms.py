"""The search box and its filters: a GET form, so a search can be bookmarked and shared.

Dates are typed as day, month and year and must make a real date; anything else gets the
GOV.UK message beside the box and no search is run.
"""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField
from wtforms.validators import Length, ValidationError

from triggerflow.inputs.choices import options
from triggerflow.inputs.date_field import GovDateField
from triggerflow.models import User
from triggerflow.queries.listing import FormFilters
from triggerflow.queries.measures.choices import filter_choices
from triggerflow.web.dashboards.filters import Choice
from triggerflow.workflow.states import FormState

MAX_TYPED = 200
DATES = ("started_from", "started_to")


class SearchForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    q = StringField(
        "Search by form number, working name, subject, PNC ID or reference",
        widget=GovTextInput(),
        validators=[Length(max=MAX_TYPED, message=f"Search must be {MAX_TYPED} characters or fewer")],
    )
    state = Choice("State", choices=options(((s.value, s.label) for s in FormState), "All states"))
    force = Choice("Force")
    started_from = GovDateField("Started on or after", error_name="The start date")
    started_to = GovDateField("Started on or before", error_name="The end date")
    search = SubmitField("Search", widget=GovSubmitInput())

    def validate_started_to(self, field):
        if self.started_from.data and field.data and field.data < self.started_from.data:
            raise ValidationError("The end date must be the same as or after the start date")

    @classmethod
    def for_user(cls, user: User, args) -> "SearchForm":
        form = cls(formdata=args or None)
        forces = filter_choices(user).forces
        form.force.choices = options(forces, "All forces")
        form.show_force = len(forces) > 1
        return form

    def error_list(self) -> list[dict[str, str]]:
        """For the error summary: each message linked to its field (a date to its day box)."""
        return [
            {"text": errors[0], "href": f"#{name}-day" if name in DATES else f"#{self[name].id}"}
            for name, errors in self.errors.items()
        ]

    def filters(self) -> FormFilters:
        return FormFilters(
            states=(FormState(self.state.data),) if self.state.data else (),
            force=self.force.data or None,
            created_from=self.started_from.data,
            created_to=self.started_to.data,
        )
