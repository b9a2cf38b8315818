"""Values every template can use: the marking, the navigation, labels for states and choices."""

from datetime import date
from zoneinfo import ZoneInfo

from flask import Flask, current_app, request, url_for
from flask_login import current_user
from sqlalchemy import select

from triggerflow.content import vocab
from triggerflow.content.sections import field_label, intelligence_references, item_title
from triggerflow.db import read
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
    path = request.path
    items = [
        {"href": href, "text": text, "active": path == href, **(attention.my_work_item(text) if mine else {})}
        for href, text, mine in _menu(current_user.role)
    ]
    return items + attention.mail_items()


def _menu(role: Role) -> tuple[tuple[str, str, bool], ...]:
    """A role's links (address, text, whether it is "My work"), built once: every page shows them,
    and building each address anew was a tenth of the header's time."""
    built = current_app.extensions.setdefault("navigation", {})
    key = (role, request.script_root)
    if key not in built:
        built[key] = tuple(
            (url_for(endpoint), text, endpoint == "home.index")
            for endpoint, text, roles in _NAVIGATION
            if roles is None or role in roles
        )
    return built[key]


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


_REFERENCE_NAMES = select(Force.code, Force.name).union_all(select(Region.code, Region.name))


def reference_names() -> dict[str, str]:
    """Force and region names by code, read once per process. They change only when the reference data
    is seeded again from the CSV a release ships, before its servers start (docs/deploy.md)."""
    kept = current_app.extensions.get("reference_names")
    if not kept:  # nothing kept until the forces are seeded
        kept = current_app.extensions["reference_names"] = dict(read(_REFERENCE_NAMES).all())
    return kept


def long_date(value) -> str:
    return value.strftime("%-d %B %Y") if value else ""


def isodate(value: str | None) -> str:
    try:
        return date.fromisoformat(value).strftime("%-d %B %Y")
    except (TypeError, ValueError):
        return value or ""
