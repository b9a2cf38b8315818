"""The API and the web pages are two doors to one service: the same actions write the same history."""

from datetime import timedelta

from sqlalchemy import select

from tests import factories
from triggerflow.assessment.return_items import items_for
from triggerflow.clocks.working_days import local_today
from triggerflow.content import store
from triggerflow.db import db
from triggerflow.models import FormEvent, TriggerForm

COMMENT = "Please say more about how the group launders its cash."
ITEM = {"section": "B", "reason_code": "R02", "comment": "Identify the third subject."}
RESPONSE = "All three subjects are now identified with their PNC numbers."
REJECTION = "Below the SOC threshold on the evidence given after the return."


class Web:
    def __init__(self, sign_in, form: TriggerForm):
        self.sign_in, self.form = sign_in, form

    def act(self, user, action: str, **data):
        db.session.refresh(self.form)
        response = self.sign_in(user).post(
            f"/forms/{self.form.number}/actions/{action}", data={"version": self.form.version, **data}
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:500]

    def add_item(self, user):
        response = self.sign_in(user).post(
            f"/forms/{self.form.number}/return-items/new", data={**ITEM, "field_name": ""}
        )
        assert response.status_code == 302

    def respond(self, user, item_id: int):
        db.session.refresh(self.form)
        response = self.sign_in(user).post(
            f"/forms/{self.form.number}/return-items/{item_id}/respond",
            data={"version": self.form.version, "response": RESPONSE},
        )
        assert response.status_code == 302


class Api:
    def __init__(self, api, form: TriggerForm):
        self.api, self.form = api, form

    def act(self, user, action: str, **data):
        client = self.api(user)
        response = client.post(
            f"/forms/{self.form.number}/actions/{action}", json=data or None, etag=client.etag(self.form.number)
        )
        assert response.status_code == 200, response.get_json()

    def add_item(self, user):
        assert self.api(user).post(f"/forms/{self.form.number}/return-items", json=ITEM).status_code == 201

    def respond(self, user, item_id: int):
        client = self.api(user)
        response = client.put(
            f"/forms/{self.form.number}/return-items/{item_id}/response",
            json={"response": RESPONSE},
            etag=client.etag(self.form.number),
        )
        assert response.status_code == 200


def walk(door, people) -> None:
    """Sent, sent back by the SPOC, sent again, submitted, returned, answered, resubmitted, rejected."""
    resubmit_by = local_today() + timedelta(days=21)
    door.act(people.officer, "send_to_spoc")
    door.act(people.spoc, "spoc_return", comment=COMMENT)
    door.act(people.officer, "send_to_spoc")
    door.act(people.spoc, "submit")
    door.act(people.assessor, "claim")
    door.add_item(people.assessor)
    if isinstance(door, Web):
        door.act(
            people.assessor,
            "return_to_force",
            resubmit_by=[str(resubmit_by.day), str(resubmit_by.month), str(resubmit_by.year)],
        )
    else:
        door.act(people.assessor, "return_to_force", resubmit_by=resubmit_by.isoformat())
    db.session.expire_all()
    (item,) = items_for(door.form, include_pending=False)
    door.respond(people.officer, item.id)
    db.session.refresh(door.form)
    store.save_section(door.form, "B", {"pi_rationale": "Amended after the return."}, people.officer, None)
    door.act(people.spoc, "resubmit")
    door.act(people.assessor, "claim")
    door.act(people.assessor, "reject", reason_code="N1", comment=REJECTION)


def history(form: TriggerForm) -> list[tuple]:
    db.session.expire_all()
    return [
        (e.action, e.from_state, e.to_state, e.actor_id, e.round, e.reason_code, e.comment, e.details)
        for e in db.session.scalars(select(FormEvent).where(FormEvent.form_id == form.id).order_by(FormEvent.id))
    ]


def test_the_api_and_the_web_pages_write_the_same_events_for_the_same_actions(people, sign_in, api):
    by_web, by_api = factories.complete_draft(people.officer), factories.complete_draft(people.officer)

    walk(Web(sign_in, by_web), people)
    walk(Api(api, by_api), people)

    web_history, api_history = history(by_web), history(by_api)
    assert len(web_history) == 10
    assert api_history == web_history
    assert [e[0] for e in api_history] == [
        "create",
        "send_to_spoc",
        "spoc_return",
        "send_to_spoc",
        "submit",
        "claim",
        "return_to_force",
        "resubmit",
        "claim",
        "reject",
    ]
    web_form, api_form = db.session.get(TriggerForm, by_web.id), db.session.get(TriggerForm, by_api.id)
    assert (api_form.state, api_form.round, api_form.resubmit_by, api_form.assessor_id) == (
        web_form.state,
        web_form.round,
        web_form.resubmit_by,
        web_form.assessor_id,
    )
