"""The rollups kept move by move equal those worked out again from the events, and every measure
reads the same figures from them as from its facts, form by form, for generated histories: returns,
reopened items, lapses, reassignments, decisions reconsidered, themes and threat types changed while
the form is with the force, over days and weeks; and narrowed by theme, threat type and the forms an
assessor claimed."""

from collections import Counter
from datetime import timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests import factories
from tests.workflow.lifecycle import answer_return
from triggerflow.assessment.return_items import add_pending, items_for
from triggerflow.assessment.threads import reopen_item
from triggerflow.clocks.working_days import local_today
from triggerflow.content.store import save_section
from triggerflow.db import db
from triggerflow.models import Rollup, RollupShare
from triggerflow.queries.measures import assessors, cohort, decisions, returns, timing
from triggerflow.queries.measures.scope import Filters, MeasureScope
from triggerflow.rollups import store
from triggerflow.workflow.errors import ActionNotAllowed, Invalid
from triggerflow.workflow.permissions import may_edit
from triggerflow.workflow.routing import may_reassign, reassign
from triggerflow.workflow.service import available_actions, perform

COMMENT = "The intelligence does not yet show an organised group."
SIDEWAYS = ("withdraw", "spoc_return", "release", "reassign", "lapse")
THEMES = ("drugs_supply", "firearms")
THREAT_TYPES = ("ocg", "priority_individual")
MEASURES = (
    decisions.by_force,
    decisions.by_month,
    cohort.by_force,
    timing.time_in_state,
    timing.clocks,
    assessors.workload,
    returns.reasons_by_force,
    returns.reasons_overall,
)


def details(form, action: str, actor, data) -> dict:
    """What the action needs, and what must happen first: items to return, answers to a return."""
    if action == "return_to_force":
        reviewable = [item for item in items_for(form, include_pending=False) if item.status.reopenable]
        if reviewable and data.draw(st.booleans(), label="reopen an answered item"):
            reopen_item(form, reviewable[0], actor, "Still missing the phone downloads.", None)
        add_pending(
            form,
            actor,
            section=data.draw(st.sampled_from("BCH"), label="section"),
            reason_code=data.draw(st.sampled_from(("R01", "R02", "R05", "R11")), label="reason"),
            comment="Say more about the group's structure.",
        )
    if action == "resubmit":
        answer_return(form, form.created_by)
    if action == "accept":
        return {"record": factories.acceptance_record(form)}
    if action == "reject":
        return {"reason_code": "N1", "comment": COMMENT}
    return {"comment": COMMENT}


def edit(form, author, data) -> None:
    """Sometimes, while the form is with the force, its author files it under another theme or threat type."""
    if may_edit(form, author) and data.draw(st.integers(0, 3), label="edit") == 0:
        identity = {
            "primary_theme": data.draw(st.sampled_from(THEMES), label="theme"),
            "threat_type": data.draw(st.sampled_from(THREAT_TYPES), label="threat type"),
        }
        save_section(form, "A", identity, author, form.version)


def step(form, cast: list, people, data) -> None:
    edit(form, cast[0], data)
    moves = [(action, actor) for actor in cast for action in available_actions(form, actor)]
    if may_reassign(form, people.regional_manager):
        moves += [("reassign", assessor) for assessor in (people.assessor, people.assessor2, None)]
    if not moves:
        return
    # Mostly onward, so that many histories reach decisions, returns answered and decisions reconsidered.
    onward = [move for move in moves if move[0] not in SIDEWAYS]
    if onward and data.draw(st.integers(0, 5), label="onward") > 0:
        moves = onward
    action, actor = data.draw(st.sampled_from(moves), label="move")
    event(action)
    try:
        if action == "reassign":
            reassign(form, people.regional_manager, actor, "Workload across the team.", form.version)
        else:
            perform(form, action, actor, **details(form, action, actor, data))
    except (Invalid, ActionNotAllowed):
        pass  # a move the form was not ready for is refused whole, as a person would be


def rows(model) -> Counter:
    if model is RollupShare:
        return Counter({share.form_id: tuple(map(tuple, share.rows)) for share in db.session.scalars(select(model))})
    return Counter({tuple(getattr(r, k) for k in store.KEY): r.count for r in db.session.scalars(select(model))})


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_rollups_kept_move_by_move_equal_those_worked_out_from_the_events(people, clock, data):
    authors = {"DOR": (people.officer, people.spoc), "WIL": (people.wilts_officer, people.wilts_spoc)}
    for _ in range(data.draw(st.integers(1, 3), label="forms")):
        author, spoc = authors[data.draw(st.sampled_from(sorted(authors)), label="force")]
        form = factories.complete_draft(author)
        cast = [author, spoc, people.assessor, people.assessor2, people.regional_manager, None]
        for _ in range(data.draw(st.integers(1, 16), label="moves")):
            clock.shift(timedelta(days=data.draw(st.integers(0, 9), label="days"), hours=5))
            step(form, cast, people, data)
        edit(form, author, data)  # an edit after the last move, which no move brings into the counts
    kept, shares = rows(Rollup), rows(RollupShare)

    store.rebuild(db.session.connection())
    db.session.commit()
    assert rows(Rollup) - kept == Counter() and kept - rows(Rollup) == Counter()
    assert rows(RollupShare) == shares

    today = local_today()
    start = today - timedelta(days=data.draw(st.integers(0, 120), label="period"))
    for user in (people.admin, people.national_manager, people.regional_manager, people.force_manager, people.assessor):
        for filters in (
            Filters.last_twelve_months(today),
            Filters(start, start + timedelta(days=20)),
            Filters(start, start + timedelta(days=75)),
        ):
            check_measures(user, filters)
    for user in (people.admin, people.regional_manager):
        for narrowed in (
            {"theme": THEMES[0]},
            {"threat_type": THREAT_TYPES[0]},
            {"theme": THEMES[1], "threat_type": THREAT_TYPES[1]},
            {"assessor_id": people.assessor.id},
            {"assessor_id": people.assessor2.id},
        ):
            check_measures(user, Filters(start, start + timedelta(days=75), **narrowed))


def check_measures(user, filters: Filters) -> None:
    for measure in MEASURES:
        rolled = measure(MeasureScope(user, filters))
        assert rolled == measure(MeasureScope(user, filters, from_rollups=False)), measure.__qualname__
