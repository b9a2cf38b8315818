"""Replaying a form's event log through the lifecycle definition."""

import pytest
from sqlalchemy import select

from tests.workflow import lifecycle
from tests.workflow.lifecycle import Cast
from triggerflow.db import db
from triggerflow.models import FormEvent
from triggerflow.workflow.replay import BrokenHistory, replay
from triggerflow.workflow.states import FormState


def history(form) -> list[FormEvent]:
    return list(db.session.scalars(select(FormEvent).where(FormEvent.form_id == form.id).order_by(FormEvent.id)))


def test_a_history_written_by_the_service_replays_to_the_state_the_form_holds(people):
    form = lifecycle.resubmitted(Cast(people.officer, people.spoc, people.assessor))
    assert replay(history(form)) == form.state == FormState.RESUBMITTED


def test_a_history_with_an_event_missing_does_not_replay(people):
    events = history(lifecycle.under_assessment(Cast(people.officer, people.spoc, people.assessor)))
    del events[2]  # the SPOC's submit
    with pytest.raises(BrokenHistory, match="claim"):
        replay(events)


def test_a_move_the_lifecycle_does_not_allow_does_not_replay(people):
    events = history(lifecycle.submitted(Cast(people.officer, people.spoc, people.assessor)))
    events[-1].to_state = FormState.ACCEPTED  # straight from the SPOC to accepted
    with pytest.raises(BrokenHistory, match="submit"):
        replay(events)
    db.session.rollback()


def test_a_history_that_does_not_start_with_the_form_being_created_does_not_replay(people):
    events = history(lifecycle.spoc_review(Cast(people.officer, people.spoc, people.assessor)))
    with pytest.raises(BrokenHistory):
        replay(events[1:])
    with pytest.raises(BrokenHistory):
        replay([])
