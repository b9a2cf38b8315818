"""Changing the criteria thresholds: each change is a new criteria version, never an edit of an old one."""

from triggerflow.admin import audit
from triggerflow.criteria.limits import LIMIT_LABELS, LIMIT_RANGE
from triggerflow.db import db, transaction, utcnow
from triggerflow.models import CriteriaVersion, Role, User
from triggerflow.queries import criteria_versions
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, StaleForm


def change_thresholds(actor: User, limits: dict[str, int], reason: str, expected_version: int) -> CriteriaVersion:
    """Save `limits` as the next version. `expected_version` is the one the administrator's page showed."""
    if actor.role is not Role.ADMIN:
        raise ActionNotAllowed("Only administrators change the criteria thresholds")
    current = criteria_versions.current()
    if expected_version != current.number:
        raise StaleForm()
    new_limits = {**current.limits, **limits}
    errors = _problems(current.limits, new_limits, reason)
    if errors:
        raise Invalid(errors)
    # Another administrator saving a version first breaks the unique number: transaction() says StaleForm.
    with transaction():
        now = utcnow()
        if not db.session.query(CriteriaVersion.id).first():
            # Version 1 was only ever the defaults in the code: keep it as it stood.
            db.session.add(
                CriteriaVersion(
                    number=current.number,
                    limits=current.limits,
                    created_at=now,
                    reason="The thresholds of DESIGN section 3",
                )
            )
        version = CriteriaVersion(
            number=current.number + 1, limits=new_limits, reason=reason.strip(), created_by_id=actor.id, created_at=now
        )
        db.session.add(version)
        changed = [name for name in new_limits if new_limits[name] != current.limits.get(name)]
        audit.record(
            actor,
            "change_criteria",
            f"Criteria v{version.number}",
            {"version": current.number, **{name: current.limits.get(name) for name in changed}},
            {"version": version.number, **{name: new_limits[name] for name in changed}},
        )
    return version


def _problems(old: dict[str, int], new: dict[str, int], reason: str) -> dict[str, str]:
    low, high = LIMIT_RANGE
    errors = {
        name: f"{LIMIT_LABELS[name][0]}: enter a whole number from {low} to {high}"
        for name, value in new.items()
        if name in LIMIT_LABELS and not (isinstance(value, int) and low <= value <= high)
    }
    if not errors and new == old:
        errors["limits"] = "Change at least one threshold"
    if not (reason or "").strip():
        errors["reason"] = "Enter the reason for the change"
    return errors
