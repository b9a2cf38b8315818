"""What administrators look through: users, forces with their SPOCs, the audit trail, exports."""

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from triggerflow.db import db
from triggerflow.models import AdminEvent, ExportRecord, Force, Region, Role, User
from triggerflow.queries.pages import Page

PAGE_SIZE = 50


def users(page: int = 1, search: str | None = None) -> Page:
    """Users by name, optionally those whose name or e-mail address contains `search`."""
    query = select(User).options(joinedload(User.force), joinedload(User.region))
    if search:
        pattern = f"%{search.strip().lower()}%"
        query = query.where(or_(func.lower(User.name).like(pattern), func.lower(User.email).like(pattern)))
    return _page(query.order_by(User.name, User.id), page)


def forces() -> list[dict]:
    """Every force with its region, SPOC gate and how many active SPOCs it has, by region then name."""
    spocs = (
        select(func.count(User.id))
        .where(User.force_id == Force.id, User.role == Role.SPOC, User.active.is_(True))
        .correlate(Force)
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(
            Force.id, Force.code, Force.name, Force.spoc_gate, Region.name.label("region_name"), spocs.label("spocs")
        )
        .join(Region, Region.id == Force.region_id)
        .order_by(Region.name, Force.name)
    ).mappings()
    return [dict(row) for row in rows]


def events(page: int = 1) -> Page:
    """The admin audit trail, newest first."""
    return _page(
        select(AdminEvent).options(joinedload(AdminEvent.actor)).order_by(AdminEvent.at.desc(), AdminEvent.id.desc()),
        page,
    )


def exports(page: int = 1) -> Page:
    """Every CSV that has left TriggerFlow, by web page or API, newest first."""
    return _page(
        select(ExportRecord)
        .options(joinedload(ExportRecord.user))
        .order_by(ExportRecord.at.desc(), ExportRecord.id.desc()),
        page,
    )


def _page(query, number: int) -> Page:
    total = db.session.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
    number = min(max(1, number), max(1, -(-total // PAGE_SIZE)))
    rows = list(db.session.scalars(query.limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE)).unique())
    return Page(rows, number, PAGE_SIZE, total)
