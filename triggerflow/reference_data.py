"""Loads the regions and forces the project ships (data/forces.csv), idempotently."""

import csv
from importlib import resources

from sqlalchemy import select

from triggerflow.db import db, transaction
from triggerflow.models import Force, Region


def load_forces_csv() -> list[dict[str, str]]:
    with resources.files("triggerflow").joinpath("data/forces.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def seed_reference_data() -> tuple[int, int]:
    """Insert or update every region and force; returns how many of each exist afterwards."""
    with transaction():
        regions = {r.code: r for r in db.session.scalars(select(Region))}
        forces = {f.code: f for f in db.session.scalars(select(Force))}
        for row in load_forces_csv():
            region = regions.get(row["region"])
            if region is None:
                region = regions[row["region"]] = Region(code=row["region"], name=row["region_name"])
                db.session.add(region)
            region.name = row["region_name"]
            force = forces.get(row["force"])
            if force is None:
                force = forces[row["force"]] = Force(code=row["force"], name=row["force_name"], region=region)
                db.session.add(force)
            force.name, force.region = row["force_name"], region
    return len(regions), len(forces)
