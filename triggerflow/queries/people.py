"""Who people can turn to: a force's SPOCs."""

from sqlalchemy import select

from triggerflow.db import db
from triggerflow.models import Role, User


def spocs_of(force_id: int | None) -> list[User]:
    """The force's active SPOCs, by name."""
    if force_id is None:
        return []
    return list(
        db.session.scalars(
            select(User)
            .where(User.force_id == force_id, User.role == Role.SPOC, User.active.is_(True))
            .order_by(User.name, User.id)
        )
    )
