"""The workflow service: one event per transition, optimistic locking, all-or-nothing, and the guards."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tests import factories
from tests.workflow import lifecycle
from tests.workflow.lifecycle import Cast
from triggerflow.assessment.return_items import add_pending, items_for, respond
from triggerflow.content import store
from triggerflow.db import db, utcnow
from triggerflow.models import Force, FormEvent, FormSnapshot, TriggerForm, User
from triggerflow.workflow import effects
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, StaleForm
from triggerflow.workflow.service import available_actions, perform, start_form
from triggerflow.workflow.states import FormState


@pytest.fixture
def cast(people):
    return Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor)


def events_of(form: TriggerForm) -> list[FormEvent]:
    return list(db.session.scalars(select(FormEvent).where(FormEvent.form_id == form.id).order_by(FormEvent.id)))


def snapshots_of(form: TriggerForm) -> list[FormSnapshot]:
    return list(
        db.session.scalars(select(FormSnapshot).where(FormSnapshot.form_id == form.id).order_by(FormSnapshot.sequence))
    )


def stored(app, form_id: int) -> dict:
    """What another request would read: a fresh session in its own app context."""
    with app.app_context():
        form = db.session.get(TriggerForm, form_id)
        return {
            "state": form.state,
            "version": form.version,
            "round": form.round,
            "events": len(events_of(form)),
            "snapshots": len(snapshots_of(form)),
        }


def set_spoc_gate(force: Force, on: bool) -> None:
    force.spoc_gate = on
    db.session.commit()


def test_every_transition_writes_exactly_one_event_saying_from_to_who_and_round(people, cast):
    form = lifecycle.draft(cast)
    steps = [
        ("send_to_spoc", people.officer, {}, FormState.SPOC_REVIEW, 0),
        ("submit", people.spoc, {}, FormState.SUBMITTED, 1),
        ("claim", people.assessor, {}, FormState.UNDER_ASSESSMENT, 1),
        ("return_to_force", people.assessor, {}, FormState.RETURNED, 1),
        ("resubmit", people.spoc, {}, FormState.RESUBMITTED, 2),
        ("claim", people.assessor, {}, FormState.UNDER_ASSESSMENT, 2),
        (
            "reject",
            people.assessor,
            {"reason_code": "N3", "comment": "Better managed locally as a non-SOC problem."},
            FormState.REJECTED,
            2,
        ),
    ]
    for action, actor, details, to_state, round_ in steps:
        if action == "return_to_force":
            add_pending(form, actor, section="B", reason_code="R02", comment="Identify the third subject.")
        if action == "resubmit":
            lifecycle.answer_return(form, people.officer)
        before, from_state = len(events_of(form)), form.state
        event = perform(form, action, actor, **details)
        after = events_of(form)
        assert len(after) == before + 1
        assert (
            after[-1].id,
            after[-1].action,
            after[-1].from_state,
            after[-1].to_state,
            after[-1].actor_id,
            after[-1].round,
        ) == (event.id, action, from_state, to_state, actor.id, round_)


def test_the_event_keeps_the_reason_code_and_comment_given(people, cast):
    form = lifecycle.under_assessment(cast)
    perform(
        form,
        "reject",
        people.assessor,
        reason_code="N6",
        comment="  Duplicates an existing threat.  ",
        duplicate_reference="SW-OCG-0042",
    )
    event = events_of(form)[-1]
    assert (event.reason_code, event.comment, event.details["duplicate_reference"]) == (
        "N6",
        "Duplicates an existing threat.",
        "SW-OCG-0042",
    )


def test_a_stale_version_is_refused_and_nothing_is_written(app, people, cast):
    form = lifecycle.spoc_review(cast)
    before = stored(app, form.id)
    with pytest.raises(StaleForm) as refused:
        perform(form, "submit", people.spoc, expected_version=form.version - 1)
    assert "changed by someone else" in refused.value.message
    assert stored(app, form.id) == before


def test_a_failure_part_way_through_a_transition_leaves_no_trace(app, people, cast, monkeypatch):
    form = lifecycle.spoc_review(cast)
    before = stored(app, form.id)
    real_submit = effects._EFFECTS["submit"]

    def submit_then_fail(*args):
        real_submit(*args)  # the snapshot is added and the round bumped before anything goes wrong
        raise RuntimeError("the disk is full")

    monkeypatch.setitem(effects._EFFECTS, "submit", submit_then_fail)
    with pytest.raises(RuntimeError):
        perform(form, "submit", people.spoc)
    assert (
        stored(app, form.id)
        == before
        == {"state": FormState.SPOC_REVIEW, "version": before["version"], "round": 0, "events": 2, "snapshots": 0}
    )
    db.session.expire_all()
    assert form.state is FormState.SPOC_REVIEW


def test_a_failing_precondition_writes_nothing(app, people, cast):
    form = lifecycle.under_assessment(cast)
    before = stored(app, form.id)
    with pytest.raises(Invalid) as refused:
        perform(form, "return_to_force", people.assessor)
    assert refused.value.errors == {"items": "Add at least one return item before returning the form"}
    assert stored(app, form.id) == before


def test_when_two_people_act_on_one_form_at_once_the_second_is_told_it_changed(app, people, cast):
    form = lifecycle.submitted(cast)
    seen = form.version
    with app.app_context():  # another assessor's request, in its own session
        theirs = db.session.get(TriggerForm, form.id)
        perform(theirs, "claim", db.session.get(User, people.assessor2.id), expected_version=seen)
    with pytest.raises(StaleForm):
        perform(form, "claim", people.assessor, expected_version=seen)
    db.session.expire_all()
    assert (form.state, form.assessor_id) == (FormState.UNDER_ASSESSMENT, people.assessor2.id)
    assert [e.actor_id for e in events_of(form) if e.action == "claim"] == [people.assessor2.id]


def test_a_snapshot_keeps_the_form_as_it_was_sent_when_the_answers_change_later(people, cast):
    form = lifecycle.returned(cast)
    sent_summary = form.answers_for("A")["summary"]
    store.save_section(form, "A", {"summary": "Rewritten after the return. " * 10}, people.officer, None)
    db.session.expire_all()
    (snapshot,) = snapshots_of(form)
    assert (snapshot.sequence, snapshot.round, snapshot.created_by_id) == (1, 1, people.spoc.id)
    assert snapshot.answers["A"]["summary"] == sent_summary != form.answers_for("A")["summary"]


def test_a_resubmission_stores_a_second_snapshot_with_the_changes(people, cast):
    form = lifecycle.resubmitted(cast)
    first, second = snapshots_of(form)
    assert (first.round, second.round) == (1, 2)
    assert first.answers["B"]["pi_rationale"] == ""
    assert second.answers["B"]["pi_rationale"] == lifecycle.AMENDMENTS["B"]["pi_rationale"]


def test_form_numbers_count_up_per_force_and_year(people):
    year = utcnow().year
    numbers = [start_form(user).number for user in (people.officer, people.spoc, people.wilts_officer, people.officer2)]
    assert numbers == [f"DOR-{year}-0001", f"DOR-{year}-0002", f"WIL-{year}-0001", f"DOR-{year}-0003"]


def test_only_officers_and_spocs_start_forms_and_only_in_their_own_force(people):
    for user in (people.assessor, people.force_manager, people.national_manager, people.admin):
        with pytest.raises(ActionNotAllowed):
            start_form(user)
    with pytest.raises(ActionNotAllowed):
        start_form(people.officer, factories.force("WIL"))


def test_a_new_draft_has_one_create_event_and_no_snapshot(people):
    form = start_form(people.officer)
    (event,) = events_of(form)
    assert (event.action, event.from_state, event.to_state, event.actor_id, event.round) == (
        "create",
        None,
        FormState.DRAFT,
        people.officer.id,
        0,
    )
    assert snapshots_of(form) == []


def test_an_incomplete_draft_cannot_be_sent_and_says_what_is_missing(people):
    form = factories.draft(people.officer, {"A": {"threat_type": "ocg", "working_name": "Quay"}})
    with pytest.raises(Invalid) as refused:
        perform(form, "send_to_spoc", people.officer)
    assert "B.subjects" in refused.value.errors and "A.working_name" not in refused.value.errors
    assert form.state is FormState.DRAFT


def test_resubmission_waits_for_a_long_enough_response_and_a_changed_section_for_every_item(app, people, cast):
    form = lifecycle.returned(cast, sections=("B", "C"))
    first, second = items_for(form, include_pending=False)

    def refusal() -> str:
        with pytest.raises(Invalid) as refused:
            perform(form, "resubmit", people.spoc)
        return " ".join(refused.value.errors.values())

    assert "Return item 1 (section B) needs a response of at least 30 characters" in refusal()
    respond(form, first, people.officer, "Too short to count.", None)
    respond(form, second, people.officer, lifecycle.RESPONSE, None)
    assert "Return item 1 (section B) needs a response" in refusal()
    respond(form, first, people.officer, lifecycle.RESPONSE, None)
    assert "Section B has not changed since it was returned" in refusal()
    store.save_section(form, "B", lifecycle.AMENDMENTS["B"], people.officer, None)
    assert "Section C has not changed" in refusal() and "Section B" not in refusal()
    store.save_section(form, "C", lifecycle.AMENDMENTS["C"], people.officer, None)
    perform(form, "resubmit", people.spoc)
    assert stored(app, form.id)["state"] is FormState.RESUBMITTED


def test_a_second_return_asks_only_about_its_own_items(people, cast):
    form = lifecycle.reassessing(cast)  # section B was returned, answered and amended in round 1
    add_pending(form, people.assessor, section="C", reason_code="R04", comment="Explain why it continues.")
    perform(form, "return_to_force", people.assessor)
    new_item = next(i for i in items_for(form, include_pending=False) if i.section == "C")
    respond(form, new_item, people.officer, lifecycle.RESPONSE, None)
    store.save_section(form, "C", {"continuing_basis": "Amended again."}, people.officer, None)
    perform(form, "resubmit", people.spoc)
    assert (form.state, form.round) == (FormState.RESUBMITTED, 3)


def test_a_return_opens_its_items_and_sets_the_resubmit_by_date_14_days_ahead(people, cast):
    form = lifecycle.returned(cast)
    (item,) = items_for(form, include_pending=False)
    assert (item.status, item.round) == ("open", 1)
    assert form.resubmit_by == form.returned_at.date() + timedelta(days=14)


def test_only_the_system_lapses_a_returned_form(people, cast):
    form = lifecycle.returned(cast)
    for person in (people.officer, people.spoc, people.assessor, people.regional_manager, people.admin):
        with pytest.raises(ActionNotAllowed):
            perform(form, "lapse", person)
    event = perform(form, "lapse", None)
    assert (form.state, event.actor_id) == (FormState.LAPSED, None)


def test_reopening_a_lapsed_form_needs_a_reason(people, cast):
    form = lifecycle.lapsed(cast)
    with pytest.raises(Invalid) as refused:
        perform(form, "reopen", people.spoc, comment="   ")
    assert refused.value.errors == {"comment": "Enter a reason"}
    perform(form, "reopen", people.spoc, comment="The officer was on leave; the answers are ready now.")
    assert form.state is FormState.RETURNED
    assert events_of(form)[-1].comment == "The officer was on leave; the answers are ready now."


@pytest.mark.parametrize("action", ["withdraw", "spoc_return"])
def test_withdrawing_and_returning_to_the_officer_need_a_reason(people, cast, action):
    form = lifecycle.spoc_review(cast)
    actor = people.spoc
    with pytest.raises(Invalid):
        perform(form, action, actor)
    perform(form, action, actor, comment="Section D needs the intelligence citing.")
    assert form.state is {"withdraw": FormState.WITHDRAWN, "spoc_return": FormState.DRAFT}[action]


def test_release_puts_a_first_round_form_back_as_submitted(people, cast):
    form = lifecycle.under_assessment(cast)
    perform(form, "release", people.assessor)
    assert (form.state, form.assessor_id) == (FormState.SUBMITTED, None)


def test_release_puts_a_resubmitted_form_back_as_resubmitted_for_any_assessor(people, cast):
    form = lifecycle.reassessing(cast)
    perform(form, "release", people.regional_manager, comment="Back to the queue while Aled is on leave.")
    assert (form.state, form.assessor_id, form.round) == (FormState.RESUBMITTED, None, 2)
    assert "claim" in available_actions(form, people.assessor2)


def test_a_resubmitted_form_can_only_be_claimed_by_the_assessor_who_returned_it(people, cast):
    form = lifecycle.resubmitted(cast)
    assert available_actions(form, people.assessor2) == []
    with pytest.raises(ActionNotAllowed):
        perform(form, "claim", people.assessor2)
    perform(form, "claim", people.assessor)
    assert (form.state, form.assessor_id) == (FormState.UNDER_ASSESSMENT, people.assessor.id)


def test_without_a_spoc_gate_the_officer_submits_and_resubmits_their_own_form(people, cast):
    set_spoc_gate(people.officer.force, False)
    form = lifecycle.draft(cast)
    assert available_actions(form, people.officer) == ["submit", "withdraw"]
    assert available_actions(form, people.officer2) == []
    perform(form, "submit", people.officer)
    perform(form, "claim", people.assessor)
    add_pending(form, people.assessor, section="B", reason_code="R02", comment="Identify the third subject.")
    perform(form, "return_to_force", people.assessor)
    lifecycle.answer_return(form, people.officer)
    assert "resubmit" not in available_actions(form, people.officer2)
    perform(form, "resubmit", people.officer)
    assert (form.state, form.round) == (FormState.RESUBMITTED, 2)


def test_accepting_stores_the_acceptance_record_and_needs_it_complete(people, cast):
    form = lifecycle.under_assessment(cast)
    record = factories.acceptance_record(form)
    with pytest.raises(Invalid) as refused:
        perform(form, "accept", people.assessor, record={**record, "phase": ""})
    assert refused.value.errors == {"phase": "Select the phase"}
    perform(form, "accept", people.assessor, record=record)
    assert form.state is FormState.ACCEPTED and form.decided_at is not None
    count = db.session.scalar(
        select(func.count()).select_from(FormEvent).where(FormEvent.form_id == form.id, FormEvent.action == "accept")
    )
    assert count == 1


def test_rejecting_needs_a_code_and_a_rationale(people, cast):
    form = lifecycle.under_assessment(cast)
    with pytest.raises(Invalid) as refused:
        perform(form, "reject", people.assessor, reason_code="N9", comment="No.")
    assert set(refused.value.errors) == {"reason_code", "comment"}
    with pytest.raises(Invalid) as refused:
        perform(form, "reject", people.assessor, reason_code="N6", comment="A duplicate of a known threat.")
    assert set(refused.value.errors) == {"duplicate_reference"}


def test_the_owning_force_must_be_one_of_the_forms_region(people, cast):
    form = lifecycle.under_assessment(cast)
    record = {**factories.acceptance_record(form), "owning_force_id": factories.force("ESS").id}
    with pytest.raises(Invalid) as refused:
        perform(form, "accept", people.assessor, record=record)
    assert refused.value.errors == {"owning_force_id": "Select the owning force from the forces of the form's region"}
    assert form.state is FormState.UNDER_ASSESSMENT


def test_a_return_item_must_name_a_question_of_its_own_section(people, cast):
    form = lifecycle.under_assessment(cast)
    with pytest.raises(Invalid) as refused:
        add_pending(form, people.assessor, section="B", field="summary", reason_code="R02", comment="Who?")
    assert refused.value.errors == {"field": "Select a question in the section you chose, or the whole section"}
    assert items_for(form, include_pending=True) == []
    add_pending(form, people.assessor, section="B", field="subjects", reason_code="R02", comment="Who?")
    assert [(item.section, item.field) for item in items_for(form, include_pending=True)] == [("B", "subjects")]


def test_a_duplicate_reference_is_kept_only_with_a_rejection_as_a_duplicate(people, cast):
    form = lifecycle.under_assessment(cast)
    perform(
        form,
        "reject",
        people.assessor,
        reason_code="N1",
        comment="Below the threshold for a threat.",
        duplicate_reference="SW-OCG-0042",
    )
    assert "duplicate_reference" not in events_of(form)[-1].details


def test_an_acceptance_record_with_values_outside_the_fixed_lists_is_refused(people, cast):
    form = lifecycle.under_assessment(cast)
    record = {
        **factories.acceptance_record(form),
        "soc": "maybe",
        "tier": "6",
        "secondary_themes": ["golf"],
        "morile_scores": [{"category": "physical", "score": "64", "confidence": ""}],
        "owning_force_id": 99_999,
    }
    with pytest.raises(Invalid) as refused:
        perform(form, "accept", people.assessor, record=record)
    assert refused.value.errors == {
        "soc": "Select whether the threat is serious and organised crime",
        "tier": "Select the tier",
        "secondary_themes": "Select secondary themes from the list",
        "confidence_physical": "Enter the MoRiLE confidence for physical harm",
        "owning_force_id": "Select the owning force",
    }
    assert form.state is FormState.UNDER_ASSESSMENT
