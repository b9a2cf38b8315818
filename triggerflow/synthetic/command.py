"""The `generate-data` command."""

import click
from flask import current_app
from flask.cli import with_appcontext

from triggerflow.clocks.working_days import local_today
from triggerflow.synthetic.generator import generate
from triggerflow.synthetic.profiles import scenario_names


@click.command("generate-data")
@click.option("--forms", "count", type=click.IntRange(min=1), required=True, help="How many forms to create")
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed gives the same data")
@click.option("--scenario", type=click.Choice(scenario_names()), help="Override force profiles from a scenario")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), help="End of the timeline [default: today]")
@click.option(
    "--months",
    type=click.IntRange(min=1),
    default=24,
    show_default=True,
    help="How far back the first forms were created",
)
@with_appcontext
def generate_data_command(count: int, seed: int, scenario: str | None, until, months: int) -> None:
    """Create synthetic forms with full histories (refused in production)."""
    if not current_app.config["DEMO_DATA_ALLOWED"]:
        raise click.ClickException("Synthetic data is not allowed in this environment.")
    end = until.date() if until else local_today()
    summary = generate(
        count,
        seed,
        scenario=scenario,
        until=end,
        months=months,
        progress=lambda done: click.echo(f"{done} forms written", err=True),
    )
    click.echo(
        f"{summary.forms} forms, {summary.events} events and {summary.return_items} return items "
        f"in {summary.seconds:.1f} s ({summary.rate:,.0f} forms a second)."
    )
