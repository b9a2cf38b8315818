"""The page comparing two versions of a form, with the return items beside the sections they are about."""

from flask import render_template
from flask_login import current_user

from triggerflow.assessment.return_items import items_for
from triggerflow.assessment.threads import may_review_items
from triggerflow.content.changes import Readers, compare
from triggerflow.content.sections import SECTIONS, field_label
from triggerflow.models import FormSnapshot, ReturnItem, ReturnItemStatus, Role, TriggerForm
from triggerflow.queries import form_page, review
from triggerflow.web.globals import reference_names


def comparison_page(form: TriggerForm, old: FormSnapshot, new: FormSnapshot, *, since_review: bool):
    changed = {s.section.key: s for s in compare(old.answers, new.answers, Readers(reference_names()))}
    items = _items_answered_for(form, old)
    by_section: dict[str, list[ReturnItem]] = {}
    for item in items:
        by_section.setdefault(item.section, []).append(item)
    shown = [s for s in SECTIONS if s.key in changed or s.key in by_section]
    return render_template(
        "review/changes.html",
        form=form,
        old=old,
        new=new,
        since_review=since_review,
        sections=shown,
        changed=changed,
        items=by_section,
        threads=review.threads(items),
        field_label=field_label,
        may_review=may_review_items(form, current_user),
        versions=form_page.versions(form),
        unchanged_with_items=[key for key in by_section if key not in changed],
        heading=_heading(old, new, since_review),
    )


def _heading(old: FormSnapshot, new: FormSnapshot, since_review: bool) -> str:
    if not since_review:
        return "Compare versions"
    if current_user.role is Role.ASSESSOR:
        return "What changed since you last reviewed it"
    return f"What changed in version {new.sequence}"


def _items_answered_for(form: TriggerForm, old: FormSnapshot) -> list[ReturnItem]:
    """The items sent back with `old` (returned in its round), and any not yet closed."""
    return [
        item
        for item in items_for(form, include_pending=False)
        if item.round == old.round or item.status is not ReturnItemStatus.CLOSED
    ]
