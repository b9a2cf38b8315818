"""The navigation counts the forms waiting for the signed-in person to act."""

from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import parse
from tests.workflow import lifecycle
from triggerflow.db import db
from triggerflow.models import TriggerForm
from triggerflow.queries.needs_action import needing_action, needs_action_count
from triggerflow.workflow.service import available_actions, perform


def test_each_role_counts_the_forms_waiting_for_them(people, sign_in):
    cast = lifecycle.Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor)
    lifecycle.returned(cast)  # the officer and the SPOC
    lifecycle.spoc_review(cast)  # the SPOC
    lifecycle.submitted(cast)  # any assessor in the region
    lifecycle.under_assessment(cast)  # the assessor who holds it
    lifecycle.draft(cast)  # nobody: the officer is still writing it
    sent_back = lifecycle.spoc_review(cast)
    perform(sent_back, "spoc_return", people.spoc, comment="Please add the missing dates.")  # the officer

    assert needs_action_count(people.officer) == 2
    assert needs_action_count(people.spoc) == 2
    assert needs_action_count(people.assessor) == 2
    assert needs_action_count(people.assessor2) == 1
    assert needs_action_count(people.eastern_assessor) == 0
    assert needs_action_count(people.wilts_spoc) == 0
    assert needs_action_count(people.regional_manager) == 0


def test_every_counted_form_offers_the_person_an_action(people):
    for walk in lifecycle.WALKS.values():
        walk(lifecycle.Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor))
    for user in (people.officer, people.spoc, people.assessor, people.assessor2):
        counted = db.session.scalars(select(TriggerForm).where(needing_action(user))).all()
        assert counted, user
        assert all(available_actions(form, user) for form in counted), user


def test_the_count_shows_in_the_navigation_with_words_for_screen_readers(people, sign_in):
    factories.returned(people.officer, people.spoc, people.assessor)

    page = parse(sign_in(people.officer).get("/"))

    badge = page.find("strong", class_="app-count")
    assert badge.text == "1 form needs your action"
    assert badge.parent.text.startswith("My work")
    assert parse(sign_in(people.officer2).get("/")).find("strong", class_="app-count") is None
