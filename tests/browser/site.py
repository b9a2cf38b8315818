"""Every page each role can reach, on forms in every state, for the accessibility sweep.

The forms belong to Essex Police and the Eastern region, apart from the people the other browser
tests use in Dorset and the South West, so that neither changes what the other sees.
"""

from dataclasses import dataclass

from tests import factories
from tests.workflow import lifecycle
from tests.workflow.lifecycle import Cast
from triggerflow.accounts import tokens
from triggerflow.admin import identity_providers
from triggerflow.assessment.notes import add_note
from triggerflow.assessment.return_items import add_pending, items_for
from triggerflow.content.sections import SECTIONS
from triggerflow.db import db
from triggerflow.models import Role, TriggerForm
from triggerflow.notifications import mail_folder, outbox
from triggerflow.queries.scope import visible_forms

ROLES = ("officer", "spoc", "assessor", "force manager", "regional manager", "national manager", "admin")
# The API reference is one long page, the same for everyone: tests/browser/test_api_reference.py checks it.
READ_ONLY = (
    "/",
    "/criteria/",
    "/api-tokens/",
    "/downloads/",
    "/mail",
    "/account/",
    "/account/password",
    "/account/sessions",
    "/account/two-factor",
    "/search",
    "/search?q=operation",
    "/search?q=x&started_from=31&started_from=2&started_from=2026",
)
DASHBOARDS = (
    "/dashboards/",
    "/dashboards/acceptance",
    "/dashboards/submissions",
    "/dashboards/reasons",
    "/dashboards/stale",
    "/dashboards/time",
    "/dashboards/assessors",
    "/dashboards/backlog",
    "/dashboards/after-acceptance",
    "/dashboards/forms?measure=threats&cell=accepted",
    "/dashboards/forms?measure=acceptance&cell=decided",
    "/dashboards/events?measure=reasons&cell=all",
    "/dashboards/definitions",
)
ADMIN = (
    "/admin/",
    "/admin/users",
    "/admin/users/new",
    "/admin/audit",
    "/admin/exports",
    "/admin/forces",
    "/admin/criteria",
    "/admin/identity-providers",
    "/admin/identity-providers/new",
)
NOT_FOUND = "/forms/ESS-1999-0001"
ESSEX_PROVIDER = {
    "name": "Essex Police",
    "belongs_to": "force:ESS",
    "client_id": "triggerflow",
    "issuer": "https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0",
    "client_secret": "not-used",
    "email_domain": "essex.police.uk",
    "enabled": False,
}


@dataclass
class Site:
    people: dict[str, object]  # role -> user
    numbers: dict[str, str]  # the walk's name (lifecycle.WALKS) -> form number
    pages: dict[str, list[str]]  # role -> every path they can reach, error pages last


def build() -> Site:
    """Forms in every state with what each state's pages show, and each role's pages. Call in an app context."""
    people = {
        "officer": factories.user(Role.OFFICER, force_code="ESS", name="Erin Cole"),
        "spoc": factories.user(Role.SPOC, force_code="ESS", name="Ravi Shah"),
        "assessor": factories.user(Role.ASSESSOR, region_code="EA", name="Ines Ward"),
        "force manager": factories.user(Role.MANAGER, force_code="ESS", name="Mo Finch"),
        "regional manager": factories.user(Role.MANAGER, region_code="EA", name="Rae Burton"),
        "national manager": factories.user(Role.MANAGER, name="Nell Hale"),
        "admin": factories.user(Role.ADMIN, name="Ada Kerr"),
    }
    cast = Cast(author=people["officer"], spoc=people["spoc"], assessor=people["assessor"])
    forms = {name: walk(cast) for name, walk in lifecycle.WALKS.items()}
    held = forms["under assessment"]
    add_pending(held, cast.assessor, section="A", reason_code="R02", comment="Name the principal's associates.")
    add_note(held, cast.assessor, "Checked against the regional briefing.")
    tokens_of = {role: tokens.issue(user, "Reporting").token.id for role, user in people.items()}
    outbox.send_pending()
    mail = mail_folder.stored_messages()[0].name
    threats = _threats(cast, forms["accepted"])
    pages = {
        role: _pages(role, _visible(forms, people[role]), tokens_of[role], mail, _threat_pages(role, threats))
        for role in ROLES
    }
    # Switched off, so the sign-in page the other browser tests use does not offer it.
    provider = identity_providers.save(people["admin"], None, ESSEX_PROVIDER)
    pages["admin"].insert(-1, f"/admin/identity-providers/{provider.id}")
    return Site(people=people, numbers={name: form.number for name, form in forms.items()}, pages=pages)


def _threats(cast: Cast, accepted: TriggerForm) -> dict[str, object]:
    """The accepted form's threat, waiting for its LRO, and threats at each later state of their lifecycle."""
    from datetime import timedelta

    from triggerflow.threats.service import perform

    found = {"accepted": factories.threat_of(accepted)}
    for state in ("lro_appointed", "plan_agreed", "under_management"):
        threat = found[state] = factories.threat_of(lifecycle.WALKS["accepted"](cast))
        perform(threat, "appoint_lro", cast.spoc, **factories.LRO)
        if state == "lro_appointed":
            continue
        for strand, description in factories.PLAN:
            perform(
                threat,
                "add_plan_action",
                cast.spoc,
                strand=strand,
                description=description,
                owner="DI Owner",
                due_on=threat.accepted_at.date() + timedelta(days=60),
            )
        perform(threat, "agree_plan", cast.spoc)
        if state == "under_management":
            perform(threat, "start_management", cast.spoc)
            perform(
                threat,
                "record_disruption",
                cast.assessor,
                occurred_on=threat.accepted_at.date(),
                grade="major",
                description="Principal arrested",
            )
    return found


