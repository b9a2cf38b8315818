"""Synthetic officers, SPOCs and assessors: invented names, and accounts nobody can sign in to."""

from collections.abc import Iterable
from random import Random

from sqlalchemy import Connection, insert, select

from triggerflow.db import utcnow
from triggerflow.models import Role, User
from triggerflow.synthetic.lifecycle import Cast
from triggerflow.synthetic.names import person

# Not an Argon2 hash, so no password ever verifies against it.
NO_SIGN_IN = "!synthetic-account-no-sign-in"
EMAIL_DOMAIN = "synthetic.example.police.uk"


def casts(connection: Connection, forces: list[dict], expected: dict[str, float], seed: int) -> dict[int, Cast]:
    """The people of every force, created if missing, sized to the forms each will send."""
    rng = Random(f"people-{seed}")
    wanted: list[dict] = []
    by_force: dict[int, tuple[list[str], list[str]]] = {}
    region_forms: dict[str, float] = {}
    for force in forces:
        region_forms[force["region"]] = region_forms.get(force["region"], 0) + expected[force["code"]]
        officers = _people(
            rng,
            wanted,
            Role.OFFICER,
            f"{force['code']}.officer",
            max(3, min(40, round(expected[force["code"]] / 30))),
            force_id=force["id"],
            region_id=force["region_id"],
        )
        spocs = _people(
            rng,
            wanted,
            Role.SPOC,
            f"{force['code']}.spoc",
            3 if expected[force["code"]] > 300 else 2,
            force_id=force["id"],
            region_id=force["region_id"],
        )
        by_force[force["id"]] = (officers, spocs)
    assessors = {}
    for region, region_id in sorted({(f["region"], f["region_id"]) for f in forces}):
        count = max(3, min(20, round(region_forms[region] / 300)))
        assessors[region] = _people(rng, wanted, Role.ASSESSOR, f"{region}.assessor", count, region_id=region_id)
    ids = _ensure(connection, wanted)
    return {
        f["id"]: Cast(
            force_id=f["id"],
            officers=tuple(ids[e] for e in by_force[f["id"]][0]),
            spocs=tuple(ids[e] for e in by_force[f["id"]][1]),
            assessors=tuple(ids[e] for e in assessors[f["region"]]),
            spoc_gate=f["spoc_gate"],
        )
        for f in forces
    }


def _people(rng: Random, wanted: list[dict], role: Role, tag: str, count: int, **where) -> list[str]:
    emails = []
    for n in range(1, count + 1):
        forename, surname = person(rng)
        email = f"{tag.lower()}{n:02d}@{EMAIL_DOMAIN}"
        wanted.append(
            {
                "email": email,
                "name": f"{forename} {surname}",
                "role": role.value,
                "password_hash": NO_SIGN_IN,
                "active": True,
                "created_at": utcnow(),
                "force_id": None,
                "region_id": None,
                **where,
            }
        )
        emails.append(email)
    return emails


def _ensure(connection: Connection, wanted: list[dict]) -> dict[str, int]:
    """Ids by e-mail; accounts from an earlier run with the same names are reused."""
    emails = [row["email"] for row in wanted]
    existing = _ids(connection, emails)
    missing = [row for row in wanted if row["email"] not in existing]
    if missing:
        connection.execute(insert(User.__table__), missing)
    return _ids(connection, emails)


def _ids(connection: Connection, emails: Iterable[str]) -> dict[str, int]:
    emails = list(emails)
    found = {}
    for start in range(0, len(emails), 500):
        found.update(
            connection.execute(select(User.email, User.id).where(User.email.in_(emails[start : start + 500]))).all()
        )
    return found
