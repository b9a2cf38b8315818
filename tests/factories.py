"""Plain factory functions for tests. Call them inside an application context."""

from types import SimpleNamespace

from sqlalchemy import select

from triggerflow.accounts.users import create_user
from triggerflow.content import store
from triggerflow.db import db
from triggerflow.demo_content import complete_ocg_answers
from triggerflow.models import Force, FormStay, Region, Role, TriggerForm, User
from triggerflow.workflow.service import perform, start_form

PASSWORD = "a-long-test-password"

_GROUPS = {"B": "subjects", "C": "offences", "F": "intelligence"}


def force(code: str) -> Force:
    return db.session.scalar(select(Force).where(Force.code == code))


def region(code: str) -> Region:
    return db.session.scalar(select(Region).where(Region.code == code))


def user(
    role: Role,
    *,
    force_code: str | None = None,
    region_code: str | None = None,
    email: str | None = None,
    name: str | None = None,
) -> User:
    email = email or f"{role.value}.{(force_code or region_code or 'national').lower()}.{_next()}@test.police.uk"
    return create_user(
        email=email,
        name=name or email.split("@")[0],
        password=PASSWORD,
        role=role,
        force=force(force_code) if force_code else None,
        region=region(region_code) if region_code else None,
    )


_counter = iter(range(1, 1_000_000))


def _next() -> int:
    return next(_counter)


def people() -> SimpleNamespace:
    return SimpleNamespace(
        officer=user(Role.OFFICER, force_code="DOR"),
        officer2=user(Role.OFFICER, force_code="DOR"),
        spoc=user(Role.SPOC, force_code="DOR"),
        spoc2=user(Role.SPOC, force_code="DOR"),
        force_manager=user(Role.MANAGER, force_code="DOR"),
        wilts_officer=user(Role.OFFICER, force_code="WIL"),
        wilts_spoc=user(Role.SPOC, force_code="WIL"),
        essex_officer=user(Role.OFFICER, force_code="ESS"),
        essex_spoc=user(Role.SPOC, force_code="ESS"),
        assessor=user(Role.ASSESSOR, region_code="SW"),
        assessor2=user(Role.ASSESSOR, region_code="SW"),
        eastern_assessor=user(Role.ASSESSOR, region_code="EA"),
        regional_manager=user(Role.MANAGER, region_code="SW"),
        national_manager=user(Role.MANAGER),
        admin=user(Role.ADMIN),
    )


def draft(author: User, answers: dict | None = None) -> TriggerForm:
    """A draft by `author`, filled with `answers` (section -> values, items as lists)."""
    form = start_form(author)
    for section, values in (answers or {}).items():
        store.save_section(form, section, values, author, None)
        for item in values.get(_GROUPS.get(section, ""), []):
            store.save_item(form, section, None, {k: v for k, v in item.items() if k != "id"}, author, None)
    if answers and "D" in answers:
        ids = [item["id"] for item in form.answers_for("F").get("intelligence", [])]
        store.save_section(
            form,
            "D",
            {f"{e}_cites": ids for e in ("planning", "control", "coordination", "decision_making")},
            author,
            None,
        )
    _cite_saved_intelligence(form, author, answers or {})
    return form


def _cite_saved_intelligence(form: TriggerForm, author: User, answers: dict) -> None:
    """Point each subject's citations at the intelligence items as saved: saving gave them new ids."""
    given = [item.get("id") for item in answers.get("F", {}).get("intelligence", [])]
    saved = [item["id"] for item in form.answers_for("F").get("intelligence", [])]
    new_id = dict(zip(given, saved))
    for subject in form.answers_for("B").get("subjects", []):
        cites = [new_id[c] for c in subject.get("link_cites") or [] if c in new_id]
        if cites != (subject.get("link_cites") or []):
            store.save_item(form, "B", subject["id"], {"link_cites": cites}, author, None)


def complete_draft(author: User) -> TriggerForm:
    return draft(author, complete_ocg_answers(author.force.code))


