"""People acting on the same forms at the same moment: real threads, each with its own application
context and database session, released together. Exactly one of two rivals wins; under a crowd
no update is lost and every form's history replays to the state it holds.
"""

import random
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import parse
from tests.workflow import lifecycle
from tests.workflow.lifecycle import Cast
from triggerflow.content import store
from triggerflow.db import db
from triggerflow.models import FormEvent, TriggerForm, User
from triggerflow.workflow.errors import StaleForm
from triggerflow.workflow.replay import replay
from triggerflow.workflow.service import available_actions, perform
from triggerflow.workflow.states import FormState

# Moves that need nothing typed but a comment, and lead round a loop rather than to an end.
LOOPING_ACTIONS = {"send_to_spoc", "spoc_return", "submit", "claim", "release"}


def at_once(app, *steps):
    """Runs each step(barrier) in a thread with its own app context; steps wait at the barrier, then race."""
    barrier = threading.Barrier(len(steps))

    def run(step):
        with app.app_context():
            try:
                return step(barrier)
            finally:
                db.session.remove()

    with ThreadPoolExecutor(len(steps)) as pool:
        return [future.result() for future in [pool.submit(run, step) for step in steps]]


def events_of(form_id: int) -> list[FormEvent]:
    return list(db.session.scalars(select(FormEvent).where(FormEvent.form_id == form_id).order_by(FormEvent.id)))


def claim_by(form_id: int, assessor_id: int):
    def step(barrier):
        form, assessor = db.session.get(TriggerForm, form_id), db.session.get(User, assessor_id)
        seen = form.version
        assert "claim" in available_actions(form, assessor)
        barrier.wait()
        try:
            perform(form, "claim", assessor, expected_version=seen)
        except StaleForm:
            return "stale", assessor_id
        return "won", assessor_id

    return step


def test_two_assessors_claiming_one_form_at_once_one_wins_and_the_other_is_told_it_changed(app, people):
    form = lifecycle.submitted(Cast(people.officer, people.spoc, people.assessor))

    outcomes = dict(at_once(app, claim_by(form.id, people.assessor.id), claim_by(form.id, people.assessor2.id)))

    assert sorted(outcomes) == ["stale", "won"]
    db.session.expire_all()
    assert (form.state, form.assessor_id) == (FormState.UNDER_ASSESSMENT, outcomes["won"])
    assert [(e.action, e.actor_id) for e in events_of(form.id)][-1] == ("claim", outcomes["won"])
    assert [e.action for e in events_of(form.id)].count("claim") == 1


def save_working_name(form_id: int, user_id: int, name: str):
    def step(barrier):
        form, user = db.session.get(TriggerForm, form_id), db.session.get(User, user_id)
        seen = form.version
        barrier.wait()
        try:
            store.save_section(form, "A", {"working_name": name, "summary": f"Written by {name}."}, user, seen)
        except StaleForm:
            return "stale", name
        return "won", name

    return step


def test_two_people_saving_one_section_at_once_keep_one_whole_answer_and_overwrite_nothing(app, people):
    form = factories.draft(people.officer)

    outcomes = dict(
        at_once(
            app,
            save_working_name(form.id, people.officer.id, "Operation Alder"),
            save_working_name(form.id, people.spoc.id, "Operation Birch"),
        )
    )

    assert sorted(outcomes) == ["stale", "won"]
    db.session.expire_all()
    winner = outcomes["won"]
    assert form.answers_for("A")["working_name"] == winner
    assert form.answers_for("A")["summary"] == f"Written by {winner}."


def post_claim(client, number: str, version: int):
    def step(barrier):
        barrier.wait()
        return client.post(f"/forms/{number}/actions/claim", data={"version": version}, follow_redirects=True)

    return step


def test_two_assessors_pressing_claim_in_their_browsers_at_once_one_is_told_someone_else_changed_it(
    app, people, sign_in
):
    form = lifecycle.submitted(Cast(people.officer, people.spoc, people.assessor))
    clients = {sign_in(people.assessor): people.assessor, sign_in(people.assessor2): people.assessor2}

    pages = at_once(app, *(post_claim(client, form.number, form.version) for client in clients))

    texts = [parse(page).text for page in pages]
    assert sum("You are now assessing form" in text for text in texts) == 1
    assert sum("changed by someone else since you opened it" in text for text in texts) == 1
    db.session.expire_all()
    winner = next(user for user, text in zip(clients.values(), texts) if "You are now assessing" in text)
    assert form.assessor_id == winner.id
    assert [e.action for e in events_of(form.id)].count("claim") == 1


def crowd_member(seed: int, form_ids: list[int], actor_ids: list[int], attempts: int):
    """Someone who, `attempts` times, opens a random form and takes a random action open to them."""

    def step(barrier):
        chance = random.Random(seed)
        actor = db.session.get(User, chance.choice(actor_ids))
        done: list[tuple[int, str]] = []
        conflicts = 0
        db.session.commit()  # hand the connection back: fifty threads share the pool's fifteen
        barrier.wait()
        for _ in range(attempts):
            db.session.expire_all()
            form = db.session.get(TriggerForm, chance.choice(form_ids))
            actions = sorted(LOOPING_ACTIONS.intersection(available_actions(form, actor)))
            if not actions:
                db.session.rollback()
                continue
            action = chance.choice(actions)
            try:
                perform(form, action, actor, expected_version=form.version, comment="Checked by the crowd.")
            except StaleForm:
                conflicts += 1
            else:
                done.append((form.id, action))
        return done, conflicts

    return step


def test_fifty_people_moving_shared_forms_at_once_lose_no_update_and_every_history_replays(app, people):
    cast = Cast(people.officer, people.spoc, people.assessor)
    forms = [
        lifecycle.draft(cast),
        lifecycle.spoc_review(cast),
        lifecycle.submitted(cast),
        lifecycle.under_assessment(cast),
    ]
    form_ids = [form.id for form in forms]
    events_before = {form.id: len(events_of(form.id)) for form in forms}
    actor_ids = [
        person.id
        for person in (
            people.officer,
            people.spoc,
            people.spoc2,
            people.assessor,
            people.assessor2,
            people.regional_manager,
        )
    ]

    results = at_once(app, *(crowd_member(seed, form_ids, actor_ids, attempts=6) for seed in range(50)))

    done = Counter(form_id for moves, _ in results for form_id, _ in moves)
    assert sum(done.values()) > 0
    db.session.expire_all()
    for form in forms:
        history = events_of(form.id)
        assert len(history) - events_before[form.id] == done[form.id]
        assert replay(history) == form.state
        if form.state is FormState.UNDER_ASSESSMENT:
            assert form.assessor_id == history[-1].actor_id
