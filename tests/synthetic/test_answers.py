"""Synthetic forms read like real ones: a form that was sent passes the rules it was sent under,
and every submission left a snapshot that changed where the ROCTA's return asked."""

from collections import defaultdict
from datetime import date
from itertools import pairwise
from random import Random

import pytest
from sqlalchemy import select

from tests.web.htmlpage import parse
from triggerflow.content.completeness import completeness
from triggerflow.content.vocab import RETURN_REASONS, THEMES, THREAT_TYPES
from triggerflow.criteria import Facts, check
from triggerflow.criteria.thresholds import DEFAULT_LIMITS
from triggerflow.db import db
from triggerflow.models import FormEvent, FormSnapshot, ReturnItem, TriggerForm
from triggerflow.queries import criteria_versions
from triggerflow.synthetic import generate
from triggerflow.synthetic.answers import Threat, complete, partial
from triggerflow.synthetic.lifecycle import REASON_SECTION
from triggerflow.synthetic.names import working_name
from triggerflow.synthetic.revisions import revise
from triggerflow.workflow.states import FormState

UNTIL = date(2026, 6, 30)
SENT = date(2026, 3, 2)
# Dorset, and Kent for the shortest place name any text can be given.
FORCES = (
    {"id": 1, "code": "DOR", "name": "Dorset Police", "neighbours": ("ASC", "DCP")},
    {"id": 2, "code": "KEN", "name": "Kent Police", "neighbours": ("ESS", "HER")},
)
SENDING = ("send_to_spoc", "submit")


def blocking(answers, today=SENT):
    return [(f.rule_id, f.message) for f in check(Facts(answers, today, limits=DEFAULT_LIMITS)).blocking]


def threats():
    rng = Random(0)
    for threat_type, _ in THREAT_TYPES:
        for theme, _ in THEMES:
            for force in FORCES:
                yield Threat(threat_type, theme, working_name(rng, threat_type), rng.random() < 0.5, force)


@pytest.fixture
def generated(ctx):
    generate(400, seed=21, until=UNTIL)
    events, items, snapshots = defaultdict(list), defaultdict(list), defaultdict(list)
    for event in db.session.scalars(select(FormEvent).order_by(FormEvent.at, FormEvent.id)):
        events[event.form_id].append(event)
    for item in db.session.scalars(select(ReturnItem).order_by(ReturnItem.id)):
        items[item.form_id].append(item)
    for snapshot in db.session.scalars(select(FormSnapshot).order_by(FormSnapshot.form_id, FormSnapshot.sequence)):
        snapshots[snapshot.form_id].append(snapshot)
    forms = db.session.scalars(select(TriggerForm).order_by(TriggerForm.id)).all()
    return [(form, events[form.id], items[form.id], snapshots[form.id]) for form in forms]


def sent(history):
    return any(event.action in SENDING for event in history)


def test_complete_answers_pass_every_hard_rule_for_every_threat_type_theme_and_draw():
    rng = Random(1)
    for threat in threats():
        for _ in range(20):
            answers = complete(threat, rng, SENT)
            assert blocking(answers) == [], threat
            assert answers["A"]["threat_type"] == threat.threat_type
            assert answers["H"]["operation_running"] == ("yes" if threat.running else "no")


def test_complete_answers_date_nothing_on_or_after_the_day_the_form_was_sent():
    rng = Random(2)
    for threat in threats():
        answers = complete(threat, rng, SENT)
        dated = [
            answers["C"]["first_known"],
            answers["C"]["most_recent"],
            *(item["date"] for item in answers["F"]["intelligence"]),
            *(s["date_of_birth"] for s in answers["B"].get("subjects", []) if s["identified"] == "yes"),
        ]
        assert max(date.fromisoformat(d) for d in dated) < SENT


def test_answering_any_return_reason_changes_its_section_and_keeps_every_hard_rule_passing():
    rng = Random(3)
    for threat in threats():
        answers = complete(threat, rng, SENT)
        for code, _ in RETURN_REASONS:
            section = REASON_SECTION[code]
            for _ in range(3):  # no more than three returns before a rejection
                revised = revise(answers, threat, [{"section": section, "reason_code": code}], rng, SENT)
                assert revised[section] != answers[section], (threat, code)
                assert blocking(revised) == [], (threat, code)
                assert {k for k in revised if revised[k] is not answers[k]} == {section}
                answers = revised


