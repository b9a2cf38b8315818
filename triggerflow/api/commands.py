"""`flask --app triggerflow create-token EMAIL --name NAME`: a token for a service account."""

import click

from triggerflow.accounts import tokens
from triggerflow.accounts.users import find_by_email


@click.command("create-token")
@click.argument("email")
@click.option("--name", required=True, help="What the token is for, shown on the user's API tokens page")
@click.option(
    "--days",
    type=click.Choice([str(days) for days in tokens.LIFETIMES]),
    default=str(tokens.DEFAULT_DAYS),
    show_default=True,
    help="How long the token lasts",
)
def create_token_command(email: str, name: str, days: str) -> None:
    """Issue a personal API token to the user with this e-mail address.

    The token is printed once, alone on standard output, so a script can capture it; it is
    not stored anywhere and cannot be shown again.
    """
    user = find_by_email(email)
    if user is None or not user.active:
        raise click.ClickException(f"No active user has the e-mail address {email!r}.")
    try:
        issued = tokens.issue(user, name, int(days), via="cli")
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Token \u201c{issued.token.name}\u201d for {user.email} ({user.role.label}), "
        f"expires {issued.token.expires_at:%Y-%m-%d}. Copy it now: it cannot be shown again.",
        err=True,
    )
    click.echo(issued.secret)
