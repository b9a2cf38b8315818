"""The criteria thresholds in force and the versions they have been through."""

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from triggerflow.criteria.thresholds import DEFAULT_LIMITS
from triggerflow.db import db, read
from triggerflow.models import CriteriaVersion

FIRST_VERSION = 1


@dataclass(frozen=True)
class Thresholds:
    number: int
    limits: dict[str, int]
    created_at: datetime | None = None
    created_by: str | None = None
    reason: str | None = None


def current() -> Thresholds:
    """The newest version; version 1 (the defaults of DESIGN section 3) until an administrator changes one."""
    row = db.session.scalar(_newest())
    return _thresholds(row) if row else Thresholds(FIRST_VERSION, dict(DEFAULT_LIMITS))


@cache
def _newest() -> Select:
    # Every form's page checks its completeness against these: the statement is built once.
    return select(CriteriaVersion).order_by(CriteriaVersion.number.desc()).limit(1)


def current_limits() -> dict[str, int]:
    """The thresholds alone, which every form's completeness needs: the newest version's limits, not
    its row and its author's."""
    return _with_defaults(read(_newest_limits()).scalar() or {})


@cache
def _newest_limits() -> Select:
    return select(CriteriaVersion.limits).order_by(CriteriaVersion.number.desc()).limit(1)


def history() -> list[Thresholds]:
    """Every version, newest first."""
    rows = db.session.scalars(
        select(CriteriaVersion).options(joinedload(CriteriaVersion.created_by)).order_by(CriteriaVersion.number.desc())
    )
    return [_thresholds(row) for row in rows] or [Thresholds(FIRST_VERSION, dict(DEFAULT_LIMITS))]


def _thresholds(row: CriteriaVersion) -> Thresholds:
    return Thresholds(
        row.number,
        _with_defaults(row.limits),
        row.created_at,
        row.created_by.name if row.created_by else None,
        row.reason,
    )


def _with_defaults(limits: dict[str, int]) -> dict[str, int]:
    # A threshold added to the code after the version was saved takes its default.
    return {**DEFAULT_LIMITS, **limits}
