"""`flask --app triggerflow rebuild-rollups`: the dashboards' counts worked out again from the events."""

import click

from triggerflow.db import db
from triggerflow.rollups import store


@click.command("rebuild-rollups")
def rebuild_rollups_command() -> None:
    """Work out every rollup again from the events, stays and returned items: after a restore from an
    older backup, a bulk load that went round the application, or `flask rebuild-stays`."""
    with db.engine.begin() as connection:
        count = store.rebuild(connection)
    click.echo(f"Rebuilt the rollups: {count} rows.")
