"""Every state x action x actor, under both SPOC-gate settings, checked against the transitions table.

The expected answer is computed from workflow.definition.TRANSITIONS (never retyped): a row
allows an action when the form is in one of its sources, its `when` holds, the actor has one of
its roles, and the actor stands to the form as its `relation` says. What each relation means
is written here from DESIGN sections 1 and 2, in terms of facts about each person that this
file states by hand, so a slip in workflow.permissions shows up as a difference.

The forms are walked to each state through the real service once per module (see
tests.workflow.lifecycle); each test then looks at them under one gate setting.
"""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from tests import factories
from tests.databases import app_for
from tests.workflow.lifecycle import WALKS, Cast
from triggerflow.db import db
from triggerflow.models import Force, Role, TriggerForm, User
from triggerflow.workflow.definition import ACTION_ORDER, SYSTEM, TRANSITIONS
from triggerflow.workflow.errors import ActionNotAllowed
from triggerflow.workflow.service import available_actions, perform

AUTHORS = ("an officer", "a SPOC")
GATES = {"SPOC gate on": True, "SPOC gate off": False}


@dataclass(frozen=True)
class Persona:
    """Someone who might act, and how they stand to a Dorset form in the South West region."""

    label: str
    user_id: int | None  # None: the system
    role: Role | str
    in_force: bool = False
    is_author: bool = False
    assesses_region: bool = False  # an assessor of the form's region from another force
    manages_region: bool = False  # a manager of the form's region with no force


def _people():
    people = factories.people()
    people.dorset_assessor = factories.user(Role.ASSESSOR, force_code="DOR", region_code="SW")
    people.eastern_manager = factories.user(Role.MANAGER, region_code="EA")
    return people


def _personas(people, author_kind: str) -> list[Persona]:
    """The actors for a form written by `author_kind`: officer (people.officer) or SPOC (people.spoc2)."""
    by_officer = author_kind == "an officer"
    author = people.officer if by_officer else people.spoc2
    colleague = people.officer2 if by_officer else people.officer
    return [
        Persona("the author", author.id, author.role, in_force=True, is_author=True),
        Persona("an officer of the force who did not write it", colleague.id, Role.OFFICER, in_force=True),
        Persona("a SPOC of the force who did not write it", people.spoc.id, Role.SPOC, in_force=True),
        Persona("an officer of another force in the region", people.wilts_officer.id, Role.OFFICER),
        Persona("a SPOC of another force in the region", people.wilts_spoc.id, Role.SPOC),
        Persona("an officer of another region", people.essex_officer.id, Role.OFFICER),
        Persona("a SPOC of another region", people.essex_spoc.id, Role.SPOC),
        Persona("the assessor who holds or returned it", people.assessor.id, Role.ASSESSOR, assesses_region=True),
        Persona("another assessor of the region", people.assessor2.id, Role.ASSESSOR, assesses_region=True),
        Persona("an assessor of the region whose home force is the form's", people.dorset_assessor.id, Role.ASSESSOR),
        Persona("an assessor of another region", people.eastern_assessor.id, Role.ASSESSOR),
        Persona("the regional manager", people.regional_manager.id, Role.MANAGER, manages_region=True),
        Persona("another region's manager", people.eastern_manager.id, Role.MANAGER),
        Persona("the force manager", people.force_manager.id, Role.MANAGER),
        Persona("the national manager", people.national_manager.id, Role.MANAGER),
        Persona("an administrator", people.admin.id, Role.ADMIN),
        Persona("the system", None, SYSTEM),
    ]


@pytest.fixture(scope="module")
def world(databases, tmp_path_factory):
    """Every walk done once for a form by an officer and once for a form by a SPOC."""
    url = databases.create(tmp_path_factory.mktemp("matrix"))
    app = app_for(url)
    with app.app_context():
        people = _people()
        forms, personas = {}, {}
        for kind in AUTHORS:
            author = people.officer if kind == "an officer" else people.spoc2
            cast = Cast(author=author, spoc=people.spoc, assessor=people.assessor)
            personas[kind] = _personas(people, kind)
            for name, walk in WALKS.items():
                forms[kind, name] = walk(cast).id
        db.session.remove()
    yield SimpleNamespace(app=app, forms=forms, personas=personas)
    with app.app_context():
        db.engine.dispose()
    databases.drop(url)


@pytest.fixture
def looking(world):
    """looking(author kind, walk, gate) -> the form, in an app context, with the force's gate set."""
    with world.app.app_context():

        def _look(kind: str, walk: str, gate: bool) -> TriggerForm:
            form = db.session.get(TriggerForm, world.forms[kind, walk])
            db.session.get(Force, form.force_id).spoc_gate = gate
            db.session.commit()
            return form

        yield _look
        db.session.remove()


def _relation_holds(relation: str, persona: Persona, form: TriggerForm) -> bool:
    holds_it = persona.assesses_region and form.assessor_id == persona.user_id
    return {
        "author": persona.is_author,
        "force": persona.in_force,
        "force_not_author": persona.in_force and not persona.is_author,
        # A resubmission goes back to the assessor who returned it unless it was released.
        "routed_assessor": persona.assesses_region and (form.assessor_id is None or holds_it),
        "holder": holds_it,
        "holder_or_regional_manager": holds_it or persona.manages_region,
        "regional_manager": persona.manages_region,
        "author_or_spoc": persona.in_force and (persona.is_author or persona.role is Role.SPOC),
        "system": persona.role == SYSTEM,
    }[relation]


