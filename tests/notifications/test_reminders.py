"""send-reminders: reminders before due dates, overdue notices, lapse at 28 days; never twice."""

import threading
from datetime import timedelta

from sqlalchemy import func, select

from tests import factories
from triggerflow.clocks.due import assessment_due
from triggerflow.clocks.working_days import local_date, subtract_working_days
from triggerflow.db import db, utcnow
from triggerflow.models import FormEvent, OutboxMessage, ReminderSent
from triggerflow.notifications import reminders
from triggerflow.workflow.service import perform
from triggerflow.workflow.states import FormState


def messages(kind: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)))


def count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


def test_the_assessors_are_reminded_two_working_days_before_an_assessment_is_due(people):
    form = factories.submitted(people.officer, people.spoc)
    due = assessment_due(form.submitted_at)

    assert reminders.run(today=subtract_working_days(due, 3)).reminders == 0
    assert reminders.run(today=subtract_working_days(due, 2)).reminders == 1

    sent = messages("assessment_due_soon")
    assert {m.to_address for m in sent} == {people.assessor.email, people.assessor2.email}
    assert sent[0].subject.endswith(f"Assessment of trigger form {form.number} is due soon")
    assert f"Assessment due: {due:%-d %B %Y}" in sent[0].body


def test_an_overdue_assessment_goes_to_the_holder_and_the_regional_managers(people):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    overdue = assessment_due(form.submitted_at) + timedelta(days=1)

    reminders.run(today=overdue)

    assert {m.to_address for m in messages("assessment_overdue")} == {
        people.assessor.email,
        people.regional_manager.email,
    }
    assert "(overdue)" in messages("assessment_overdue")[0].body


def test_the_force_is_reminded_before_the_resubmit_by_date_and_told_when_it_has_passed(people):
    form = factories.returned(people.officer, people.spoc, people.assessor)

    reminders.run(today=subtract_working_days(form.resubmit_by, 1))
    reminders.run(today=form.resubmit_by + timedelta(days=1))

    everyone = {people.officer.email, people.spoc.email, people.spoc2.email}
    assert {m.to_address for m in messages("resubmission_due_soon")} == everyone
    assert {m.to_address for m in messages("resubmission_overdue")} == everyone


def test_running_twice_sends_nothing_twice(people):
    factories.returned(people.officer, people.spoc, people.assessor)
    factories.submitted(people.officer2, people.spoc)
    later = local_date(db.session.scalar(select(func.max(FormEvent.at)))) + timedelta(days=20)

    first = reminders.run(today=later)
    outbox, keys = count(OutboxMessage), count(ReminderSent)
    second = reminders.run(today=later)

    assert first.reminders == 2 and second.reminders == 0
    assert (count(OutboxMessage), count(ReminderSent)) == (outbox, keys)


def test_a_return_lapses_through_the_workflow_28_days_after_it_was_returned(people):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    returned_on = local_date(form.returned_at)

    assert reminders.run(today=returned_on + timedelta(days=27)).lapsed == 0
    assert reminders.run(today=returned_on + timedelta(days=28)).lapsed == 1

    db.session.refresh(form)
    assert form.state is FormState.LAPSED
    event = db.session.scalar(select(FormEvent).where(FormEvent.form_id == form.id).order_by(FormEvent.id.desc()))
    assert (event.action, event.actor_id, event.from_state) == ("lapse", None, FormState.RETURNED)
    assert {m.to_address for m in messages("lapse")} == {people.officer.email, people.spoc.email, people.spoc2.email}
    assert reminders.run(today=returned_on + timedelta(days=29)).lapsed == 0


def test_a_reopened_form_gets_another_28_days_before_it_lapses_again(people):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    reminders.run(today=local_date(form.returned_at) + timedelta(days=28))
    perform(form, "reopen", people.spoc, comment="The officer was on leave; the answers are nearly ready.")
    reopened_on = local_date(utcnow())

    assert reminders.run(today=reopened_on + timedelta(days=27)).lapsed == 0
    assert reminders.run(today=reopened_on + timedelta(days=28)).lapsed == 1


def test_two_runs_at_once_send_each_reminder_once_and_lapse_each_form_once(app, people):
    stale = factories.returned(people.officer, people.spoc, people.assessor)
    factories.submitted(people.officer2, people.spoc)
    factories.returned(people.officer2, people.spoc, people.assessor2)
    today = local_date(stale.returned_at) + timedelta(days=28)
    start = threading.Barrier(2)
    reports, errors = [], []

    def run_on_another_host():
        try:
            with app.app_context():
                start.wait(timeout=10)
                reports.append(reminders.run(today=today))
                db.session.remove()
        except Exception as error:  # noqa: BLE001 - surfaced below: a thread's exception would otherwise vanish
            errors.append(error)

    threads = [threading.Thread(target=run_on_another_host) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sum(r.lapsed for r in reports) == 2  # both returns are 28 days old
    assert sum(r.reminders for r in reports) == 1  # the submission's assessment is overdue
    db.session.expire_all()
    keys = db.session.execute(select(ReminderSent.form_id, ReminderSent.kind, ReminderSent.due_on)).all()
    assert len(keys) == len(set(keys)) == 1
    lapses = db.session.scalar(select(func.count(FormEvent.id)).where(FormEvent.action == "lapse"))
    assert lapses == 2
    per_person = db.session.execute(
        select(OutboxMessage.kind, OutboxMessage.form_id, OutboxMessage.to_address, func.count()).group_by(
            OutboxMessage.kind, OutboxMessage.form_id, OutboxMessage.to_address
        )
    ).all()
    assert all(n == 1 for *_, n in per_person)
