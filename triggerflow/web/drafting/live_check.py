"""The live checklist: what a section would still need once saved, worked out without saving.

The page's script posts the section's answers as they stand while the officer types; the same
fields check them and the same criteria run over the draft as saving would leave it. Nothing is
written, so a half-typed answer never reaches the form or its history.
"""
from flask import render_template

from triggerflow.content import store
from triggerflow.content.completeness import completeness
from triggerflow.models import Role
from triggerflow.web.access import allow
from triggerflow.web.drafting.forms import answers_from, draft_form
from triggerflow.web.drafting.pages import editable_form, section_needs, section_or_404
from triggerflow.web.drafting.reveal import shown_specs

# Saving would refuse these answers and say why; until then the page keeps the checklist it has.
NOT_CHECKED = "Some answers are not in the form saving takes: save the section to see what to change."


@allow(Role.OFFICER, Role.SPOC)
def check(number: str, key: str):
    trigger, section = editable_form(number), section_or_404(key)
    form = draft_form(trigger, key, None)
    if not form.validate_on_submit():
        return NOT_CHECKED, 422, {"Content-Type": "text/plain; charset=utf-8"}
    values = answers_from(form, shown_specs(trigger, section.fields, trigger.answers_for(key)))
    result = completeness(trigger, answers=store.answers_after_saving(trigger, key, values))
    return render_template("drafting/_needs.html", trigger=trigger, needs=section_needs(result, key))
