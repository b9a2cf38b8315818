"""Demo accounts and forms for trying TriggerFlow out (`flask --app triggerflow load-demo-data`).

Idempotent: accounts that exist are left alone, and the demo forms are only created once.
Forms are made through the same services as the UI, so their histories are real.
"""

from datetime import timedelta

from sqlalchemy import func, select, update

from triggerflow.accounts.users import create_user, find_by_email
from triggerflow.content import store
from triggerflow.db import db, transaction
from triggerflow.demo_content import complete_ocg_answers
from triggerflow.models import Force, Region, Role, Threat, TriggerForm, User
from triggerflow.reference_data import seed_reference_data
from triggerflow.synthetic import generate
from triggerflow.synthetic.people import EMAIL_DOMAIN
from triggerflow.threats import service as threats
from triggerflow.workflow.service import perform, start_form

DEMO_PASSWORD = "demo-Rocta-2026-pass"
DEMO_SYNTHETIC_FORMS = 1500

# (email, name, role, force code, region code)
DEMO_ACCOUNTS = (
    ("officer.dorset@example.police.uk", "Olivia Dale", Role.OFFICER, "DOR", None),
    ("spoc.dorset@example.police.uk", "Sam Pike", Role.SPOC, "DOR", None),
    ("officer.wiltshire@example.police.uk", "Owen Marsh", Role.OFFICER, "WIL", None),
    ("spoc.wiltshire@example.police.uk", "Sadia Khan", Role.SPOC, "WIL", None),
    ("manager.dorset@example.police.uk", "Maya Ford", Role.MANAGER, "DOR", None),
    ("assessor.southwest@example.police.uk", "Aled Price", Role.ASSESSOR, None, "SW"),
    ("manager.southwest@example.police.uk", "Rhys Morgan", Role.MANAGER, None, "SW"),
    ("officer.essex@example.police.uk", "Ellen Shaw", Role.OFFICER, "ESS", None),
    ("spoc.essex@example.police.uk", "Eric Stone", Role.SPOC, "ESS", None),
    ("assessor.eastern@example.police.uk", "Anita Rowe", Role.ASSESSOR, None, "EA"),
    ("manager.national@example.police.uk", "Nadia Hart", Role.MANAGER, None, None),
    ("admin@example.police.uk", "Adam Reid", Role.ADMIN, None, None),
)


def load_demo_data() -> str:
    seed_reference_data()
    created = [_account(*row) for row in DEMO_ACCOUNTS]
    forms = db.session.scalar(select(func.count()).select_from(TriggerForm))
    if not forms:
        _demo_forms()
    made = sum(1 for was_new in created if was_new)
    return f"{made} demo accounts created; demo forms {'created' if not forms else 'already present'}."


def _account(email: str, name: str, role: Role, force_code: str | None, region_code: str | None) -> bool:
    if find_by_email(email):
        return False
    force = db.session.scalar(select(Force).where(Force.code == force_code)) if force_code else None
    region = db.session.scalar(select(Region).where(Region.code == region_code)) if region_code else None
    create_user(email=email, name=name, password=DEMO_PASSWORD, role=role, force=force, region=region)
    return True


def _user(email: str) -> User:
    return find_by_email(email)


def _filled_form(officer: User, working_name: str) -> TriggerForm:
    form = start_form(officer)
    answers = complete_ocg_answers(officer.force.code)
    answers["A"]["working_name"] = working_name
    for section, values in answers.items():
        store.save_section(form, section, values, officer, None)  # keeps only the section's own fields
        group = {"B": "subjects", "C": "offences", "F": "intelligence"}.get(section)
        for item in values.get(group, []) if group else []:
            store.save_item(form, section, None, {k: v for k, v in item.items() if k != "id"}, officer, None)
    _cite_all_intelligence(form, officer)
    return form


