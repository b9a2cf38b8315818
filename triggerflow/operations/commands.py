"""`flask --app triggerflow backup PATH` and `restore PATH`."""

from pathlib import Path

import click

from triggerflow.operations.backup import BackupError, backup, restore


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(path: Path) -> None:
    """Copy the whole database to a new file PATH, while the service runs."""
    try:
        backup(path)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backed up the database to {path} ({path.stat().st_size:,} bytes).")


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation")
def restore_command(path: Path, yes: bool) -> None:
    """Replace everything in the database with the backup in PATH."""
    if not yes:
        click.confirm(f"Replace everything in the database with {path}?", abort=True)
    try:
        restore(path)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Restored the database from {path}. Now run `flask --app triggerflow db upgrade`: it brings "
        "a backup made by an older version up to date, and does nothing otherwise."
    )
