"""The sender delivers the outbox after commit, and a failed send is kept and retried, never lost."""

import socket
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from tests import factories
from triggerflow.db import db, utcnow
from triggerflow.models import OutboxMessage, OutboxStatus
from triggerflow.notifications.outbox import send_pending
from triggerflow.workflow.service import perform
from triggerflow.workflow.states import FormState


class FlakyMailServer:
    """An SMTP handler that refuses recipients ("try again later") until told to accept."""

    def __init__(self) -> None:
        self.accepting = False
        self.received = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not self.accepting:
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(app):
    """A real SMTP server on a free local port, and the app configured to send through it."""
    handler = FlakyMailServer()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    app.config.update(MAIL_TRANSPORT="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_TIMEOUT=5)
    handler.controller = controller
    yield handler
    if controller.loop.is_running():
        controller.stop()


def pending(form) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.form_id == form.id)))


def test_a_message_is_retried_with_back_off_until_the_server_accepts_it(people, smtp):
    people.spoc2.active = False  # one recipient keeps the story short
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)
    [message] = pending(form)
    start = utcnow()

    # Nothing is listening yet: the connection is refused.
    assert send_pending(now=start).retrying == 1
    assert (message.status, message.attempts) == (OutboxStatus.PENDING, 1)
    assert message.next_attempt_at == start + timedelta(seconds=60)
    assert "ConnectionRefusedError" in message.last_error

    # The server is up but refuses the recipient for now.
    smtp.controller.start()
    assert send_pending(now=start + timedelta(seconds=30)).sent == 0  # not due yet: nothing is tried
    later = start + timedelta(seconds=61)
    assert send_pending(now=later).retrying == 1
    assert message.attempts == 2 and message.next_attempt_at == later + timedelta(seconds=120)
    assert "451" in message.last_error

    # It accepts now.
    smtp.accepting = True
    report = send_pending(now=later + timedelta(seconds=121))
    assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
    db.session.expire_all()
    assert message.status is OutboxStatus.SENT and message.attempts == 3 and message.sent_at is not None
    [(recipients, delivered)] = smtp.received
    assert recipients == [people.spoc.email]
    # A long subject is folded onto its own line; the parser keeps the fold's space.
    assert delivered["Subject"].strip() == f"OFFICIAL-SENSITIVE: Trigger form {form.number} is waiting for your review"
    assert send_pending(now=later + timedelta(days=1)).sent == 0  # sent once only


def test_a_failing_mail_server_never_blocks_or_undoes_a_transition(people, smtp):
    form = factories.complete_draft(people.officer)

    perform(form, "send_to_spoc", people.officer)
    report = send_pending()

    assert report.retrying == 2
    db.session.refresh(form)
    assert form.state is FormState.SPOC_REVIEW
    assert [m.status for m in pending(form)] == [OutboxStatus.PENDING] * 2


def test_the_sender_gives_up_after_the_last_attempt_and_keeps_the_message(app, people, smtp):
    app.config["MAIL_MAX_ATTEMPTS"] = 2
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)
    now = utcnow()

    send_pending(now=now)
    report = send_pending(now=now + timedelta(hours=1))

    assert report.failed == 2
    assert {m.status for m in pending(form)} == {OutboxStatus.FAILED}


def test_a_message_claimed_by_another_sender_is_left_alone_until_its_lease_runs_out(people, smtp):
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)
    now = utcnow()
    for message in pending(form):
        message.locked_until = now + timedelta(minutes=5)
    db.session.commit()
    smtp.controller.start()
    smtp.accepting = True

    assert send_pending(now=now).sent == 0
    assert send_pending(now=now + timedelta(minutes=6)).sent == 2
