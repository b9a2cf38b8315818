"""Due dates (DESIGN section 6): when the ROCTA must decide, the force resubmit, a return lapse.

Assessment is due a number of working days after each (re)submission; the resubmit-by date is
set on the form by the workflow when it is returned (RESUBMIT_WITHIN_DAYS) and only read here;
a return lapses a number of calendar days after the form was returned (or reopened), and never
before its resubmit-by date has passed.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app

from triggerflow.clocks.working_days import add_working_days, local_date, start_of_local_day, subtract_working_days
from triggerflow.workflow.states import ROCTA_STATES, FormState

ASSESSMENT = "assessment"
RESUBMISSION = "resubmission"


@dataclass(frozen=True)
class Due:
    kind: str  # ASSESSMENT or RESUBMISSION
    on: date
    today: date

    @property
    def overdue(self) -> bool:
        return self.today > self.on

    @property
    def soon(self) -> bool:
        """Within the reminder window and not yet overdue."""
        return not self.overdue and self.today >= remind_from(self.on)

    @property
    def label(self) -> str:
        return "Assessment due" if self.kind == ASSESSMENT else "Resubmit by"


def assessment_days() -> int:
    return current_app.config["ASSESSMENT_WITHIN_WORKING_DAYS"]


def assessment_due(submitted_at: datetime) -> date:
    return add_working_days(local_date(submitted_at), assessment_days())


def submitted_before_is_due_by(on: date) -> datetime:
    """The moment before which a (re)submission is due for assessment on or before `on`.

    The inverse of assessment_due, so that a query can select the forms due by a date in SQL.
    """
    return start_of_local_day(subtract_working_days(on + timedelta(days=1), assessment_days()))


def remind_from(due_on: date) -> date:
    """The first day on which a reminder goes out before `due_on`."""
    return subtract_working_days(due_on, current_app.config["REMIND_WORKING_DAYS_BEFORE"])


def lapses_on(returned_since: datetime, resubmit_by: date | None) -> date:
    """The first day on which a return not resubmitted lapses."""
    after = local_date(returned_since) + timedelta(days=current_app.config["LAPSE_AFTER_DAYS"])
    if resubmit_by is not None:
        after = max(after, resubmit_by + timedelta(days=1))
    return after


def due_for(state: FormState, submitted_at: datetime | None, resubmit_by: date | None, today: date) -> Due | None:
    """What is due next on a form in `state`, if anything."""
    if state in ROCTA_STATES and submitted_at is not None:
        return Due(ASSESSMENT, assessment_due(submitted_at), today)
    if state is FormState.RETURNED and resubmit_by is not None:
        return Due(RESUBMISSION, resubmit_by, today)
    return None
