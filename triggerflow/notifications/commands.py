"""`flask --app triggerflow send-reminders` and `send-mail`, for cron or a Kubernetes CronJob."""

import click

from triggerflow.notifications import outbox, reminders


@click.command("send-reminders")
@click.option(
    "--date",
    "today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Act as if today were this date (YYYY-MM-DD); for catching up after an outage.",
)
def send_reminders_command(today) -> None:
    """Send reminders and overdue notices, lapse stale returns, then send the e-mail."""
    click.echo(reminders.run(today.date() if today else None))
    click.echo(outbox.send_pending())


@click.command("send-mail")
def send_mail_command() -> None:
    """Send the e-mail waiting in the outbox, retrying earlier failures that are due."""
    click.echo(outbox.send_pending())
