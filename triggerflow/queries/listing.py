"""Forms in a user's scope, filtered, for the API's list and the CSV exports.

Both read the same `FormFilters`, so a list and its download always hold the same forms.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Select, and_, select, true
from sqlalchemy.orm import joinedload

from triggerflow.db import db
from triggerflow.models import Force, TriggerForm, User
from triggerflow.queries.scope import visible_to
from triggerflow.workflow.states import FormState


@dataclass(frozen=True)
class FormFilters:
    states: tuple[FormState, ...] = ()
    force: str | None = None  # force code
    theme: str | None = None  # primary theme
    threat_type: str | None = None
    created_from: date | None = None  # both days included
    created_to: date | None = None
    updated_since: datetime | None = None

    def condition(self, user: User) -> ColumnElement[bool]:
        """The user's scope narrowed by these filters, as one WHERE clause over trigger_forms."""
        clauses = [visible_to(user)]
        if self.states:
            clauses.append(TriggerForm.state.in_(self.states))
        if self.force:
            clauses.append(TriggerForm.force_id.in_(select(Force.id).where(Force.code == self.force.upper())))
        if self.theme:
            clauses.append(TriggerForm.primary_theme == self.theme)
        if self.threat_type:
            clauses.append(TriggerForm.threat_type == self.threat_type)
        if self.created_from:
            clauses.append(TriggerForm.created_at >= _start_of(self.created_from))
        if self.created_to:
            clauses.append(TriggerForm.created_at < _start_of(self.created_to + timedelta(days=1)))
        if self.updated_since:
            clauses.append(TriggerForm.updated_at >= self.updated_since)
        return and_(true(), *clauses)

    def as_dict(self) -> dict[str, str | list[str]]:
        """The filters that were set, as JSON-ready text (for the export audit)."""
        found = {name: value for name, value in vars(self).items() if value not in (None, ())}
        return {
            name: [str(v) for v in value] if isinstance(value, tuple) else str(value) for name, value in found.items()
        }


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, UTC)


def forms_page(user: User, filters: FormFilters, before_id: int | None, limit: int) -> list[TriggerForm]:
    """Up to `limit` forms, newest first, starting after the form `before_id` (the cursor)."""
    query = (
        select(TriggerForm)
        .options(joinedload(TriggerForm.force))
        .where(filters.condition(user))
        .order_by(TriggerForm.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        query = query.where(TriggerForm.id < before_id)
    return list(db.session.scalars(query))


def filtered_forms(user: User, filters: FormFilters) -> Select:
    """The ids of the forms in the user's scope that match the filters."""
    return select(TriggerForm.id).where(filters.condition(user))
