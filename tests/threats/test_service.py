"""The threat's lifecycle through its one service: who may do what, what each step records."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from tests import factories
from triggerflow.db import db
from triggerflow.models import Disruption, OutboxMessage, PlanAction, ThreatEvent
from triggerflow.models.event import AppendOnly
from triggerflow.threats.service import available_actions, perform
from triggerflow.threats.states import ThreatState
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, StaleForm
from triggerflow.workflow.service import perform as perform_on_form
from triggerflow.workflow.states import FormState


def history(threat) -> list[tuple[str, str | None, str]]:
    return [
        (e.action, e.from_state, e.to_state)
        for e in db.session.scalars(
            select(ThreatEvent).where(ThreatEvent.threat_id == threat.id).order_by(ThreatEvent.id)
        )
    ]


def test_accepting_a_form_puts_a_threat_on_its_regions_register_with_its_lro_and_plan_due(people):
    form = factories.accepted(people.officer, people.spoc, people.assessor)
    threat = factories.threat_of(form)
    accepted_on = threat.accepted_at.date()
    assert (threat.state, threat.region.code, threat.owning_force.code) == (ThreatState.ACCEPTED, "SW", "DOR")
    assert (threat.lro_due_on, threat.plan_due_on) == (
        accepted_on + timedelta(days=7),
        accepted_on + timedelta(days=28),
    )
    assert (threat.apmis_reference, threat.lro_name) == ("APMIS-1", None)
    assert history(threat) == [("register", None, "accepted")]


def test_a_threat_accepted_after_midnight_in_summer_is_due_from_that_day_in_england_not_the_utc_day(people, clock):
    clock.move_to(datetime(2026, 7, 1, 23, 30, tzinfo=UTC), tick=False)  # 00:30 on 2 July in London
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    assert (threat.lro_due_on, threat.plan_due_on) == (date(2026, 7, 9), date(2026, 7, 30))


def test_only_the_owning_forces_spoc_or_manager_appoints_the_lro_and_the_lro_is_told(people):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    assert available_actions(threat, people.officer) == []
    assert available_actions(threat, people.wilts_spoc) == []
    assert "appoint_lro" not in available_actions(threat, people.assessor)
    assert "appoint_lro" in available_actions(threat, people.force_manager)
    perform(threat, "appoint_lro", people.spoc, **factories.LRO)
    assert (threat.state, threat.lro_name) == (ThreatState.LRO_APPOINTED, "DCI Laura Penn")
    told = db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "appoint_lro")).all()
    assert [m.to_address for m in told] == ["laura.penn@dorset.police.uk"]
    assert "lead responsible officer" in told[0].subject and f"/threats/{threat.id}" in told[0].body


def test_appointing_an_lro_needs_a_name_an_organisation_and_an_email_and_changes_nothing_without(people):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    with pytest.raises(Invalid) as refused:
        perform(threat, "appoint_lro", people.spoc, lro_name="DCI Penn", lro_organisation="", lro_email="penn")
    assert set(refused.value.errors) == {"lro_organisation", "lro_email"}
    db.session.refresh(threat)
    assert (threat.state, threat.lro_name) == (ThreatState.ACCEPTED, None)


def test_the_plan_is_agreed_only_with_an_action_under_each_of_the_four_ps(people):
    threat = factories.planned_threat(people, through="appoint_lro")
    perform(
        threat,
        "add_plan_action",
        people.spoc,
        strand="pursue",
        description="Arrest the line holders",
        owner="DI Owner",
        due_on=threat.accepted_at.date() + timedelta(days=30),
    )
    with pytest.raises(Invalid) as refused:
        perform(threat, "agree_plan", people.spoc)
    assert refused.value.errors == {
        "plan": "Add at least one action under Prevent, Protect, Prepare before agreeing the plan"
    }
    assert threat.state is ThreatState.LRO_APPOINTED
    assert db.session.scalar(select(PlanAction.owner).where(PlanAction.threat_id == threat.id)) == "DI Owner"


def test_management_sets_reviews_at_the_interval_its_priority_sets(people):
    threat = factories.planned_threat(people)
    today = threat.accepted_at.date()
    assert threat.state is ThreatState.UNDER_MANAGEMENT
    assert threat.next_review_on == today + timedelta(days=56)  # medium priority
    with pytest.raises(Invalid):
        perform(threat, "review", people.assessor, comment="")
    perform(
        threat,
        "review",
        people.assessor,
        comment="Two warrants executed; plan still right.",
        next_review_on=today + timedelta(days=10),
    )
    assert (threat.state, threat.next_review_on) == (ThreatState.UNDER_MANAGEMENT, today + timedelta(days=10))
    assert [a for a, _, _ in history(threat)][-3:] == ["agree_plan", "start_management", "review"]


def test_disruptions_are_graded_dated_and_not_in_the_future(people):
    threat = factories.planned_threat(people, through="appoint_lro")
    today = threat.accepted_at.date()
    with pytest.raises(Invalid) as refused:
        perform(
            threat,
            "record_disruption",
            people.assessor,
            occurred_on=today + timedelta(days=1),
            grade="huge",
            description="",
        )
    assert set(refused.value.errors) == {"occurred_on", "grade", "description"}
    perform(
        threat,
        "record_disruption",
        people.assessor,
        occurred_on=today,
        grade="major",
        description="Line holder charged with conspiracy to supply",
    )
    assert db.session.scalar(select(Disruption.grade).where(Disruption.threat_id == threat.id)) == "major"
    assert threat.state is ThreatState.LRO_APPOINTED


def test_references_are_corrected_by_the_rocta_with_the_old_and_new_kept(people):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    assert "update_references" not in available_actions(threat, people.spoc)
    event = perform(threat, "update_references", people.assessor, apmis_reference="APMIS-2", pnd_reference="PND-9")
    assert event.details == {
        "apmis_reference": {"from": "APMIS-1", "to": "APMIS-2"},
        "pnd_reference": {"from": None, "to": "PND-9"},
    }
    with pytest.raises(Invalid):
        perform(threat, "update_references", people.assessor, apmis_reference="APMIS-2", pnd_reference="PND-9")


def test_archiving_needs_a_reason_and_a_merge_names_the_threat_it_joined(people):
    threat = factories.planned_threat(people)
    with pytest.raises(Invalid) as refused:
        perform(threat, "archive", people.regional_manager, reason_code="merged", comment="Joined Op Tide")
    assert set(refused.value.errors) == {"merged_into"}
    with pytest.raises(Invalid):
        perform(threat, "archive", people.assessor, reason_code="decision_reconsidered", comment="No")
    perform(
        threat, "archive", people.assessor, reason_code="merged", merged_into="DOR-2026-0001", comment="Joined Op Tide"
    )
    assert (threat.state, threat.archive_reason, threat.merged_into) == (
        ThreatState.ARCHIVED,
        "merged",
        "DOR-2026-0001",
    )
    assert available_actions(threat, people.assessor) == []


def test_a_stale_page_changes_nothing(people):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    seen = threat.version
    perform(threat, "appoint_lro", people.spoc, **factories.LRO)
    with pytest.raises(StaleForm):
        perform(
            threat,
            "record_disruption",
            people.assessor,
            expected_version=seen,
            occurred_on=threat.accepted_at.date(),
            grade="minor",
            description="Cash seized",
        )


def test_nobody_can_take_an_action_the_lifecycle_does_not_offer(people):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    with pytest.raises(ActionNotAllowed):
        perform(threat, "agree_plan", people.spoc)
    with pytest.raises(ActionNotAllowed):
        perform(threat, "close_reconsidered", people.regional_manager)


def test_threat_events_cannot_be_changed(people):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    event = db.session.scalar(select(ThreatEvent).where(ThreatEvent.threat_id == threat.id))
    event.comment = "rewritten"
    with pytest.raises(AppendOnly):
        db.session.flush()
    db.session.rollback()


def test_reconsidering_an_acceptance_closes_its_threat_and_the_form_can_be_accepted_again(people):
    form = factories.accepted(people.officer, people.spoc, people.assessor)
    first = factories.threat_of(form)
    with pytest.raises(Invalid):
        perform_on_form(form, "reconsider", people.regional_manager, comment="")
    perform_on_form(form, "reconsider", people.regional_manager, comment="New intelligence: a different group")
    assert (form.state, form.assessor_id) == (FormState.UNDER_ASSESSMENT, people.assessor.id)
    assert (first.state, first.archive_reason) == (ThreatState.ARCHIVED, "decision_reconsidered")
    assert history(first)[-1] == ("close_reconsidered", "accepted", "archived")
    perform_on_form(form, "accept", people.assessor, record=factories.acceptance_record(form))
    second = factories.threat_of(form)
    assert second.id != first.id and second.state is ThreatState.ACCEPTED


def test_a_rejection_can_be_reconsidered_by_the_regional_manager_only(people):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    perform_on_form(form, "reject", people.assessor, reason_code="N1", comment="Below the SOC threshold for now.")
    with pytest.raises(ActionNotAllowed):
        perform_on_form(form, "reconsider", people.assessor, comment="I changed my mind")
    perform_on_form(form, "reconsider", people.regional_manager, comment="The force has sent more intelligence")
    assert form.state is FormState.UNDER_ASSESSMENT


def test_the_reminders_run_chases_the_lro_then_the_plan_then_the_review_and_never_twice(people):
    from triggerflow.models import ReminderSent
    from triggerflow.notifications import reminders

    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    accepted_on = threat.accepted_at.date()

    def told(kind: str) -> list[str]:
        return [m.to_address for m in db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == kind))]

    reminders.run(today=accepted_on + timedelta(days=8))
    assert told("lro_overdue") == [people.spoc.email, people.spoc2.email]
    reminders.run(today=accepted_on + timedelta(days=9))
    assert len(told("lro_overdue")) == 2  # one key per due date: not sent again

    perform(threat, "appoint_lro", people.spoc, **factories.LRO)
    reminders.run(today=accepted_on + timedelta(days=29))
    assert "laura.penn@dorset.police.uk" in told("plan_overdue")
    body = db.session.scalar(select(OutboxMessage.body).where(OutboxMessage.kind == "plan_overdue"))
    assert f"4P plan due: {threat.plan_due_on:%-d %B %Y} (overdue)" in body

    threat = factories.planned_threat(people)
    reminders.run(today=threat.next_review_on + timedelta(days=1))
    assert (
        db.session.scalar(select(ReminderSent.kind).where(ReminderSent.form_id == threat.form_id)) == "review_overdue"
    )


def test_the_migration_puts_forms_accepted_before_the_register_on_it(people):
    import flask_migrate

    form = factories.accepted(people.officer, people.spoc, people.assessor)
    accepted_on = factories.threat_of(form).accepted_at.date()
    db.session.commit()
    db.session.close()  # the migrations take the database to themselves
    flask_migrate.downgrade(revision="4e64b53aacab")
    flask_migrate.upgrade()
    threat = factories.threat_of(form)
    assert (threat.state, threat.lro_due_on, threat.plan_due_on) == (
        ThreatState.ACCEPTED,
        accepted_on + timedelta(days=7),
        accepted_on + timedelta(days=28),
    )
    assert history(threat) == [("register", None, "accepted")]


def test_every_event_keeps_the_threats_latest_time_and_a_new_lro_leaves_the_first_appointments(people, clock):
    clock.move_to(datetime(2026, 3, 2, 10, 0, tzinfo=UTC), tick=False)
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    assert threat.last_recorded_at == datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    clock.move_to(datetime(2026, 3, 4, 9, 0, tzinfo=UTC), tick=False)
    perform(threat, "appoint_lro", people.spoc, **factories.LRO)
    clock.move_to(datetime(2026, 4, 20, 9, 0, tzinfo=UTC), tick=False)
    perform(threat, "change_lro", people.spoc, **{**factories.LRO, "lro_name": "DCI Sam Hale"})

    assert threat.lro_name == "DCI Sam Hale"
    assert threat.lro_appointed_at == datetime(2026, 3, 4, 9, 0, tzinfo=UTC)  # the 7 days judge the first
    assert threat.last_recorded_at == datetime(2026, 4, 20, 9, 0, tzinfo=UTC)


def test_the_migration_keeps_each_threats_latest_event_and_its_first_lro(people, clock):
    import flask_migrate
    from sqlalchemy import update

    from triggerflow.models import Threat

    clock.move_to(datetime(2026, 3, 2, 10, 0, tzinfo=UTC), tick=False)
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    clock.move_to(datetime(2026, 3, 4, 9, 0, tzinfo=UTC), tick=False)
    perform(threat, "appoint_lro", people.spoc, **factories.LRO)
    clock.move_to(datetime(2026, 4, 20, 9, 0, tzinfo=UTC), tick=False)
    perform(threat, "change_lro", people.spoc, **factories.LRO)
    # As a change of LRO used to leave it: the time of the change.
    changed_at = datetime(2026, 4, 20, 9, 0, tzinfo=UTC)
    db.session.execute(update(Threat).where(Threat.id == threat.id).values(lro_appointed_at=changed_at))
    threat_id = threat.id
    db.session.commit()
    db.session.close()  # the migrations take the database to themselves

    flask_migrate.downgrade(revision="f48c9e5a1b32")
    flask_migrate.upgrade()

    threat = db.session.get(Threat, threat_id)
    assert threat.lro_appointed_at == datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    assert threat.last_recorded_at == changed_at
