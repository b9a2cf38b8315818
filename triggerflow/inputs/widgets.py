"""Checkboxes in groups (forces by region): one question, one fieldset per group inside it."""

from govuk_frontend_wtf.gov_form_base import GovFormBase


class GovGroupedCheckboxes(GovFormBase):
    """For a SelectMultipleField whose choices carry an optgroup; every box shares the field's name."""

    template = "drafting/grouped_checkboxes.html"

    def __call__(self, field, **kwargs):
        groups = [
            {"label": label, "items": [{"text": c.label, "value": c.value, "checked": c.selected} for c in choices]}
            for label, choices in field.iter_groups()
        ]
        return self.render(
            {
                "name": field.name,
                "legend": field.label.text,
                "hint": field.description or None,
                "errorMessage": field.errors[0] if field.errors else None,
                "groups": groups,
            }
        )
