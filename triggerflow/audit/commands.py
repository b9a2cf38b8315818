"""`flask --app triggerflow verify-audit`: every form's event chain checked, every break named."""

import click

from triggerflow.audit.verify import Tally, breaks


@click.command("verify-audit")
def verify_audit_command() -> None:
    """Check that no form event was changed, removed or reordered; exit 1 on any break."""
    tally, found = Tally(), 0
    for broken in breaks(tally):
        found += 1
        click.echo(f"BREAK {broken}")
    summary = f"Checked {tally.forms} forms and {tally.events} events"
    if found:
        click.echo(f"{summary}: {found} breaks.", err=True)
        raise SystemExit(1)
    click.echo(f"{summary}: every chain is intact.")
