from sqlalchemy import func, select

from tests import factories
from triggerflow.db import db
from triggerflow.models import FormEvent, FormSnapshot
from triggerflow.workflow.service import available_actions, perform
from triggerflow.workflow.states import FormState


def test_a_complete_form_goes_from_draft_to_accepted_through_a_return(people):
    form = factories.returned(people.officer, people.spoc, people.assessor, sections=("B", "C"))
    assert form.state is FormState.RETURNED
    assert available_actions(form, people.spoc) == ["resubmit", "withdraw"]
    from triggerflow.assessment.return_items import items_for, respond
    from triggerflow.content import store

    for item in items_for(form, include_pending=False):
        respond(form, item, people.officer, "We have added the missing identifiers as asked.", None)
        store.save_section(
            form,
            item.section,
            {"pi_rationale" if item.section == "B" else "modus_operandi": "changed text for the return"},
            people.officer,
            None,
        )
    perform(form, "resubmit", people.spoc)
    assert form.state is FormState.RESUBMITTED and form.round == 2
    assert available_actions(form, people.assessor2) == []
    perform(form, "claim", people.assessor)
    perform(form, "accept", people.assessor, record=factories.acceptance_record(form))
    assert form.state is FormState.ACCEPTED
    events = db.session.scalar(select(func.count()).select_from(FormEvent).where(FormEvent.form_id == form.id))
    snapshots = db.session.scalar(select(func.count()).select_from(FormSnapshot).where(FormSnapshot.form_id == form.id))
    assert (events, snapshots) == (8, 2)