def _cite_all_intelligence(form: TriggerForm, officer: User) -> None:
    ids = [item["id"] for item in form.answers_for("F").get("intelligence", [])]
    store.save_section(
        form,
        "D",
        {f"{e}_cites": ids for e in ("planning", "control", "coordination", "decision_making")},
        officer,
        None,
    )
    # Each subject other than the principal cites one item, in turn, for its link to the group.
    for n, subject in enumerate(s for s in form.answers_for("B").get("subjects", []) if s.get("role") != "principal"):
        store.save_item(form, "B", subject["id"], {"link_cites": [ids[n % len(ids)]]}, officer, None)


def _accept(form: TriggerForm, assessor: User, priority: str, apmis: str | None) -> None:
    perform(
        form,
        "accept",
        assessor,
        record={
            "threat_type": "ocg",
            "primary_theme": "county_lines",
            "secondary_themes": ["money_laundering"],
            "apmis_reference": apmis,
            "morile_harm": "64",
            "morile_likelihood": "3",
            "morile_risk": "192",
            "morile_confidence": "medium",
            "morile_organisational_position": "Capacity and capability gap",
            "morile_priority": priority,
            "tier": "3",
            "management_level": "force",
            "owning_force_id": form.force_id,
            "morile_scores": [
                {"category": "physical", "score": "48", "confidence": "Medium"},
                {"category": "financial", "score": "16", "confidence": "High"},
            ],
            "soc": "soc",
            "moderation_status": "moderated",
            "phase": "active",
        },
    )


def _demo_forms() -> None:
    officer, spoc = _user("officer.dorset@example.police.uk"), _user("spoc.dorset@example.police.uk")
    assessor = _user("assessor.southwest@example.police.uk")
    wilts_officer, wilts_spoc = _user("officer.wiltshire@example.police.uk"), _user("spoc.wiltshire@example.police.uk")

    start_form(officer)  # an empty draft to fill in
    ready = _filled_form(officer, "Quayside cannabis farms")
    perform(ready, "send_to_spoc", officer)

    queued = _filled_form(wilts_officer, "Westbury firearms supply")
    perform(queued, "send_to_spoc", wilts_officer)
    perform(queued, "submit", wilts_spoc)

    accepted = _filled_form(officer, "Harbour Lane network")
    perform(accepted, "send_to_spoc", officer)
    perform(accepted, "submit", spoc)
    perform(accepted, "claim", assessor)
    _accept(accepted, assessor, priority="high", apmis="APMIS-SW-0412")
    threat = db.session.scalar(select(Threat).where(Threat.form_id == accepted.id))
    # A threat part-way through its life: LRO appointed, plan in progress, a disruption recorded.
    threats.perform(
        threat,
        "appoint_lro",
        spoc,
        lro_name="DCI Laura Penn",
        lro_organisation="Dorset Police",
        lro_email="laura.penn@example.police.uk",
    )
    today = threat.accepted_at.date()
    threats.perform(
        threat,
        "add_plan_action",
        spoc,
        strand="pursue",
        owner="DI Tom Hale",
        description="Target the line holders with covert tactics",
        due_on=today + timedelta(days=60),
    )
    threats.perform(
        threat,
        "record_disruption",
        assessor,
        occurred_on=today,
        grade="minor",
        description="Runner stopped with drugs and cash on the train at Poole",
    )

    waiting = _filled_form(wilts_officer, "Trowbridge cash couriers")
    perform(waiting, "send_to_spoc", wilts_officer)
    perform(waiting, "submit", wilts_spoc)
    perform(waiting, "claim", assessor)
    _accept(waiting, assessor, priority="medium", apmis=None)  # its LRO is still to be appointed
    # A year and a half of synthetic history (the south-west inspection scenario) for the dashboards.
    generate(DEMO_SYNTHETIC_FORMS, seed=2026, scenario="south-west", months=18)
    _retire_synthetic_people()


def _retire_synthetic_people() -> None:
    """The history's invented officers, SPOCs and assessors share the demo's forces and regions: as
    disabled accounts they stay the history's authors without being anyone's SPOC or getting mail."""
    with transaction():
        db.session.execute(update(User).where(User.email.endswith(f"@{EMAIL_DOMAIN}")).values(active=False))
