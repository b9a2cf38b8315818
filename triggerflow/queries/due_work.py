"""Forms with something falling due: the candidates the reminders command looks at.

Each query narrows in SQL to the forms that can be due by a date; the exact working-day
arithmetic (triggerflow.clocks.due) then decides.
"""

from datetime import date, timedelta

from sqlalchemy import or_, select

from triggerflow.clocks.due import submitted_before_is_due_by
from triggerflow.clocks.working_days import add_working_days, start_of_local_day
from triggerflow.db import db
from triggerflow.models import TriggerForm
from triggerflow.queries.clocks import entered_current_state
from triggerflow.workflow.states import ROCTA_STATES, FormState


def assessments_due_by(on: date) -> list[TriggerForm]:
    """Forms with the ROCTA whose assessment is due on or before `on`, oldest first."""
    return list(
        db.session.scalars(
            select(TriggerForm)
            .where(TriggerForm.state.in_(ROCTA_STATES), TriggerForm.submitted_at < submitted_before_is_due_by(on))
            .order_by(TriggerForm.submitted_at, TriggerForm.id)
        )
    )


def resubmissions_due_by(on: date) -> list[TriggerForm]:
    """Returned forms whose resubmit-by date is on or before `on`, soonest first."""
    return list(
        db.session.scalars(
            select(TriggerForm)
            .where(TriggerForm.state == FormState.RETURNED, TriggerForm.resubmit_by <= on)
            .order_by(TriggerForm.resubmit_by, TriggerForm.id)
        )
    )


def returns_to_lapse(today: date, after_days: int) -> list[tuple[TriggerForm, object]]:
    """Returned forms returned (or reopened) `after_days` days or more before `today`, whose
    resubmit-by date has passed, with the moment they were returned."""
    since = entered_current_state()
    cutoff = start_of_local_day(today - timedelta(days=after_days - 1))
    return list(
        db.session.execute(
            select(TriggerForm, since.label("since"))
            .where(
                TriggerForm.state == FormState.RETURNED,
                since < cutoff,
                or_(TriggerForm.resubmit_by.is_(None), TriggerForm.resubmit_by < today),
            )
            .order_by(TriggerForm.id)
        ).all()
    )


def reminder_horizon(today: date, working_days_before: int) -> date:
    """The latest due date that can be inside the reminder window today."""
    # A resubmit-by date may fall on a weekend or a bank holiday: look a week further; the exact
    # window is decided per form.
    return add_working_days(today, working_days_before) + timedelta(days=7)
