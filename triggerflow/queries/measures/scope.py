"""What a measure counts over: the user's scope, the filters they chose, and the period.

Every measure starts from `MeasureScope.forms()`, so a manager can never count, list or
download a form outside `queries.scope.visible_to(user)`.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Select, and_, select, true

from triggerflow.db import utcnow
from triggerflow.models import Force, FormEvent, Region, Role, TriggerForm, User
from triggerflow.queries.scope import EVERYTHING, SENT, scope_kind, visible_to


@dataclass(frozen=True)
class Filters:
    """The period (both days included) and the optional narrowing a manager chose."""

    start: date
    end: date
    region: str | None = None  # region code
    force: str | None = None  # force code
    theme: str | None = None
    threat_type: str | None = None
    assessor_id: int | None = None  # forms this assessor claimed

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time.min, UTC)

    @property
    def until(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time.min, UTC)

    @classmethod
    def last_twelve_months(cls, today: date) -> "Filters":
        """This month and the eleven before it, up to today."""
        month = today.month - 11
        year = today.year + (month - 1) // 12
        return cls(start=date(year, (month - 1) % 12 + 1, 1), end=today)


@dataclass(frozen=True)
class MeasureScope:
    user: User
    filters: Filters
    now: datetime = field(default_factory=utcnow)
    from_rollups: bool = True  # False: every figure from its facts, form by form (to check the rollups)

    def forms(self) -> Select:
        """id, force and the columns measures group by, for every form in scope and filters."""
        return select(
            TriggerForm.id.label("form_id"),
            TriggerForm.force_id,
            TriggerForm.state,
            TriggerForm.first_submitted_at,
            TriggerForm.operation_running,
        ).where(self.form_condition())

    def form_condition(self) -> ColumnElement[bool]:
        f = self.filters
        condition = and_(visible_to(self.user), TriggerForm.force_id.in_(self.forces()))
        if f.theme:
            condition &= TriggerForm.primary_theme == f.theme
        if f.threat_type:
            condition &= TriggerForm.threat_type == f.threat_type
        if f.assessor_id:
            # IN, not a correlated EXISTS: SQLite would run the EXISTS once per form of the theme or force,
            # where the IN reads the assessor's claims once.
            claimed = select(FormEvent.form_id).where(FormEvent.action == "claim", FormEvent.actor_id == f.assessor_id)
            condition &= TriggerForm.id.in_(claimed)
        return condition

    def narrows_sent_forms(self) -> bool:
        """Whether form_condition can leave out a form that has been sent: not for a user who sees every
        sent form and chose no filter, so a measure of sent forms alone may then leave it out."""
        f = self.filters
        sees_all_sent = scope_kind(self.user) in (EVERYTHING, SENT)
        return not sees_all_sent or any((f.region, f.force, f.theme, f.threat_type, f.assessor_id))

    def forces(self) -> Select:
        """Ids of the forces whose figures this user may see, narrowed by the filters."""
        return select(Force.id).join(Region).where(self._force_scope(), *self._force_filters())

    def in_period(self, column) -> ColumnElement[bool]:
        return and_(column >= self.filters.since, column < self.filters.until)

    def _force_scope(self) -> ColumnElement[bool]:
        user = self.user
        if user.role is Role.ADMIN or (user.role is Role.MANAGER and not user.force_id and not user.region_id):
            return true()
        if user.role is Role.MANAGER and user.force_id:
            return Force.id == user.force_id
        if user.role in (Role.MANAGER, Role.ASSESSOR):
            return Force.region_id == (user.region_id or -1)
        return Force.id == (user.force_id or -1)

    def _force_filters(self) -> list[ColumnElement[bool]]:
        f = self.filters
        return [
            condition
            for wanted, condition in (
                (f.region, Region.code == f.region),
                (f.force, Force.code == f.force),
            )
            if wanted
        ]
