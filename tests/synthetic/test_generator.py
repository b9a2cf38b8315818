"""Synthetic data: the same seed gives the same rows, and every history is one the lifecycle allows."""

from collections import defaultdict
from datetime import UTC, date, datetime
from itertools import pairwise
from types import SimpleNamespace

from sqlalchemy import func, select

from tests import factories
from tests.databases import app_for
from triggerflow.accounts.sign_in import with_password
from triggerflow.db import db
from triggerflow.models import (
    AcceptanceRecord,
    Force,
    FormEvent,
    FormSnapshot,
    ReturnedItem,
    ReturnItem,
    Role,
    TriggerForm,
    User,
)
from triggerflow.synthetic import generate
from triggerflow.synthetic.names import FORENAMES
from triggerflow.synthetic.people import EMAIL_DOMAIN, NO_SIGN_IN
from triggerflow.workflow.definition import SYSTEM, TRANSITIONS, Lifecycle, build_machine
from triggerflow.workflow.service import start_form
from triggerflow.workflow.states import FormState

UNTIL = date(2026, 6, 30)


def rows(model):
    table = model.__table__
    return [tuple(row) for row in db.session.execute(select(table).order_by(table.c.id))]


def snapshot():
    return {
        model.__name__: rows(model) for model in (TriggerForm, FormEvent, ReturnItem, AcceptanceRecord, FormSnapshot)
    }


def test_the_same_seed_and_end_date_write_the_same_rows(ctx, databases, tmp_path):
    generate(300, seed=5, until=UNTIL)
    first = snapshot()
    (tmp_path / "second").mkdir()
    url = databases.create(tmp_path / "second")
    try:
        other = app_for(url)
        with other.app_context():
            generate(300, seed=5, until=UNTIL)
            second = snapshot()
            generate(300, seed=6, until=UNTIL)
            different = snapshot()["TriggerForm"][300:]
            db.session.remove()
            db.engine.dispose()
    finally:
        databases.drop(url)
    assert first == second
    assert len(first["TriggerForm"]) == 300 and len(first["FormEvent"]) > 1200 and len(first["FormSnapshot"]) > 300
    assert [r[1:] for r in different] != [r[1:] for r in first["TriggerForm"]]


def test_every_history_replays_through_the_lifecycle_machine_to_the_forms_state(ctx):
    generate(400, seed=9, until=UNTIL)
    forms = {f.id: f for f in db.session.scalars(select(TriggerForm))}
    roles = dict(db.session.execute(select(User.id, User.role)).all())
    allowed = defaultdict(set)
    for t in TRANSITIONS:
        allowed[t.action] |= {str(role) for role in t.roles}
    events = defaultdict(list)
    for event in db.session.scalars(select(FormEvent).order_by(FormEvent.form_id, FormEvent.at, FormEvent.id)):
        events[event.form_id].append(event)

    for form_id, history in events.items():
        form = forms[form_id]
        assert history[0].action == "create" and history[0].to_state is FormState.DRAFT
        force = SimpleNamespace(spoc_gate=form.force.spoc_gate)
        stand_in = SimpleNamespace(state=FormState.DRAFT, round=0, force=force)
        lifecycle = Lifecycle(stand_in)
        build_machine(lifecycle)
        for earlier, event in pairwise(history):
            assert event.at > earlier.at, form.number
            assert event.from_state is lifecycle.state, (form.number, event.action)
            assert lifecycle.trigger(event.action), (form.number, event.action)
            stand_in.round += event.action in ("submit", "resubmit")
            assert (lifecycle.state, stand_in.round) == (event.to_state, event.round), (form.number, event.action)
            assert str(roles.get(event.actor_id, SYSTEM)) in allowed[event.action], (form.number, event.action)
        assert lifecycle.state is form.state and stand_in.round == form.round
        assert history[-1].at < datetime(2026, 6, 30, tzinfo=UTC)


def test_the_forms_columns_agree_with_their_events(ctx):
    generate(300, seed=3, until=UNTIL)
    for form in db.session.scalars(select(TriggerForm)):
        history = db.session.scalars(
            select(FormEvent).where(FormEvent.form_id == form.id).order_by(FormEvent.at, FormEvent.id)
        ).all()
        first_submit = next((e.at for e in history if e.action == "submit"), None)
        decision = next((e.at for e in history if e.action in ("accept", "reject")), None)
        assert (form.created_at, form.first_submitted_at, form.decided_at) == (history[0].at, first_submit, decision)
        returns = sum(e.action == "return_to_force" for e in history)
        items = db.session.scalars(select(ReturnItem).where(ReturnItem.form_id == form.id)).all()
        assert bool(returns) == bool(items) and {i.round for i in items} <= set(range(1, form.round + 1))
        if form.state is FormState.RETURNED:
            assert any(i.status.value in ("open", "responded") for i in items)
        recorded = db.session.scalar(select(AcceptanceRecord).where(AcceptanceRecord.form_id == form.id))
        assert (recorded is not None) == (form.state is FormState.ACCEPTED)


def test_synthetic_people_have_invented_names_and_can_never_sign_in(ctx):
    generate(100, seed=2, until=UNTIL)
    synthetic = db.session.scalars(select(User).where(User.email.endswith(EMAIL_DOMAIN))).all()
    assert {u.role for u in synthetic} == {Role.OFFICER, Role.SPOC, Role.ASSESSOR}
    assert all(u.password_hash == NO_SIGN_IN and u.name.split()[0] in FORENAMES for u in synthetic)
    assert with_password(synthetic[0].email, NO_SIGN_IN, address="127.0.0.1", user_agent="").refused


def test_running_again_reuses_the_synthetic_people_and_continues_the_form_numbers(ctx, people):
    generate(100, seed=2, until=UNTIL)
    users = db.session.scalar(select(db.func.count()).select_from(User))
    generate(100, seed=2, until=UNTIL)
    assert db.session.scalar(select(db.func.count()).select_from(User)) == users
    numbers = set(db.session.scalars(select(TriggerForm.number)))
    assert len(numbers) == 200
    assert start_form(people.officer).number not in numbers


def test_the_generate_data_command_reports_what_it_wrote(app):
    result = app.test_cli_runner().invoke(
        args=["generate-data", "--forms", "50", "--seed", "4", "--until", "2026-06-30", "--scenario", "south-west"]
    )
    assert result.exit_code == 0, result.output
    assert "50 forms," in result.output and "forms a second" in result.output
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(TriggerForm)) == 50


def test_the_generate_data_command_is_refused_where_demo_data_is_not_allowed(app):
    app.config["DEMO_DATA_ALLOWED"] = False
    result = app.test_cli_runner().invoke(args=["generate-data", "--forms", "5"])
    assert result.exit_code != 0 and "not allowed" in result.output
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(TriggerForm)) == 0


def test_forms_go_to_every_force(ctx):
    generate(2000, seed=8, until=UNTIL)
    used = set(db.session.scalars(select(TriggerForm.force_id).distinct()))
    assert used == set(db.session.scalars(select(Force.id)))


def test_synthetic_stays_are_those_the_events_give(ctx, app):
    generate(200, seed=3, until=UNTIL)
    written = factories.stays()

    factories.rebuild_stays(app)

    assert len(written) > 600
    assert factories.stays() == written


def test_each_synthetic_return_records_the_items_it_sent(ctx):
    generate(60, seed=4, until=date(2026, 6, 30))

    sent = db.session.scalar(select(func.count()).select_from(ReturnItem).where(ReturnItem.returned_at.is_not(None)))
    assert sent and db.session.scalar(select(func.count()).select_from(ReturnedItem)) == sent