def _condition_holds(when: str | None, form: TriggerForm, gate: bool) -> bool:
    return {
        None: True,
        "spoc_gate": gate,
        "no_spoc_gate": not gate,
        "first_round": form.round == 1,
        "later_round": form.round > 1,
    }[when]


def expected_actions(form: TriggerForm, persona: Persona, gate: bool) -> set[str]:
    return {
        t.action
        for t in TRANSITIONS
        if form.state in t.sources
        and _condition_holds(t.when, form, gate)
        and persona.role in t.roles
        and _relation_holds(t.relation, persona, form)
    }


def _actor(persona: Persona) -> User | None:
    return None if persona.user_id is None else db.session.get(User, persona.user_id)


CASES = [
    pytest.param(kind, walk, gate, id=f"{kind}'s form, {walk}, {gate_name}")
    for kind in AUTHORS
    for walk in WALKS
    for gate_name, gate in GATES.items()
]


@pytest.mark.parametrize("kind, walk, gate", CASES)
def test_available_actions_are_exactly_what_the_transitions_table_allows(world, looking, kind, walk, gate):
    form = looking(kind, walk, gate)
    differences = []
    for persona in world.personas[kind]:
        offered = set(available_actions(form, _actor(persona)))
        expected = expected_actions(form, persona, gate)
        if offered != expected:
            differences.append(f"{persona.label}: offered {sorted(offered)}, the table allows {sorted(expected)}")
    assert differences == []


@pytest.mark.parametrize("kind, walk, gate", CASES)
def test_perform_refuses_every_action_that_is_not_available(world, looking, kind, walk, gate):
    form = looking(kind, walk, gate)
    state, version = form.state, form.version
    accepted = []
    for persona in world.personas[kind]:
        actor = _actor(persona)
        for action in set(ACTION_ORDER) - set(available_actions(form, actor)):
            try:
                perform(form, action, actor, comment="A reason that would satisfy any action.")
            except ActionNotAllowed:
                continue
            accepted.append(f"{persona.label}: {action}")
    db.session.expire_all()
    assert (accepted, form.state, form.version) == ([], state, version)


def _every_offer(world, looking, personas: set[str]) -> list[str]:
    """What any of the named personas is offered on any form, in any state, under either gate."""
    offers = []
    for kind in AUTHORS:
        for walk in WALKS:
            for gate_name, gate in GATES.items():
                form = looking(kind, walk, gate)
                for persona in world.personas[kind]:
                    if persona.label in personas:
                        actions = available_actions(form, _actor(persona))
                        offers += [f"{persona.label} may {a} on {kind}'s form {walk}, {gate_name}" for a in actions]
    return offers


def test_administrators_and_managers_other_than_the_regional_manager_can_never_act(world, looking):
    assert (
        _every_offer(
            world,
            looking,
            {"an administrator", "the national manager", "the force manager", "another region's manager"},
        )
        == []
    )


def test_nobody_outside_the_forms_force_or_region_can_ever_act(world, looking):
    assert (
        _every_offer(
            world,
            looking,
            {
                "an officer of another force in the region",
                "a SPOC of another force in the region",
                "an officer of another region",
                "a SPOC of another region",
                "an assessor of another region",
            },
        )
        == []
    )


def test_an_assessor_can_never_act_on_a_form_from_their_own_home_force(world, looking):
    assert _every_offer(world, looking, {"an assessor of the region whose home force is the form's"}) == []


def test_the_regional_manager_may_only_release_forms_under_assessment_and_reconsider_decisions(world, looking):
    offers = _every_offer(world, looking, {"the regional manager"})
    releases = [offer for offer in offers if " may release on " in offer]
    reconsiders = [offer for offer in offers if " may reconsider on " in offer]
    assert releases and all("under assessment" in offer for offer in releases)
    assert reconsiders and all("accepted" in offer or "rejected" in offer for offer in reconsiders)
    assert len(releases) + len(reconsiders) == len(offers)


def test_only_the_system_may_lapse_a_form(world, looking):
    everyone = {p.label for p in world.personas["an officer"]} - {"the system"}
    assert [offer for offer in _every_offer(world, looking, everyone) if " may lapse " in offer] == []
    assert available_actions(looking("an officer", "returned", True), None) == ["lapse"]


def person(world, kind: str, label: str) -> User:
    return _actor(next(p for p in world.personas[kind] if p.label == label))


def test_a_spoc_cannot_approve_a_form_they_wrote(world, looking):
    in_review = looking("a SPOC", "with the SPOC", True)
    author = person(world, "a SPOC", "the author")
    other_spoc = person(world, "a SPOC", "a SPOC of the force who did not write it")
    assert "submit" not in available_actions(in_review, author)
    assert "submit" in available_actions(in_review, other_spoc)
    back = looking("a SPOC", "returned", True)
    assert "resubmit" not in available_actions(back, author)
    assert "resubmit" in available_actions(back, other_spoc)


def test_a_spoc_who_writes_a_form_sends_it_to_another_spoc(world, looking):
    author = person(world, "a SPOC", "the author")
    assert available_actions(looking("a SPOC", "draft", True), author) == ["send_to_spoc", "withdraw"]
    assert available_actions(looking("a SPOC", "draft", False), author) == ["submit", "withdraw"]


def test_finished_forms_offer_nothing_but_reconsidering_a_decision_to_its_regional_manager(world, looking):
    for kind in AUTHORS:
        for walk in ("accepted", "rejected", "withdrawn"):
            form = looking(kind, walk, True)
            offered = {p.label: available_actions(form, _actor(p)) for p in world.personas[kind]}
            expected = {"the regional manager": ["reconsider"]} if walk != "withdrawn" else {}
            assert {label: actions for label, actions in offered.items() if actions} == expected
