"""The threat register and a threat's page, as the people who use them see them."""

from datetime import timedelta

from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import error_summary, parse
from triggerflow.db import db
from triggerflow.models import Threat
from triggerflow.threats.service import perform
from triggerflow.threats.states import ThreatState


def fresh(threat: Threat) -> Threat:
    db.session.expire_all()
    return db.session.get(Threat, threat.id)


def act(client, threat: Threat, action: str, **data):
    data.setdefault("version", threat.version)
    return client.post(f"/threats/{threat.id}/actions/{action}", data=data)


def parts(when) -> list[str]:
    return [str(when.day), str(when.month), str(when.year)]


def register_rows(page) -> list[str]:
    return [row.get("data-threat") for row in page.find_all("tr") if row.get("data-threat")]


def test_the_spoc_appoints_the_lro_from_the_threats_page_and_sees_it_there(people, sign_in):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    client = sign_in(people.spoc)
    page = parse(client.get(f"/threats/{threat.id}"))
    assert "Appoint the LRO" in page.find(id="actions").text
    response = act(client, threat, "appoint_lro", **factories.LRO)
    assert response.status_code == 302
    page = parse(client.get(response.location))
    assert "Lead responsible officer appointed" in page.find(class_="govuk-notification-banner").text
    assert "DCI Laura Penn, Dorset Police" in page.text
    assert fresh(threat).state is ThreatState.LRO_APPOINTED


def test_a_refused_action_keeps_what_was_typed_and_says_what_to_put_right(people, sign_in):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    response = act(
        sign_in(people.spoc), threat, "appoint_lro", lro_name="DCI Laura Penn", lro_organisation="", lro_email=""
    )
    assert response.status_code == 400
    page = parse(response)
    assert dict(error_summary(page))["Enter the lead responsible officer's organisation"] == "#lro_organisation"
    assert page.find("input", name="lro_name")["value"] == "DCI Laura Penn"
    assert fresh(threat).state is ThreatState.ACCEPTED


def test_agreeing_a_plan_without_all_four_ps_is_refused_on_the_page(people, sign_in):
    threat = factories.planned_threat(people, through="appoint_lro")
    client = sign_in(people.spoc)
    due = threat.accepted_at.date() + timedelta(days=40)
    assert (
        act(
            client,
            threat,
            "add_plan_action",
            strand="pursue",
            description="Arrest the line holders",
            owner="DI Owner",
            due_on=parts(due),
        ).status_code
        == 302
    )
    response = act(client, fresh(threat), "agree_plan")
    assert response.status_code == 422
    assert [text for text, _ in error_summary(parse(response))] == [
        "Add at least one action under Prevent, Protect, Prepare before agreeing the plan"
    ]
    page = parse(client.get(f"/threats/{threat.id}"))
    assert "Arrest the line holders" in page.find("table").text


def test_a_disruption_recorded_by_the_assessor_shows_with_its_grade(people, sign_in):
    threat = factories.planned_threat(people, through="agree_plan")
    client = sign_in(people.assessor)
    response = act(
        client,
        threat,
        "record_disruption",
        occurred_on=parts(threat.accepted_at.date()),
        grade="moderate",
        description="Cash and drugs seized at the trap house",
    )
    assert response.status_code == 302
    page = parse(client.get(response.location))
    assert "Moderate" in page.find(id="disruptions").parent.text
    assert "Disruption recorded" in page.find(id="history").parent.text


def test_people_outside_the_threats_scope_get_not_found_and_the_wrong_role_forbidden(people, sign_in):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    assert sign_in(people.wilts_spoc).get(f"/threats/{threat.id}").status_code == 404
    assert sign_in(people.eastern_assessor).get(f"/threats/{threat.id}").status_code == 404
    assert sign_in(people.officer).get(f"/threats/{threat.id}").status_code == 200
    assert act(sign_in(people.officer), threat, "appoint_lro", **factories.LRO).status_code == 403
    assert fresh(threat).state is ThreatState.ACCEPTED


def test_archiving_asks_first_and_the_register_moves_it_to_archived(people, sign_in):
    threat = factories.planned_threat(people)
    client = sign_in(people.regional_manager)
    page = parse(client.get(f"/threats/{threat.id}/actions/archive"))
    assert page.find("h1").text.strip() == "Archive"
    assert (
        act(client, threat, "archive", reason_code="dismantled", comment="All principals convicted").status_code == 302
    )
    assert register_rows(parse(client.get("/threats"))) == []
    archived = parse(client.get("/threats?status=archived"))
    assert register_rows(archived) == [threat.form.number]


def test_the_register_ranks_by_priority_shows_lro_status_and_each_force_sees_its_own(people, sign_in):
    low = factories.accepted(people.officer, people.spoc, people.assessor, morile_priority="low")
    high = factories.accepted(people.officer, people.spoc, people.assessor, morile_priority="high")
    wilts = factories.accepted(people.wilts_officer, people.wilts_spoc, people.assessor, morile_priority="medium")
    perform(factories.threat_of(high), "appoint_lro", people.spoc, **factories.LRO)
    page = parse(sign_in(people.assessor).get("/threats"))
    assert register_rows(page) == [high.number, wilts.number, low.number]
    row = next(r for r in page.find_all("tr") if r.get("data-threat") == high.number)
    assert "DCI Laura Penn" in row.text and "Done" in row.text
    low_row = next(r for r in page.find_all("tr") if r.get("data-threat") == low.number)
    assert "Due" in low_row.text
    assert register_rows(parse(sign_in(people.spoc).get("/threats"))) == [high.number, low.number]
    assert register_rows(parse(sign_in(people.assessor).get("/threats?force=WIL"))) == [wilts.number]
    assert register_rows(parse(sign_in(people.assessor).get("/threats?priority=high&force=nonsense"))) == [high.number]


def test_the_register_csv_has_a_row_per_threat_under_the_marking(people, sign_in, app):
    form = factories.accepted(people.officer, people.spoc, people.assessor)
    response = sign_in(people.spoc).get("/threats/register.csv")
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == app.config["SECURITY_MARKING"]
    assert lines[1].startswith("Threat id,Form number")
    assert len(lines) == 3 and form.number in lines[2]


def test_the_regional_manager_reconsiders_an_acceptance_from_the_form_and_its_threat_is_closed(people, sign_in):
    form = factories.accepted(people.officer, people.spoc, people.assessor)
    client = sign_in(people.regional_manager)
    page = parse(client.get(f"/forms/{form.number}"))
    assert "Reconsider the decision" in page.find(id="actions").text
    empty = client.post(f"/forms/{form.number}/actions/reconsider", data={"version": form.version, "comment": ""})
    assert empty.status_code == 400
    response = client.post(
        f"/forms/{form.number}/actions/reconsider",
        data={"version": form.version, "comment": "The group is already on the register"},
    )
    assert response.status_code == 302
    threat = db.session.scalar(select(Threat).where(Threat.form_id == form.id))
    assert (fresh(threat).state, threat.archive_reason) == (ThreatState.ARCHIVED, "decision_reconsidered")
    page = parse(client.get(f"/forms/{form.number}"))
    assert "Archived (Decision reconsidered)" in page.find(id="threats").parent.text
