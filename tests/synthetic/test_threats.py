"""The replayed inspection's threat register: late plans, and an operation idle for over a year."""

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from triggerflow.db import db
from triggerflow.models import Threat, ThreatEvent, TriggerForm
from triggerflow.queries.measures import Filters, MeasureScope, threats
from triggerflow.synthetic import generate
from triggerflow.threats.states import OPEN_STATES

UNTIL = date(2026, 6, 30)


def test_every_accepted_synthetic_form_has_a_threat_some_with_late_plans_and_one_idle_for_over_a_year(people):
    generate(1500, seed=2026, scenario="south-west", until=UNTIL, months=18)
    accepted = db.session.scalar(select(func.count()).select_from(TriggerForm).where(TriggerForm.state == "accepted"))
    assert db.session.scalar(select(func.count()).select_from(Threat)) == accepted > 0

    scope = MeasureScope(people.regional_manager, Filters(date(2025, 1, 1), UNTIL), datetime(2026, 6, 30, tzinfo=UTC))
    rows = threats.by_force(scope)
    assert sum(r.plan_due for r in rows) > sum(r.plan_on_time for r in rows) > 0  # some plans came late
    assert sum(r.major + r.moderate + r.minor for r in rows) > 0

    last = (
        select(ThreatEvent.threat_id, func.max(ThreatEvent.at).label("at")).group_by(ThreatEvent.threat_id).subquery()
    )
    idle_for_a_year = db.session.scalars(
        select(Threat.id)
        .join(last, last.c.threat_id == Threat.id)
        .where(Threat.state.in_(OPEN_STATES), last.c.at < datetime(2025, 6, 30, tzinfo=UTC))
    ).all()
    assert len(idle_for_a_year) >= 1
