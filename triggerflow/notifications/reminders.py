"""The scheduled run: reminders before due dates, overdue notices, and the lapse of stale returns.

Safe to run again and on several hosts at once. Each reminder is keyed in reminders_sent by
form, kind and due date (a unique constraint): the run that inserts the key writes the e-mail
in the same transaction, and any other run finds the key taken and sends nothing. A lapse goes
through the workflow service, whose version check refuses a second lapse of the same form.
"""

from dataclasses import dataclass
from datetime import date

from flask import current_app

from triggerflow.clocks.due import ASSESSMENT, Due, due_for, lapses_on
from triggerflow.clocks.working_days import local_today
from triggerflow.models import TriggerForm, User
from triggerflow.notifications import messages
from triggerflow.notifications.reminder_keys import claim_and_write
from triggerflow.queries import due_work, recipients
from triggerflow.threats import reminders as threat_reminders
from triggerflow.workflow.errors import WorkflowError
from triggerflow.workflow.service import perform


@dataclass
class RemindersReport:
    reminders: int = 0
    lapsed: int = 0

    def __str__(self) -> str:
        return f"{self.reminders} reminders sent, {self.lapsed} returns lapsed."


def run(today: date | None = None) -> RemindersReport:
    today = today or local_today()
    report = RemindersReport()
    report.lapsed = lapse_stale_returns(today)
    horizon = due_work.reminder_horizon(today, current_app.config["REMIND_WORKING_DAYS_BEFORE"])
    for form in due_work.assessments_due_by(horizon) + due_work.resubmissions_due_by(horizon):
        due = due_for(form.state, form.submitted_at, form.resubmit_by, today)
        if due is not None and (due.soon or due.overdue) and _remind(form, due):
            report.reminders += 1
    report.reminders += threat_reminders.run(today, horizon)
    return report


def lapse_stale_returns(today: date) -> int:
    lapsed = 0
    for form, since in due_work.returns_to_lapse(today, current_app.config["LAPSE_AFTER_DAYS"]):
        if lapses_on(since, form.resubmit_by) > today:
            continue
        try:
            perform(form, "lapse", None, expected_version=form.version, today=today)
        except WorkflowError:
            continue  # another run lapsed it first, or someone resubmitted it meanwhile
        lapsed += 1
    return lapsed


def _kind(due: Due) -> str:
    return f"{due.kind}_{'overdue' if due.overdue else 'due_soon'}"


def _remind(form: TriggerForm, due: Due) -> bool:
    kind = _kind(due)
    return claim_and_write(
        form.id,
        kind,
        due.on,
        lambda: messages.queue(
            _reminded(form, due),
            kind=kind,
            form=form,
            template="reminder.txt",
            headline=HEADLINES[kind].format(number=form.number),
            due_label=due.label,
            due_on=due.on,
            overdue=due.overdue,
            what_next=_what_next(due),
        ),
    )


def _reminded(form: TriggerForm, due: Due) -> list[User]:
    if due.kind == ASSESSMENT:
        people = recipients.routed_assessors(form)
        # Overdue assessments go to the regional managers too, who can reassign the work.
        return recipients.unique(people + recipients.regional_managers(form)) if due.overdue else people
    return recipients.author_and_spocs(form)


HEADLINES = {
    "assessment_due_soon": "Assessment of trigger form {number} is due soon",
    "assessment_overdue": "Assessment of trigger form {number} is overdue",
    "resubmission_due_soon": "Returned trigger form {number} must be resubmitted soon",
    "resubmission_overdue": "Returned trigger form {number} is overdue for resubmission",
}


def _what_next(due: Due) -> str:
    config = current_app.config
    if due.kind == ASSESSMENT:
        return (
            f"An assessment is due {config['ASSESSMENT_WITHIN_WORKING_DAYS']} working days after each "
            "submission or resubmission."
        )
    return (
        f"Answer each return item and resubmit the form. A return that is not resubmitted lapses "
        f"{config['LAPSE_AFTER_DAYS']} days after it was returned."
    )
