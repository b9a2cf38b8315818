"""What needs attention, for templates: the needs-action count, due dates, clocks, repeat returns."""

from typing import Any

from flask import current_app, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from triggerflow.queries.clocks import TWICE
from triggerflow.queries.needs_action import needs_action_count


def my_work_item(text: str) -> dict[str, Any]:
    """The navigation item's label with the count of forms waiting for the user, when there are any."""
    count = needs_action_count(current_user)
    if not count:
        return {}
    noun = "form needs" if count == 1 else "forms need"
    return {
        "html": Markup(
            '{} <strong class="app-count" data-needs-action="{}">{}'
            '<span class="govuk-visually-hidden"> {} your action</span></strong>'
        ).format(escape(text), count, count, noun)
    }


def mail_items() -> list[dict[str, Any]]:
    """A link to the development mail folder page, where it is on."""
    if not current_app.config["MAIL_PAGE"]:
        return []
    href = url_for("mail.index")
    return [{"href": href, "text": "Mail sent", "active": request.path.startswith(href)}]


def returned_label(returns: int | None) -> str | None:
    """The flag on a form returned twice or more."""
    if not returns or returns < TWICE:
        return None
    return "Returned twice" if returns == TWICE else f"Returned {returns} times"


TEMPLATE_GLOBALS = {"returned_label": returned_label}
