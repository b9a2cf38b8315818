"""What a user may filter the dashboards by: only regions, forces and assessors in their scope."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from triggerflow.db import db
from triggerflow.models import Force, Region, Role, User
from triggerflow.queries.measures.scope import Filters, MeasureScope


@dataclass(frozen=True)
class FilterChoices:
    regions: list[tuple[str, str]]  # (code, name); empty when the user's scope is one region or force
    forces: list[tuple[str, str]]
    assessors: list[tuple[str, str]]  # (id, name)


def filter_choices(user: User) -> FilterChoices:
    scope = MeasureScope(user, Filters(date.min, date.min))
    forces = db.session.execute(
        select(Force.code, Force.name, Force.region_id).where(Force.id.in_(scope.forces())).order_by(Force.name)
    ).all()
    region_ids = {region_id for _, _, region_id in forces}
    regions: list[tuple[str, str]] = []
    if len(region_ids) > 1:
        regions = [
            (code, name)
            for code, name in db.session.execute(
                select(Region.code, Region.name).where(Region.id.in_(region_ids)).order_by(Region.name)
            )
        ]
    if user.role is Role.ASSESSOR:
        assessors = [(str(user.id), user.name)]
    else:
        assessors = [
            (str(i), name)
            for i, name in db.session.execute(
                select(User.id, User.name)
                .where(User.role == Role.ASSESSOR, User.region_id.in_(region_ids))
                .order_by(User.name, User.id)
            )
        ]
    return FilterChoices(regions, [(code, name) for code, name, _ in forces], assessors)