def _threat_pages(role: str, threats: dict[str, object]) -> list[str]:
    """Every role in the sweep sees the Essex threats: the force owns them, the Eastern ROCTA assessed them."""
    ids = {state: threat.id for state, threat in threats.items()}
    pages = ["/threats", "/threats?status=all&priority=medium"] + [f"/threats/{i}" for i in ids.values()]
    if role == "spoc":
        pages += [
            f"/threats/{ids['accepted']}/actions/appoint_lro",
            f"/threats/{ids['lro_appointed']}/actions/agree_plan",
            f"/threats/{ids['plan_agreed']}/actions/start_management",
        ]
        pages += [
            f"/threats/{ids['under_management']}/actions/{action}"
            for action in ("change_lro", "add_plan_action", "review", "record_disruption")
        ]
    if role == "assessor":
        pages += [f"/threats/{ids['under_management']}/actions/{action}" for action in ("update_references", "archive")]
    if role == "regional manager":
        pages.append(f"/forms/{threats['accepted'].form.number}/actions/reconsider")
    return pages


def _visible(forms: dict[str, TriggerForm], user) -> dict[str, TriggerForm]:
    """The forms in the user's scope: the ROCTA's people never see a form the force has not sent."""
    seen = set(db.session.scalars(visible_forms(user).with_only_columns(TriggerForm.id)))
    return {name: form for name, form in forms.items() if form.id in seen}


def _pages(role: str, forms: dict[str, TriggerForm], token_id: int, mail: str, threat_pages: list[str]) -> list[str]:
    pages = [*READ_ONLY, f"/api-tokens/{token_id}/revoke", f"/mail/{mail}"]
    pages += [f"/forms/{form.number}" for form in forms.values()]
    accepted = forms["accepted"].number
    pages += [f"/forms/{accepted}/content", f"/forms/{accepted}/versions/1", f"/forms/{accepted}/print"]
    pages += _FOR_ROLE[role](forms) + threat_pages
    if role != "admin":
        pages.append("/admin/")  # 403: not theirs
    return pages + [NOT_FOUND]


def _force(forms: dict[str, TriggerForm]) -> list[str]:
    draft, returned = forms["draft"], forms["returned"]
    pages = ["/forms/new"] + [f"/forms/{draft.number}/sections/{s.key}" for s in SECTIONS]
    for section in (s for s in SECTIONS if s.group):
        base = f"/forms/{draft.number}/sections/{section.key}/items"
        item = draft.answers_for(section.key)[section.group.key][0]["id"]
        pages += [f"{base}/new", f"{base}/{item}", f"{base}/{item}/remove"]
    (item,) = items_for(returned, include_pending=False)
    pages += [f"/forms/{returned.number}/sections/B", f"/forms/{returned.number}/return-items/{item.id}/respond"]
    return pages + [f"/forms/{draft.number}/actions/withdraw", "/operations/", "/operations/new"]


def _officer(forms: dict[str, TriggerForm]) -> list[str]:
    return _force(forms) + [f"/forms/{forms['draft'].number}/actions/send_to_spoc"]


def _spoc(forms: dict[str, TriggerForm]) -> list[str]:
    with_spoc, lapsed, returned = (forms[name].number for name in ("with the SPOC", "lapsed", "returned"))
    return _force(forms) + [
        f"/forms/{with_spoc}/actions/submit",
        f"/forms/{with_spoc}/actions/spoc_return",
        f"/forms/{lapsed}/actions/reopen",
        f"/forms/{returned}/actions/resubmit",
    ]


def _assessor(forms: dict[str, TriggerForm]) -> list[str]:
    held, again = forms["under assessment"].number, forms["under assessment again"]
    (item, *_) = items_for(again, include_pending=False)
    pages = [f"/forms/{held}/actions/{action}" for action in ("return_to_force", "accept", "reject")]
    pages += [
        f"/forms/{held}/return-items/new",
        f"/forms/{held}/notes/new",
        f"/forms/{again.number}/changes",
        f"/forms/{again.number}/compare",
        f"/forms/{again.number}/return-items/{item.id}/close",
        f"/forms/{again.number}/return-items/{item.id}/reopen",
    ]
    return pages + list(DASHBOARDS)


def _manager(forms: dict[str, TriggerForm]) -> list[str]:
    return list(DASHBOARDS)


def _regional_manager(forms: dict[str, TriggerForm]) -> list[str]:
    held = forms["under assessment"].number
    return list(DASHBOARDS) + [
        "/assign",
        f"/forms/{held}/reassign",
        f"/forms/{held}/notes/new",
        f"/forms/{held}/actions/release",
    ]


def _admin(forms: dict[str, TriggerForm]) -> list[str]:
    return list(DASHBOARDS) + list(ADMIN) + [f"/admin/users/{forms['draft'].created_by_id}"]


_FOR_ROLE = {
    "officer": _officer,
    "spoc": _spoc,
    "assessor": _assessor,
    "force manager": _manager,
    "regional manager": _regional_manager,
    "national manager": _manager,
    "admin": _admin,
}
