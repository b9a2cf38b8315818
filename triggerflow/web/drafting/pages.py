"""What the section and item pages share: who may open them, and what they show besides the fields."""

from flask import abort, render_template
from flask_login import current_user

from triggerflow.assessment.return_items import items_for
from triggerflow.content.completeness import completeness
from triggerflow.content.sections import SECTIONS, SECTIONS_BY_KEY, Group, Section
from triggerflow.criteria import Finding, Result
from triggerflow.inputs.section_forms import DraftForm, answers_from
from triggerflow.models import ReturnItemStatus, TriggerForm
from triggerflow.queries.duplicates import possible_duplicates
from triggerflow.queries.scope import get_form_or_404
from triggerflow.web.drafting.reveal import questions
from triggerflow.workflow.permissions import may_edit

# Where subjects and intelligence are entered, the page shows what they have in common with other forms.
MATCHED_SECTIONS = ("B", "F")


def editable_form(number: str) -> TriggerForm:
    """The form, if the user may change it now: 404 outside their scope, 403 inside it."""
    form = get_form_or_404(number, current_user)
    if not may_edit(form, current_user):
        abort(403)
    return form


def section_or_404(key: str) -> Section:
    section = SECTIONS_BY_KEY.get(key)
    if section is None:
        abort(404)
    return section


def group_or_404(key: str) -> Group:
    group = section_or_404(key).group
    if group is None:
        abort(404)
    return group


def render_section(form: TriggerForm, section: Section, page: DraftForm, conflict: str | None = None) -> str:
    position = SECTIONS.index(section)
    returned = [
        item
        for item in items_for(form, include_pending=False)
        if item.section == section.key and item.status in (ReturnItemStatus.OPEN, ReturnItemStatus.RESPONDED)
    ]
    return render_template(
        "drafting/section.html",
        form=form,
        section=section,
        draft_form=page,
        conflict=conflict,
        needs=section_needs(completeness(form), section.key),
        questions=questions(form, section.fields, form.answers_for(section.key), answers_from(page, section.fields)),
        return_items=returned,
        items=(form.answers_for(section.key).get(section.group.key) or []) if section.group else [],
        next_section=SECTIONS[position + 1] if position + 1 < len(SECTIONS) else None,
        duplicates=possible_duplicates(form, current_user) if section.key in MATCHED_SECTIONS else [],
    )


def section_needs(result: Result, key: str) -> list[Finding]:
    return [finding for finding in result.findings if finding.section == key]


def render_item(
    form: TriggerForm, section: Section, page: DraftForm, item: dict | None, conflict: str | None = None
) -> str:
    fields = section.group.fields
    questions_shown = questions(form, fields, item or {}, answers_from(page, fields))
    return _item_page("drafting/item.html", form, section, page, item, conflict, questions=questions_shown)


def render_remove(form: TriggerForm, section: Section, page: DraftForm, item: dict, conflict: str | None = None) -> str:
    return _item_page("drafting/remove.html", form, section, page, item, conflict)


def _item_page(
    template: str,
    form: TriggerForm,
    section: Section,
    page: DraftForm,
    item: dict | None,
    conflict: str | None,
    **context,
) -> str:
    return render_template(
        template,
        form=form,
        section=section,
        group=section.group,
        draft_form=page,
        item=item,
        conflict=conflict,
        **context,
    )
