"""The live checklist: what a section would still need once saved, worked out without saving.

The page's script posts the section's answers as they stand while the officer types; the same
fields check them and the same criteria run over the draft as saving would leave it. Nothing is
written, so a half-typed answer never reaches the form or its history.
"""

from flask import render_template

from triggerflow.access import allow
from triggerflow.content import store
from triggerflow.content.completeness import completeness
from triggerflow.inputs.section_forms import answers_from, draft_form
from triggerflow.models import Role
from triggerflow.web.drafting.pages import editable_form, section_needs, section_or_404
from triggerflow.web.drafting.reveal import shown_specs

# Saving would refuse these answers and say why; until then the page keeps the checklist it has.
NOT_CHECKED = "Some answers are not in the form saving takes: save the section to see what to change."


@allow(Role.OFFICER, Role.SPOC)
def check(number: str, key: str):
    form, section = editable_form(number), section_or_404(key)
    page = draft_form(form, key, None)
    if not page.validate_on_submit():
        return NOT_CHECKED, 422, {"Content-Type": "text/plain; charset=utf-8"}
    values = answers_from(page, shown_specs(form, section.fields, form.answers_for(key)))
    result = completeness(form, answers=store.answers_after_saving(form, key, values))
    return render_template("drafting/_needs.html", form=form, needs=section_needs(result, key))
