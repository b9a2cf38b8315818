"""`flask --app triggerflow rebuild-search-index`: every form's search words written again."""

import click

from triggerflow.db import db
from triggerflow.search import index


@click.command("rebuild-search-index")
def rebuild_search_index_command() -> None:
    """Write the words every form is found by again: after a restore from an older backup, a bulk
    load that went round the application, or a change to what search matches."""
    with db.engine.begin() as connection:
        count = index.rebuild(connection)
    click.echo(f"Rebuilt the search index: {count} forms.")
