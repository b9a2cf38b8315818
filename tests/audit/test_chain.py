"""The form event log is append-only and tamper-evident: `verify-audit` names every break.

Tampering is done the way someone with direct database access would: plain SQL on the table,
with PostgreSQL's append-only trigger switched off first (as its owner could).
"""

from datetime import date

import flask_migrate
import pytest
from sqlalchemy import delete, func, select, text, update

from tests import factories
from triggerflow.assessment.return_items import add_pending
from triggerflow.audit.chain import GENESIS
from triggerflow.db import db
from triggerflow.models import FormEvent, TriggerForm
from triggerflow.models.event import AppendOnly
from triggerflow.synthetic.generator import generate
from triggerflow.workflow.routing import reassign
from triggerflow.workflow.service import perform

BEFORE_CHAIN = "6a1e3c9d2b70"  # the revision before 0007_audit_chain


@pytest.fixture
def returned(people):
    """A Dorset form claimed, reassigned and returned: six events, the last a return."""
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    reassign(form, people.regional_manager, people.assessor2, "Cover for leave.")
    add_pending(form, people.assessor2, section="B", reason_code="R02", comment="Only one subject is identified.")
    perform(form, "return_to_force", people.assessor2)
    return form


def verify(app) -> tuple[int, str]:
    result = app.test_cli_runner().invoke(args=["verify-audit"])
    return result.exit_code, result.output


def events_of(form: TriggerForm) -> list[FormEvent]:
    return list(db.session.scalars(select(FormEvent).where(FormEvent.form_id == form.id).order_by(FormEvent.id)))


def tamper(*statements: str, **values) -> None:
    postgresql = db.engine.dialect.name == "postgresql"
    with db.engine.begin() as connection:
        if postgresql:
            connection.execute(text("ALTER TABLE form_events DISABLE TRIGGER form_events_append_only"))
        for statement in statements:
            connection.execute(text(statement), values)
        if postgresql:
            connection.execute(text("ALTER TABLE form_events ENABLE TRIGGER form_events_append_only"))
    db.session.expire_all()


def test_every_event_links_to_the_one_before_and_the_form_keeps_the_last(returned):
    events = events_of(returned)

    assert events[0].action == "create" and events[-1].action == "return_to_force"
    assert "reassign" in [e.action for e in events]
    assert events[0].prev_hash == GENESIS
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert returned.event_chain_head == events[-1].hash


def test_a_database_written_by_the_workflow_and_the_generator_verifies(app, ctx, returned):
    generate(40, seed=3, until=date(2026, 6, 30))

    code, output = verify(app)

    assert code == 0
    forms = db.session.scalar(select(func.count()).select_from(TriggerForm))
    assert f"Checked {forms} forms" in output and "every chain is intact" in output


def test_an_event_whose_details_were_edited_is_reported(app, returned):
    claim = next(e for e in events_of(returned) if e.action == "claim")
    tamper("UPDATE form_events SET details = :details WHERE id = :id", details='{"assessor_id": 999}', id=claim.id)

    code, output = verify(app)

    assert code == 1
    assert f"BREAK {returned.number}, event {claim.id}: its contents do not match its hash" in output
    assert output.count("BREAK") == 1


def test_a_comment_rewritten_with_a_recomputed_hash_still_breaks_the_next_link(app, returned):
    events = events_of(returned)
    reassigned = next(e for e in events if e.action == "reassign")
    following = events[events.index(reassigned) + 1]
    tamper(
        "UPDATE form_events SET comment = 'Routine.', hash = :forged WHERE id = :id", forged="f" * 64, id=reassigned.id
    )

    code, output = verify(app)

    assert code == 1
    assert f"BREAK {returned.number}, event {following.id}: does not follow the event before it" in output


def test_a_deleted_event_is_reported_at_the_event_after_it(app, returned):
    events = events_of(returned)
    tamper("DELETE FROM form_events WHERE id = :id", id=events[2].id)

    code, output = verify(app)

    assert code == 1
    assert f"BREAK {returned.number}, event {events[3].id}: does not follow the event before it" in output


def test_events_put_in_another_order_are_reported(app, returned):
    first, second = events_of(returned)[1:3]
    tamper(
        "UPDATE form_events SET id = -1 WHERE id = :first",
        "UPDATE form_events SET id = :first WHERE id = :second",
        "UPDATE form_events SET id = :second WHERE id = -1",
        first=first.id,
        second=second.id,
    )

    code, output = verify(app)

    assert code == 1
    assert f"BREAK {returned.number}, event {first.id}: does not follow the event before it" in output
    assert f"BREAK {returned.number}, event {second.id}: does not follow the event before it" in output


def test_a_deleted_last_event_is_reported_through_the_forms_chain_head(app, returned):
    events = events_of(returned)
    tamper("DELETE FROM form_events WHERE id = :id", id=events[-1].id)

    code, output = verify(app)

    assert code == 1
    assert f"BREAK {returned.number}, event {events[-2].id}: is not the form's last event as recorded" in output
    assert output.count("BREAK") == 1


def test_a_form_whose_events_were_all_removed_is_reported(app, people):
    form = factories.draft(people.officer)
    tamper("DELETE FROM form_events WHERE form_id = :id", id=form.id)

    code, output = verify(app)

    assert code == 1
    assert f"BREAK {form.number}, no event: the form has a chain head but no events" in output


def test_the_application_cannot_change_or_delete_an_event(returned):
    event = events_of(returned)[0]
    event.comment = "Rewritten"
    with pytest.raises(AppendOnly):
        db.session.commit()
    db.session.rollback()

    with pytest.raises(AppendOnly):
        db.session.execute(update(FormEvent).where(FormEvent.id == event.id).values(comment="Rewritten"))
    with pytest.raises(AppendOnly):
        db.session.execute(delete(FormEvent).where(FormEvent.form_id == returned.id))
    db.session.delete(event)
    with pytest.raises(AppendOnly):
        db.session.flush()


def test_postgresql_refuses_to_update_or_delete_an_event_whoever_asks(returned):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's")
    event_id = events_of(returned)[0].id
    for statement in ("UPDATE form_events SET comment = 'x' WHERE id = :id", "DELETE FROM form_events WHERE id = :id"):
        with pytest.raises(Exception, match="form_events is append-only"), db.engine.begin() as connection:
            connection.execute(text(statement), {"id": event_id})
    assert db.session.get(FormEvent, event_id).comment is None


def test_upgrading_a_database_with_events_chains_them_as_the_application_would(app, returned):
    hashes = [(e.id, e.prev_hash, e.hash) for e in events_of(returned)]
    db.session.remove()
    flask_migrate.downgrade(revision=BEFORE_CHAIN)
    flask_migrate.upgrade()

    assert [(e.id, e.prev_hash, e.hash) for e in events_of(returned)] == hashes
    assert verify(app)[0] == 0
