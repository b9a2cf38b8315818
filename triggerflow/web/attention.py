"""What needs attention, for templates: the needs-action count, due dates, clocks, repeat returns."""
from datetime import date
from typing import Any

from flask import current_app, g, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from triggerflow.clocks.due import Due, due_for
from triggerflow.clocks.working_days import local_today
from triggerflow.models import FormEvent, TriggerForm
from triggerflow.queries.clocks import TWICE, FormTiming, timing
from triggerflow.queries.needs_action import needs_action_count


def _today() -> date:
    if "today" not in g:
        g.today = local_today()
    return g.today


def my_work_item(text: str) -> dict[str, Any]:
    """The navigation item's label with the count of forms waiting for the user, when there are any."""
    count = needs_action_count(current_user)
    if not count:
        return {}
    noun = "form needs" if count == 1 else "forms need"
    return {"html": Markup('{} <strong class="app-count" data-needs-action="{}">{}'
                           '<span class="govuk-visually-hidden"> {} your action</span></strong>')
            .format(escape(text), count, count, noun)}


def mail_items() -> list[dict[str, Any]]:
    """A link to the development mail folder page, where it is on."""
    if not current_app.config["MAIL_PAGE"]:
        return []
    href = url_for("mail.index")
    return [{"href": href, "text": "Mail sent", "active": request.path.startswith(href)}]


def form_timing(form: TriggerForm, history: list[FormEvent] | None = None) -> FormTiming:
    return timing(form, events=history)


def row_due(row: dict[str, Any]) -> Due | None:
    """What is due next on a queue row (its state, latest submission and resubmit-by date)."""
    return due_for(row["state"], row.get("submitted_at"), row.get("resubmit_by"), _today())


def returned_label(returns: int | None) -> str | None:
    """The flag on a form returned twice or more."""
    if not returns or returns < TWICE:
        return None
    return "Returned twice" if returns == TWICE else f"Returned {returns} times"


TEMPLATE_GLOBALS = {"form_timing": form_timing, "row_due": row_due, "returned_label": returned_label}
