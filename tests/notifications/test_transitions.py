"""Every state change writes e-mail to the people who must act next, in the same transaction."""

import pytest
from sqlalchemy import func, select

from tests import factories
from tests.workflow import lifecycle
from triggerflow.db import db
from triggerflow.models import OutboxMessage, OutboxStatus
from triggerflow.workflow.errors import StaleForm
from triggerflow.workflow.service import perform


def outbox(kind: str | None = None) -> list[OutboxMessage]:
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if kind:
        query = query.where(OutboxMessage.kind == kind)
    return list(db.session.scalars(query))


def addressed(kind: str) -> set[str]:
    return {message.to_address for message in outbox(kind)}


@pytest.fixture
def cast(people):
    return lifecycle.Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor)


def test_sending_to_the_spoc_tells_every_spoc_of_the_force(people):
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)

    assert addressed("send_to_spoc") == {people.spoc.email, people.spoc2.email}
    message = outbox("send_to_spoc")[0]
    assert message.subject == f"OFFICIAL-SENSITIVE: Trigger form {form.number} is waiting for your review"
    assert f"/forms/{form.number}" in message.body and message.status is OutboxStatus.PENDING


def test_a_spoc_return_tells_the_author_only(people, cast):
    form = lifecycle.spoc_review(cast)
    perform(form, "spoc_return", people.spoc, comment="Add the second subject's date of birth.")

    assert addressed("spoc_return") == {people.officer.email}
    assert "Add the second subject" not in outbox("spoc_return")[0].body  # comments stay behind sign-in


def test_a_submission_tells_the_regions_assessors_and_nobody_in_another_region(people, cast):
    lifecycle.submitted(cast)

    assert addressed("submit") == {people.assessor.email, people.assessor2.email}


def test_a_return_tells_the_author_and_the_forces_spocs_with_the_resubmit_by_date(people, cast):
    form = lifecycle.returned(cast)

    assert addressed("return_to_force") == {people.officer.email, people.spoc.email, people.spoc2.email}
    assert f"by {form.resubmit_by:%-d %B %Y}" in outbox("return_to_force")[0].body


def test_a_resubmission_goes_to_the_assessor_who_returned_it(people, cast):
    lifecycle.resubmitted(cast)

    assert addressed("resubmit") == {people.assessor.email}


def test_decisions_and_lapses_tell_the_author_and_the_spocs(people, cast):
    lifecycle.accepted(cast)
    lifecycle.lapsed(lifecycle.Cast(author=people.officer2, spoc=people.spoc, assessor=people.assessor))

    assert addressed("accept") == {people.officer.email, people.spoc.email, people.spoc2.email}
    assert addressed("lapse") == {people.officer2.email, people.spoc.email, people.spoc2.email}
    assert "TriggerFlow (scheduled)" in outbox("lapse")[0].body


def test_claiming_tells_nobody_and_nobody_is_told_of_their_own_action(people, cast):
    form = lifecycle.under_assessment(cast)

    assert outbox("claim") == []
    perform(form, "release", people.assessor)
    assert addressed("release") == {people.assessor2.email}


def test_a_refused_transition_writes_no_e_mail(people, cast):
    form = lifecycle.draft(cast)
    before = db.session.scalar(select(func.count(OutboxMessage.id)))

    with pytest.raises(StaleForm):
        perform(form, "send_to_spoc", people.officer, expected_version=form.version - 1)

    assert db.session.scalar(select(func.count(OutboxMessage.id))) == before


def test_disabled_people_are_not_written_to(people, cast):
    people.spoc2.active = False
    db.session.commit()
    form = lifecycle.draft(cast)
    perform(form, "send_to_spoc", people.officer)

    assert addressed("send_to_spoc") == {people.spoc.email}
