"""Return items as threads: open -> responded -> closed, and reopened when an answer is not enough."""

import pytest
from sqlalchemy import select

from tests import review_story
from tests.workflow.lifecycle import Cast, returned
from triggerflow.assessment.return_items import items_for, respond
from triggerflow.assessment.threads import close_item, reopen_item
from triggerflow.content import store
from triggerflow.db import db
from triggerflow.models import CommentKind, ReturnItemComment, ReturnItemStatus
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, StaleForm
from triggerflow.workflow.service import perform
from triggerflow.workflow.states import FormState


@pytest.fixture
def review(people):
    """A resubmission claimed back by the assessor who returned it, with its three answered items."""
    form = review_story.resubmitted(people.officer, people.spoc, people.assessor)
    perform(form, "claim", people.assessor)
    return form


def statuses(form) -> dict[str, str]:
    db.session.expire_all()
    return {item.section: item.status.value for item in items_for(form, include_pending=False)}


def item_on(form, section):
    return next(item for item in items_for(form, include_pending=False) if item.section == section)


def test_an_item_goes_open_then_responded_then_closed(people):
    form = review_story.returned_with_three_items(people.officer, people.spoc, people.assessor)
    assert statuses(form) == {"B": "open", "C": "open", "F": "open"}

    review_story.amend(form, people.officer)
    review_story.answer(form, people.officer, sections=("B",))
    assert statuses(form) == {"B": "responded", "C": "open", "F": "open"}

    review_story.answer(form, people.officer, sections=("C", "F"))
    perform(form, "resubmit", people.spoc)
    perform(form, "claim", people.assessor)
    close_item(form, item_on(form, "B"), people.assessor, "Thank you: the date of birth now matches.", form.version)
    assert statuses(form) == {"B": "closed", "C": "responded", "F": "responded"}
    (comment,) = db.session.scalars(select(ReturnItemComment)).all()
    assert (comment.kind, comment.body, comment.author_id) == (
        CommentKind.ROCTA,
        "Thank you: the date of birth now matches.",
        people.assessor.id,
    )


def test_closing_without_a_comment_adds_nothing_to_the_thread(review, people):
    close_item(review, item_on(review, "F"), people.assessor, "", review.version)
    assert statuses(review)["F"] == "closed"
    assert db.session.scalars(select(ReturnItemComment)).all() == []


def test_reopening_moves_the_answer_into_the_thread_and_asks_again(review, people):
    item = item_on(review, "C")
    reopen_item(review, item, people.assessor, "Say which investigation holds the laundering offence.", review.version)

    db.session.expire_all()
    item = item_on(review, "C")
    assert (item.status, item.response, item.responded_by_id) == (ReturnItemStatus.OPEN, None, None)
    thread = db.session.scalars(select(ReturnItemComment).order_by(ReturnItemComment.id)).all()
    assert [(c.kind, c.body, c.author_id) for c in thread] == [
        (CommentKind.FORCE, review_story.RESPONSES["C"], people.officer.id),
        (CommentKind.ROCTA, "Say which investigation holds the laundering offence.", people.assessor.id),
    ]


def test_a_closed_item_can_be_reopened(review, people):
    close_item(review, item_on(review, "B"), people.assessor, None, review.version)
    reopen_item(review, item_on(review, "B"), people.assessor, "The PNC ID still does not match.", review.version)
    assert statuses(review)["B"] == "open"


def test_a_return_with_only_reopened_items_sends_them_back_and_blocks_resubmission_until_answered(review, people):
    close_item(review, item_on(review, "B"), people.assessor, None, review.version)
    close_item(review, item_on(review, "F"), people.assessor, None, review.version)
    reopen_item(review, item_on(review, "C"), people.assessor, "Name the other investigation.", review.version)

    perform(review, "return_to_force", people.assessor)
    assert review.state is FormState.RETURNED
    assert item_on(review, "C").round == review.round

    store.save_section(
        review, "C", {"modus_operandi": "Runners carry drugs by train; amended again."}, people.officer, None
    )
    with pytest.raises(Invalid) as refused:
        perform(review, "resubmit", people.spoc)
    assert any("return item" in message.lower() for message in refused.value.errors.values())

    respond(review, item_on(review, "C"), people.officer, "The laundering offence is held by Operation Tern.", None)
    perform(review, "resubmit", people.spoc)
    assert review.state is FormState.RESUBMITTED


def test_only_the_assessor_holding_the_form_reviews_its_items(review, people):
    item = item_on(review, "B")
    for someone in (people.assessor2, people.officer, people.spoc, people.regional_manager):
        with pytest.raises(ActionNotAllowed):
            close_item(review, item, someone, None, None)
        with pytest.raises(ActionNotAllowed):
            reopen_item(review, item, someone, "Not enough.", None)
    assert statuses(review)["B"] == "responded"


def test_items_cannot_be_reviewed_while_the_form_is_with_the_force(people):
    form = returned(Cast(people.officer, people.spoc, people.assessor))
    item = items_for(form, include_pending=False)[0]
    with pytest.raises(ActionNotAllowed):
        close_item(form, item, people.assessor, None, None)


def test_an_open_item_cannot_be_closed_and_reopening_needs_a_comment(review, people):
    reopen_item(review, item_on(review, "B"), people.assessor, "Check the PNC ID.", review.version)
    with pytest.raises(ActionNotAllowed):
        close_item(review, item_on(review, "B"), people.assessor, None, review.version)
    with pytest.raises(Invalid) as refused:
        reopen_item(review, item_on(review, "C"), people.assessor, "  ", review.version)
    assert refused.value.errors == {"comment": "Enter what the force still needs to do"}


def test_a_stale_page_closes_nothing(review, people):
    seen = review.version
    close_item(review, item_on(review, "B"), people.assessor, None, seen)
    with pytest.raises(StaleForm):
        close_item(review, item_on(review, "C"), people.assessor, None, seen)
    assert statuses(review)["C"] == "responded"
