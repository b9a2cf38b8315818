"""Forces and regions as choices: the geography questions offer every one of them."""

from sqlalchemy import case, select

from triggerflow.db import db
from triggerflow.models import Force, Region


def forces_by_region(first_region_id: int | None = None) -> list[tuple[str, str, str]]:
    """(force code, force name, region name), grouped by region; `first_region_id`'s forces lead."""
    own_region_first = case((Region.id == (first_region_id or -1), 0), else_=1)
    rows = db.session.execute(
        select(Force.code, Force.name, Region.name)
        .join(Force.region)
        .order_by(own_region_first, Region.name, Force.name)
    )
    return [(code, name, region) for code, name, region in rows]


def regions() -> list[tuple[str, str]]:
    return [(code, name) for code, name in db.session.execute(select(Region.code, Region.name).order_by(Region.name))]


def force_id_by_code(code: str) -> int | None:
    return db.session.scalar(select(Force.id).where(Force.code == code.upper()))
