"""Search finds forms by number, working name, subjects' names (also names that sound the same),
PNC IDs and intelligence and APMIS references, only within the user's scope, on either database."""

from datetime import timedelta

import flask_migrate
from sqlalchemy import inspect

from tests import factories
from tests.search.helpers import form_about
from triggerflow.content import store
from triggerflow.db import db, utcnow
from triggerflow.models import FormSearchEntry
from triggerflow.queries.listing import FormFilters
from triggerflow.queries.search import search
from triggerflow.workflow.service import perform
from triggerflow.workflow.states import FormState

EVERYTHING = FormFilters()


def numbers(user, typed, filters=EVERYTHING, page=1, size=20):
    return [form.number for form in search(user, typed, filters, page, size).rows]


def test_a_subjects_pnc_id_finds_the_form(people):
    form = form_about(people.officer, "Operation Kestrel", [("John", "Smith", "12/345678A")])
    form_about(people.officer, "Operation Heron", [("Ann", "Jones", "99/111111Z")])
    assert numbers(people.officer, "12/345678A") == [form.number]


def test_the_form_number_working_name_and_intelligence_reference_find_the_form(people):
    form = form_about(people.officer, "Operation Kestrel", references=["DOR-INT-20417"])
    other = form_about(people.officer, "Operation Heron")
    assert numbers(people.officer, form.number) == [form.number]
    assert numbers(people.officer, "kestrel") == [form.number]
    assert numbers(people.officer, "Kest") == [form.number]
    assert numbers(people.officer, "int-20417") == [form.number]
    assert numbers(people.officer, "heron kestrel") == []
    assert other.number in numbers(people.officer, "operation")


def test_a_name_finds_names_that_sound_the_same(people):
    smith = form_about(people.officer, "Operation Kestrel", [("Jon", "Smyth", None)])
    form_about(people.officer, "Operation Heron", [("Ann", "Jones", None)])
    assert numbers(people.officer, "John Smith") == [smith.number]
    assert numbers(people.officer, "Muhammad") == []


def test_accents_and_case_do_not_matter(people):
    form = form_about(people.officer, "Opération Éclair", [("Zoë", "O'Neill", None)])
    assert numbers(people.officer, "operation eclair") == [form.number]
    assert numbers(people.officer, "ZOE o neill") == [form.number]


def test_the_apmis_reference_finds_an_accepted_form(people):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    assert numbers(people.assessor, "APMIS-1") == []
    perform(form, "accept", people.assessor, record=factories.acceptance_record(form))
    assert numbers(people.assessor, "APMIS-1") == [form.number]


def test_changing_a_subject_changes_what_finds_the_form_in_the_same_save(people):
    form = form_about(people.officer, "Operation Kestrel", [("John", "Smith", None)])
    item = form.answers_for("B")["subjects"][0]["id"]
    store.save_item(form, "B", item, {"surname": "Baker"}, people.officer, None)
    assert numbers(people.officer, "smith") == []
    assert numbers(people.officer, "baker") == [form.number]


def test_nobody_finds_a_form_outside_their_scope(people):
    dorset = form_about(people.officer, "Operation Kestrel", [("John", "Smith", "12/345678A")])
    assert numbers(people.officer2, "12/345678A") == [dorset.number]
    assert numbers(people.wilts_officer, "12/345678A") == []
    assert numbers(people.essex_officer, "kestrel") == []
    # Not yet sent to the ROCTA: the region's assessors and managers do not see it either.
    assert numbers(people.assessor, "kestrel") == []
    assert numbers(people.national_manager, "kestrel") == []
    assert numbers(people.admin, "kestrel") == [dorset.number]


def test_filters_narrow_the_results_by_state_force_and_date(people):
    draft = form_about(people.officer, "Operation Kestrel")
    sent = factories.submitted(people.officer, people.spoc)
    wilts = factories.submitted(people.wilts_officer, people.wilts_spoc)
    today = utcnow().date()
    admin = people.admin
    assert numbers(admin, "", FormFilters(states=(FormState.DRAFT,))) == [draft.number]
    assert set(numbers(admin, "", FormFilters(force="wil"))) == {wilts.number}
    assert set(numbers(admin, "", FormFilters(states=(FormState.SUBMITTED,), force="DOR"))) == {sent.number}
    assert set(numbers(admin, "", FormFilters(created_from=today, created_to=today))) == {
        draft.number,
        sent.number,
        wilts.number,
    }
    assert numbers(admin, "", FormFilters(created_to=today - timedelta(days=1))) == []


def test_results_come_a_page_at_a_time_with_the_exact_number_first(people):
    forms = [form_about(people.officer, f"Operation Kestrel {n}") for n in range(5)]
    first = search(people.officer, "kestrel", FormFilters(), 1, 2)
    last = search(people.officer, "kestrel", FormFilters(), 3, 2)
    assert (first.total, first.pages, len(first.rows), len(last.rows)) == (5, 3, 2, 1)
    assert not last.has_next and first.has_next
    assert numbers(people.officer, forms[2].number.lower())[0] == forms[2].number


def test_what_is_typed_cannot_change_the_query(people):
    form = form_about(people.officer, "Operation Kestrel")
    for typed in ('"', "kestrel OR *", "NEAR(a b)", "'", "a & | ! :*", "\\", "-", "()"):
        search(people.officer, typed, FormFilters())
    assert numbers(people.officer, 'kestrel" OR "x') == []
    assert numbers(people.officer, "kestrel'") == [form.number]


def test_rebuilding_the_index_restores_every_forms_words(app, people):
    form = form_about(people.officer, "Operation Kestrel", [("John", "Smith", "12/345678A")])
    db.session.execute(FormSearchEntry.__table__.delete())
    db.session.commit()
    assert numbers(people.officer, "kestrel") == []
    result = app.test_cli_runner().invoke(args=["rebuild-search-index"])
    assert result.exit_code == 0, result.output
    assert result.output == "Rebuilt the search index: 1 forms.\n"
    assert numbers(people.officer, "12/345678A") == [form.number]


def test_the_migration_indexes_the_forms_already_there(people):
    form = form_about(people.officer, "Operation Kestrel", [("John", "Smith", "12/345678A")])
    officer = people.officer
    db.session.commit()
    db.session.close()
    flask_migrate.downgrade(revision="4e64b53aacab")
    assert "form_search" not in inspect(db.engine).get_table_names()
    flask_migrate.upgrade()
    assert numbers(db.session.merge(officer), "12/345678A") == [form.number]
