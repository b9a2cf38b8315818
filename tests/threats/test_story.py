"""The issue's walk, as a new user would take it through the pages: accept a form, appoint its LRO,
agree a 4P plan with actions, record a disruption, pass a review date and see the reminder, archive
the threat; reconsider another decision; the register and the measures show each step."""

from datetime import timedelta

from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.db import db, utcnow
from triggerflow.models import OutboxMessage, Threat
from triggerflow.notifications import reminders


def post(client, path: str, data: dict):
    page = parse(client.get(path))
    version = page.find("input", name="version")["value"]
    response = client.post(path, data={"version": version, **data})
    assert response.status_code == 302, parse(response).text[:2000]
    return response


def parts(when) -> list[str]:
    return [str(when.day), str(when.month), str(when.year)]


def register_row(client, number: str) -> str:
    return next(
        row.text for row in parse(client.get("/threats?status=all")).find_all("tr") if row.get("data-threat") == number
    )


def test_a_threat_from_acceptance_to_archive_and_a_decision_reconsidered(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    assessor, spoc, manager = sign_in(people.assessor), sign_in(people.spoc), sign_in(people.regional_manager)
    post(
        assessor,
        f"/forms/{form.number}/actions/accept",
        {
            "threat_type": "ocg",
            "primary_theme": "county_lines",
            "morile_harm": "64",
            "morile_likelihood": "3",
            "morile_risk": "192",
            "morile_confidence": "medium",
            "morile_organisational_position": "Capacity gap",
            "morile_priority": "high",
            "score_physical": "48",
            "confidence_physical": "Medium",
            "soc": "soc",
            "moderation_status": "moderated",
            "phase": "active",
            "tier": "3",
            "management_level": "force",
            "owning_force_id": str(form.force_id),
        },
    )
    threat = db.session.scalar(select(Threat).where(Threat.form_id == form.id))
    assert "Waiting for an LRO" in register_row(spoc, form.number)

    post(spoc, f"/threats/{threat.id}/actions/appoint_lro", factories.LRO)
    assert "DCI Laura Penn" in register_row(assessor, form.number)
    today = utcnow().date()
    for strand, description in factories.PLAN:
        post(
            spoc,
            f"/threats/{threat.id}/actions/add_plan_action",
            {
                "strand": strand,
                "description": description,
                "owner": "DI Owner",
                "due_on": parts(today + timedelta(days=60)),
            },
        )
    post(spoc, f"/threats/{threat.id}/actions/agree_plan", {})
    post(spoc, f"/threats/{threat.id}/actions/start_management", {})
    post(
        assessor,
        f"/threats/{threat.id}/actions/record_disruption",
        {"occurred_on": parts(today), "grade": "major", "description": "Line holder charged"},
    )
    page = parse(spoc.get(f"/threats/{threat.id}"))
    assert "Under management" in page.find(id="threat-state").text and "Major" in page.text

    db.session.expire_all()
    review_due = db.session.get(Threat, threat.id).next_review_on
    reminders.run(today=review_due + timedelta(days=1))
    chased = db.session.scalars(select(OutboxMessage.to_address).where(OutboxMessage.kind == "review_overdue")).all()
    assert "laura.penn@dorset.police.uk" in chased
    assert f"Due {review_due:%-d %b %Y}" in register_row(assessor, form.number)

    dashboard = parse(manager.get("/dashboards/after-acceptance"))
    assert "1 (100%)" in dashboard.find("table").text  # the LRO came within 7 days

    post(
        manager,
        f"/threats/{threat.id}/actions/archive",
        {"reason_code": "dismantled", "comment": "Principal and lieutenants convicted"},
    )
    assert "Archived" in register_row(assessor, form.number)

    other = factories.accepted(people.officer, people.spoc, people.assessor)
    post(manager, f"/forms/{other.number}/actions/reconsider", {"comment": "The group is already on the register"})
    assert "Archived" in register_row(assessor, other.number)
    assert "Under assessment" in parse(manager.get(f"/forms/{other.number}")).text
