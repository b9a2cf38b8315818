"""`flask --app triggerflow rebuild-stays`: every form's stays worked out again from its events."""

import click

from triggerflow.db import db
from triggerflow.rollups import store as rollups
from triggerflow.workflow import stays


@click.command("rebuild-stays")
def rebuild_stays_command() -> None:
    """Work out every stay and its working days again from the events: after the list of bank
    holidays changes, the time measures count the new one."""
    with db.engine.begin() as connection:
        count = stays.rebuild(connection)
        rollups.rebuild(connection)  # their histograms hold the stays' working days
    click.echo(f"Rebuilt {count} stays from the form events, and the dashboards' counts with them.")
