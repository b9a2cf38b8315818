"""Writing e-mail into the outbox. Adds rows to the session; the caller commits.

Messages name the form and what happened, and link to it; they never carry the form's
content or anyone's comments, which stay behind sign-in.
"""

from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import current_app, g, has_request_context, render_template

from triggerflow.db import db, utcnow
from triggerflow.models import OutboxMessage, TriggerForm, User


def page_link(endpoint: str, **values) -> str:
    """A page, absolute, from SERVICE_URL (there is no request to take a host from)."""
    base = urlsplit(current_app.config["SERVICE_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
    return adapter.build(endpoint, values, force_external=True)


def form_link(form: TriggerForm) -> str:
    return page_link("forms.overview", number=form.number)


def queue(
    recipients: Iterable[User],
    *,
    kind: str,
    form: TriggerForm,
    headline: str,
    template: str,
    link: str | None = None,
    **context,
) -> list[OutboxMessage]:
    """One outbox message per recipient with an address, rendered from templates/emails/; `link` is
    the page it points to, the form's unless given."""
    marking = current_app.config["SECURITY_MARKING"]
    subject = f"{marking}: {headline}"  # the marking leads the subject, as on government e-mail
    now = utcnow()
    messages = []
    for user in recipients:
        body = render_template(
            f"emails/{template}",
            form=form,
            user=user,
            headline=headline,
            link=link or form_link(form),
            marking=marking,
            **context,
        )
        messages.append(
            OutboxMessage(
                form_id=form.id,
                user_id=user.id,
                kind=kind,
                to_address=user.email,
                subject=subject,
                body=body,
                created_at=now,
                next_attempt_at=now,
            )
        )
    db.session.add_all(messages)
    if messages and has_request_context():
        g.outbox_written = True  # lets a development server send them as soon as the request ends
    return messages
