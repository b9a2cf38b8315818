"""Routing: a resubmission goes back to the assessor who returned it; a regional manager reassigns work."""

import pytest
from sqlalchemy import select

from tests import factories
from tests.workflow.lifecycle import Cast, resubmitted, returned, under_assessment
from triggerflow.db import db
from triggerflow.models import FormEvent, Role
from triggerflow.queries import queues
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, StaleForm
from triggerflow.workflow.routing import reassign, reassign_many
from triggerflow.workflow.service import available_actions
from triggerflow.workflow.states import FormState


@pytest.fixture
def cast(people):
    return Cast(people.officer, people.spoc, people.assessor)


def events(form, action="reassign") -> list[FormEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(FormEvent).where(FormEvent.form_id == form.id, FormEvent.action == action)))


def test_a_resubmission_goes_back_to_the_assessor_who_returned_it(cast, people):
    form = resubmitted(cast)
    assert form.state is FormState.RESUBMITTED and form.assessor_id == people.assessor.id

    assert "claim" in available_actions(form, people.assessor)
    assert "claim" not in available_actions(form, people.assessor2)
    mine = queues.regional_resubmitted(people.assessor).rows
    theirs = queues.regional_resubmitted(people.assessor2).rows
    assert [(row["number"], row["to_me"]) for row in mine] == [(form.number, True)]
    assert [(row["number"], row["to_me"]) for row in theirs] == [(form.number, False)]


def test_the_regional_manager_reassigns_a_form_under_assessment_and_it_is_audited(cast, people):
    form = under_assessment(cast)
    version = form.version
    event = reassign(form, people.regional_manager, people.assessor2, "Aled is on leave for two weeks.", version)

    assert (form.state, form.assessor_id) == (FormState.UNDER_ASSESSMENT, people.assessor2.id)
    assert form.version == version + 1
    (saved,) = events(form)
    assert saved.id == event.id
    assert (saved.from_state, saved.to_state, saved.actor_id, saved.comment) == (
        FormState.UNDER_ASSESSMENT,
        FormState.UNDER_ASSESSMENT,
        people.regional_manager.id,
        "Aled is on leave for two weeks.",
    )
    assert saved.details == {"from_assessor_id": people.assessor.id, "assessor_id": people.assessor2.id}
    assert "return_to_force" in available_actions(form, people.assessor2)
    assert "return_to_force" not in available_actions(form, people.assessor)


def test_a_routed_resubmission_can_be_rerouted_or_opened_to_any_assessor(cast, people):
    form = resubmitted(cast)
    reassign(form, people.regional_manager, people.assessor2, "Workload", form.version)
    assert "claim" in available_actions(form, people.assessor2)
    reassign(form, people.regional_manager, None, "Whoever is free first", form.version)
    assert form.assessor_id is None
    assert "claim" in available_actions(form, people.assessor)
    assert [e.details["assessor_id"] for e in events(form)] == [people.assessor2.id, None]


def test_giving_a_form_under_assessment_back_to_the_region_releases_it_to_the_queue(cast, people):
    form = under_assessment(cast)
    event = reassign(form, people.regional_manager, None, "Aled is off sick", form.version)

    assert (form.state, form.assessor_id) == (FormState.SUBMITTED, None)
    (saved,) = events(form, "release")
    assert (saved.id, saved.actor_id, saved.comment) == (event.id, people.regional_manager.id, "Aled is off sick")
    assert events(form) == []


def test_an_assessor_from_the_forms_own_force_is_refused(cast, people):
    form = under_assessment(cast)
    dorset_assessor = factories.user(Role.ASSESSOR, region_code="SW", force_code="DOR")
    with pytest.raises(Invalid) as refused:
        reassign(form, people.regional_manager, dorset_assessor, "Cover", form.version)
    assert "cannot assess its forms" in refused.value.errors["assessor"]
    assert form.assessor_id == people.assessor.id and events(form) == []


def test_other_refusals_write_nothing(cast, people):
    form = under_assessment(cast)
    with pytest.raises(Invalid):
        reassign(form, people.regional_manager, people.eastern_assessor, "Cover", form.version)
    with pytest.raises(Invalid):
        reassign(form, people.regional_manager, people.assessor2, "  ", form.version)
    with pytest.raises(Invalid):
        reassign_many([(form, form.version)], people.regional_manager, None, "Nobody")  # release instead
    with pytest.raises(StaleForm):
        reassign(form, people.regional_manager, people.assessor2, "Cover", form.version - 1)
    for someone in (
        people.assessor,
        people.national_manager,
        people.force_manager,
        people.admin,
        factories.user(Role.MANAGER, region_code="EA"),
    ):
        with pytest.raises(ActionNotAllowed):
            reassign(form, someone, people.assessor2, "Cover", form.version)
    assert form.assessor_id == people.assessor.id and events(form) == []


def test_forms_with_the_force_cannot_be_reassigned(cast, people):
    form = returned(cast)
    with pytest.raises(ActionNotAllowed):
        reassign(form, people.regional_manager, people.assessor2, "Cover", form.version)


def test_bulk_reassign_is_all_or_nothing(people):
    wilts = Cast(people.wilts_officer, people.wilts_spoc, people.assessor)
    dorset, wiltshire = under_assessment(Cast(people.officer, people.spoc, people.assessor)), under_assessment(wilts)
    wilts_assessor = factories.user(Role.ASSESSOR, region_code="SW", force_code="WIL")

    with pytest.raises(Invalid):
        reassign_many(
            [(dorset, dorset.version), (wiltshire, wiltshire.version)],
            people.regional_manager,
            wilts_assessor,
            "Leaver",
        )
    assert (dorset.assessor_id, wiltshire.assessor_id) == (people.assessor.id, people.assessor.id)

    reassign_many(
        [(dorset, dorset.version), (wiltshire, wiltshire.version)],
        people.regional_manager,
        people.assessor2,
        "Aled has left the unit.",
    )
    assert (dorset.assessor_id, wiltshire.assessor_id) == (people.assessor2.id, people.assessor2.id)
    assert len(events(dorset)) == len(events(wiltshire)) == 1