def test_partial_answers_name_the_threat_but_cannot_be_sent():
    rng = Random(4)
    for threat in threats():
        answers = partial(threat, rng, SENT)
        assert answers["A"]["working_name"] == threat.working_name
        assert answers["H"]["operation_running"] == ("yes" if threat.running else "no")
        assert blocking(answers) != []


def test_every_form_that_left_draft_passes_every_hard_rule_except_an_unanswered_return(generated):
    checked = 0
    for form, history, items, _ in generated:
        if not sent(history):
            continue
        first_sent = next(event.at.date() for event in history if event.action in SENDING)
        failing = {finding.rule_id for finding in completeness(form, first_sent).blocking}
        unanswered = form.state in (FormState.RETURNED, FormState.LAPSED) and any(
            item.round == form.round and item.response is None for item in items
        )
        assert failing == ({"C16"} if unanswered else set()), (form.number, form.state, failing)
        checked += 1
    assert checked > 300


def test_drafts_never_sent_hold_work_in_progress_that_is_not_complete(generated):
    drafts = [form for form, history, _, _ in generated if not sent(history)]
    assert drafts
    for form in drafts:
        assert form.answers["A"]["working_name"] == form.working_name
        assert not completeness(form, UNTIL).can_send, form.number


def test_the_filter_columns_agree_with_the_answers(generated):
    for form, _, _, _ in generated:
        identity, running = form.answers["A"], form.answers["H"]["operation_running"]
        assert (identity["threat_type"], identity["primary_theme"], identity["working_name"]) == (
            form.threat_type,
            form.primary_theme,
            form.working_name,
        )
        assert running == ("yes" if form.operation_running else "no")


def test_each_submission_and_resubmission_stored_a_snapshot_by_whoever_sent_it(generated):
    version = criteria_versions.current().number
    for form, history, _, snapshots in generated:
        sends = [event for event in history if event.action in ("submit", "resubmit")]
        assert [s.sequence for s in snapshots] == list(range(1, len(sends) + 1)), form.number
        assert [(s.round, s.created_by_id, s.created_at, s.criteria_version) for s in snapshots] == [
            (e.round, e.actor_id, e.at, version) for e in sends
        ]
        assert [e.details["snapshot"] for e in sends] == [s.sequence for s in snapshots]


def test_a_resubmitted_version_differs_from_the_one_before_in_each_section_its_return_named(generated):
    compared = 0
    for _, _, items, snapshots in generated:
        for older, newer in pairwise(snapshots):
            named = {item.section for item in items if item.round == older.round}
            assert named and all(newer.answers[key] != older.answers.get(key) for key in named)
            assert {key for key in newer.answers if newer.answers[key] != older.answers.get(key)} == named
            compared += 1
    assert compared > 10


def test_a_forms_answers_are_its_latest_version_unless_it_is_answering_a_return(generated):
    for form, _, items, snapshots in generated:
        if not snapshots:
            continue
        answered = {item.section for item in items if item.round == form.round and item.response}
        changed = {key for key in form.answers if form.answers[key] != snapshots[-1].answers.get(key)}
        assert changed == answered, form.number


def test_every_return_item_response_is_long_enough_to_resubmit(generated):
    responses = [item.response for _, _, items, _ in generated for item in items if item.response is not None]
    assert responses and min(len(r) for r in responses) >= DEFAULT_LIMITS["response_min"]


def test_a_resubmitted_form_opens_with_every_section_complete_and_its_last_two_versions_compared(
    generated, people, sign_in
):
    form, _, items, snapshots = next(
        row
        for row in generated
        if len(row[3]) > 1 and row[0].threat_type == "ocg" and row[0].state is not FormState.RETURNED
    )
    client = sign_in(people.admin)

    page = parse(client.get(f"/forms/{form.number}"))
    compared = parse(client.get(f"/forms/{form.number}/compare"))

    statuses = [status.text for status in page.one(id="task-list").find_all(class_="govuk-task-list__status")]
    assert statuses == ["Complete"] * 9
    assert [li.text.split(",")[0] for li in page.one(id="versions").find_all("li")] == [
        f"Version {s.sequence}" for s in snapshots
    ]
    assert "did not change" not in compared.text
    named = {item.section for item in items if item.round == snapshots[-2].round}
    shown = {h["id"].split("-")[1] for h in compared.find_all("h2") if h.get("id", "").startswith("section-")}
    assert shown == named