def submitted(author: User, spoc: User) -> TriggerForm:
    form = complete_draft(author)
    perform(form, "send_to_spoc", author)
    perform(form, "submit", spoc)
    return form


def under_assessment(author: User, spoc: User, assessor: User) -> TriggerForm:
    form = submitted(author, spoc)
    perform(form, "claim", assessor)
    return form


def returned(author: User, spoc: User, assessor: User, sections=("B",)) -> TriggerForm:
    from triggerflow.assessment.return_items import add_pending

    form = under_assessment(author, spoc, assessor)
    for section in sections:
        add_pending(form, assessor, section=section, reason_code="R02", comment=f"Please improve section {section}.")
    perform(form, "return_to_force", assessor)
    return form


def acceptance_record(form: TriggerForm, **changes) -> dict:
    return {
        "threat_type": "ocg",
        "primary_theme": "drugs_supply",
        "secondary_themes": [],
        "apmis_reference": "APMIS-1",
        "morile_harm": "40",
        "morile_likelihood": "3",
        "morile_risk": "120",
        "morile_confidence": "high",
        "morile_organisational_position": "Capacity gap",
        "morile_priority": "medium",
        "morile_scores": [{"category": "physical", "score": "64", "confidence": "Medium"}],
        "soc": "soc",
        "moderation_status": "moderated",
        "phase": "active",
        "tier": "3",
        "management_level": "force",
        "owning_force_id": form.force_id,
        **changes,
    }


def stays() -> list[tuple]:
    """Every stay held, without its id, in the order its form made them."""
    return [
        tuple(row)
        for row in db.session.execute(
            select(
                FormStay.form_id,
                FormStay.state,
                FormStay.entered_at,
                FormStay.left_at,
                FormStay.left_with,
                FormStay.left_by,
                FormStay.working_days,
            ).order_by(FormStay.form_id, FormStay.left_at)
        )
    ]


def rebuild_stays(app) -> str:
    """What `flask rebuild-stays` printed; it must have succeeded."""
    db.session.commit()  # the command writes on a connection of its own
    result = app.test_cli_runner().invoke(args=["rebuild-stays"])
    assert result.exit_code == 0, result.output
    return result.output


def accepted(author: User, spoc: User, assessor: User, **record) -> TriggerForm:
    form = under_assessment(author, spoc, assessor)
    perform(form, "accept", assessor, record=acceptance_record(form, **record))
    return form


def threat_of(form: TriggerForm):
    """The form's threat on the register: the open one, else the latest."""
    from triggerflow.models import Threat

    return db.session.scalars(
        select(Threat).where(Threat.form_id == form.id).order_by(Threat.archived_at.is_(None).desc(), Threat.id.desc())
    ).first()


LRO = {"lro_name": "DCI Laura Penn", "lro_organisation": "Dorset Police", "lro_email": "laura.penn@dorset.police.uk"}
PLAN = [
    ("pursue", "Arrest the line holders"),
    ("prevent", "Divert young runners"),
    ("protect", "Safeguard cuckooed addresses"),
    ("prepare", "Brief neighbourhood teams"),
]


def planned_threat(people, through: str = "start_management"):
    """A threat taken by the owning force's SPOC up to `through` (appoint_lro, agree_plan, start_management)."""
    from datetime import timedelta

    from triggerflow.threats.service import perform as act_on

    threat = threat_of(accepted(people.officer, people.spoc, people.assessor))
    act_on(threat, "appoint_lro", people.spoc, **LRO)
    if through == "appoint_lro":
        return threat
    for strand, description in PLAN:
        act_on(
            threat,
            "add_plan_action",
            people.spoc,
            strand=strand,
            description=description,
            owner="DI Owner",
            due_on=threat.accepted_at.date() + timedelta(days=60),
        )
    act_on(threat, "agree_plan", people.spoc)
    if through == "agree_plan":
        return threat
    act_on(threat, "start_management", people.spoc)
    return threat
