"""`flask --app triggerflow ...` commands."""

import click
from flask import Flask, current_app
from sqlalchemy import select

from triggerflow.accounts.users import create_user
from triggerflow.api.commands import create_token_command
from triggerflow.audit.commands import verify_audit_command
from triggerflow.db import db
from triggerflow.models import Force, Region, Role
from triggerflow.notifications.commands import send_mail_command, send_reminders_command
from triggerflow.operations.commands import backup_command, restore_command
from triggerflow.reference_data import seed_reference_data
from triggerflow.rollups.commands import rebuild_rollups_command
from triggerflow.search.commands import rebuild_search_index_command
from triggerflow.synthetic.command import generate_data_command
from triggerflow.workflow.commands import rebuild_stays_command


@click.command("seed-reference-data")
def seed_reference_data_command() -> None:
    """Load the 10 regions and their forces (idempotent)."""
    regions, forces = seed_reference_data()
    click.echo(f"{regions} regions and {forces} forces loaded.")


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--force", "force_code", help="Force code, for officers, SPOCs and force managers")
@click.option("--region", "region_code", help="Region code, for assessors and regional managers")
@click.password_option(help="12 to 128 characters, not a common password (see the README); asked for when not given")
def create_user_command(email, name, role, force_code, region_code, password) -> None:
    """Create a user who signs in with an e-mail address and password."""
    force = _by_code(Force, force_code)
    region = _by_code(Region, region_code)
    try:
        user = create_user(email=email, name=name, password=password, role=Role(role), force=force, region=region)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {user.role.label} {user.email}.")


@click.command("load-demo-data")
def load_demo_data_command() -> None:
    """Create the README's demo accounts and forms (idempotent; refused in production)."""
    if not current_app.config["DEMO_DATA_ALLOWED"]:
        raise click.ClickException("Demo data is not allowed in this environment.")
    from triggerflow.demo import load_demo_data

    click.echo(load_demo_data())


def _by_code(model, code: str | None):
    if not code:
        return None
    found = db.session.scalar(select(model).where(model.code == code.upper()))
    if found is None:
        raise click.ClickException(f"No {model.__name__.lower()} has the code {code!r}. Run seed-reference-data first.")
    return found


def register_cli(app: Flask) -> None:
    for command in (
        seed_reference_data_command,
        create_user_command,
        load_demo_data_command,
        generate_data_command,
        send_reminders_command,
        send_mail_command,
        create_token_command,
        verify_audit_command,
        backup_command,
        restore_command,
        rebuild_stays_command,
        rebuild_search_index_command,
        rebuild_rollups_command,
    ):
        app.cli.add_command(command)
