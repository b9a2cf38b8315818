"""Values every template can use: the marking, the navigation, labels for states and choices."""

from datetime import date
from zoneinfo import ZoneInfo

from flask import Flask, current_app, g, request, url_for
from flask_login import current_user
from sqlalchemy import select

from triggerflow.content import vocab
from triggerflow.content.sections import field_label, intelligence_references, item_title
from triggerflow.db import db
from triggerflow.models import Force, Region, Role
from triggerflow.threats.definition import ARCHIVE_REASONS
from triggerflow.web import attention
from triggerflow.web.pagination import count_text, page_numbers
from triggerflow.workflow.definition import sending_action
from triggerflow.workflow.routing import event_label
from triggerflow.workflow.states import FormState

LONDON = ZoneInfo("Europe/London")

_NAVIGATION = (
    ("home.index", "My work", None),
    ("search.index", "Search", None),
    ("threats.register", "Threat register", None),
    ("criteria.index", "Criteria", None),
    ("force_operations.index", "Operations", {Role.OFFICER, Role.SPOC}),
    ("dashboards.overview", "Management information", {Role.MANAGER, Role.ASSESSOR, Role.ADMIN, Role.SPOC}),
    ("admin.index", "Administration", {Role.ADMIN}),
    ("exports.index", "Downloads", None),
    ("tokens.index", "API tokens", None),
)


def navigation() -> list[dict]:
    if not current_user.is_authenticated:
        return []
    items = []
    for endpoint, text, roles in _NAVIGATION:
        if roles is None or current_user.role in roles:
            href = url_for(endpoint)
            items.append(
                {
                    "href": href,
                    "text": text,
                    "active": request.path == href,
                    **(attention.my_work_item(text) if endpoint == "home.index" else {}),
                }
            )
    return items + attention.mail_items()


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        vocab=vocab,
        label_for=vocab.label_for,
        FormState=FormState,
        Role=Role,
        navigation=navigation,
        item_title=item_title,
        intelligence_references=intelligence_references,
        reference_names=reference_names,
        event_label=event_label,
        item_field_label=field_label,
        page_numbers=page_numbers,
        count_text=count_text,
        sending_action=sending_action,
        threat_archive_reasons=ARCHIVE_REASONS,
        **attention.TEMPLATE_GLOBALS,
    )
    app.add_template_filter(isodate, "isodate")

    @app.context_processor
    def service():
        return {
            "security_marking": current_app.config["SECURITY_MARKING"],
            "service_name": current_app.config["SERVICE_NAME"],
        }

    app.add_template_filter(long_date, "date")

    @app.template_filter("datetime")
    def format_datetime(value) -> str:
        # Stored in UTC; people in England and Wales read local time.
        value = value.astimezone(LONDON) if value else value
        return value.strftime("%-d %B %Y at %-I:%M%p").replace("AM", "am").replace("PM", "pm") if value else ""


def reference_names() -> dict[str, str]:
    """Force and region names by code, read once per request."""
    if "reference_names" not in g:
        rows = db.session.execute(select(Force.code, Force.name).union_all(select(Region.code, Region.name)))
        g.reference_names = dict(rows.all())
    return g.reference_names


def long_date(value) -> str:
    return value.strftime("%-d %B %Y") if value else ""


def isodate(value: str | None) -> str:
    try:
        return date.fromisoformat(value).strftime("%-d %B %Y")
    except (TypeError, ValueError):
        return value or ""
