"""Any text typed as a comment, reason, rationale, response or note: saved exactly (trimmed) or
shown back exactly with the error; never a server error."""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from tests import typed_input
from tests.web.htmlpage import error_summary, parse
from tests.workflow import lifecycle
from tests.workflow.lifecycle import Cast
from triggerflow.assessment.return_items import items_for
from triggerflow.db import db
from triggerflow.input_text import clean
from triggerflow.models import FormEvent, InternalNote, ReturnItem, TriggerForm

PROPERTIES = settings(
    max_examples=5,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def last_event_comment(form: TriggerForm) -> str | None:
    return db.session.scalar(
        select(FormEvent.comment).where(FormEvent.form_id == form.id).order_by(FormEvent.id.desc()).limit(1)
    )


def newest_item_comment(form: TriggerForm) -> str | None:
    return db.session.scalar(
        select(ReturnItem.comment).where(ReturnItem.form_id == form.id).order_by(ReturnItem.id.desc()).limit(1)
    )


def first_item_response(form: TriggerForm) -> str | None:
    return items_for(form, include_pending=False)[0].response


def newest_note(form: TriggerForm) -> str | None:
    return db.session.scalar(
        select(InternalNote.body).where(InternalNote.form_id == form.id).order_by(InternalNote.id.desc()).limit(1)
    )


@dataclass(frozen=True)
class Case:
    who: str  # an attribute of the `people` fixture
    walk: Callable  # lifecycle: where the form must be
    page: str  # under /forms/<number>/; {item} is the form's first return item
    box: str
    kept: Callable[[TriggerForm], str | None]
    also: dict = field(default_factory=dict)  # the page's other questions, answered


CASES = {
    "returning a draft to its officer": Case(
        "spoc", lifecycle.spoc_review, "actions/spoc_return", "comment", last_event_comment
    ),
    "withdrawing a draft": Case("officer", lifecycle.draft, "actions/withdraw", "comment", last_event_comment),
    "reopening a lapsed form": Case("spoc", lifecycle.lapsed, "actions/reopen", "comment", last_event_comment),
    "rejecting": Case(
        "assessor", lifecycle.under_assessment, "actions/reject", "comment", last_event_comment, {"reason_code": "N1"}
    ),
    "a manager releasing an assessor's form": Case(
        "regional_manager", lifecycle.under_assessment, "actions/release", "comment", last_event_comment
    ),
    "adding a return item": Case(
        "assessor",
        lifecycle.under_assessment,
        "return-items/new",
        "comment",
        newest_item_comment,
        {"section": "A", "reason_code": "R02"},
    ),
    "responding to a return item": Case(
        "officer", lifecycle.returned, "return-items/{item}/respond", "response", first_item_response
    ),
    "adding an internal note": Case("assessor", lifecycle.under_assessment, "notes/new", "body", newest_note),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
@PROPERTIES
@given(text=typed_input.text(5000))
def test_any_comment_is_saved_exactly_or_shown_back_with_a_clear_error(case, text, people, sign_in):
    form = case.walk(Cast(people.officer, people.spoc, people.assessor))
    item = next(iter(items_for(form, include_pending=False)), None)
    path = f"/forms/{form.number}/" + case.page.format(item=item.id if item else None)
    typed = clean(text).strip()

    response = sign_in(getattr(people, case.who)).post(
        path, data={case.box: text, "version": form.version, **case.also}
    )

    assert response.status_code in (302, 400, 422), response.status_code
    if 20 <= len(typed) <= 2000:
        assert response.status_code == 302
    db.session.expire_all()
    if response.status_code == 302:
        assert case.kept(form) == typed
    else:
        page = parse(response)
        assert error_summary(page)
        box = page.find("textarea", name=case.box)
        assert "".join(child for child in box.children if isinstance(child, str)) == typed
