"""Criteria thresholds: each change is a new version, used from then on and recorded on each form sent."""

from string import Formatter

import pytest
from sqlalchemy import select

from tests import factories
from triggerflow.admin.criteria import change_thresholds
from triggerflow.admin.forces import set_spoc_gate
from triggerflow.content.completeness import completeness
from triggerflow.criteria.limits import LIMIT_LABELS, explain
from triggerflow.criteria.rules import RULES, RULES_BY_ID
from triggerflow.criteria.thresholds import DEFAULT_LIMITS
from triggerflow.db import db
from triggerflow.models import AdminEvent, CriteriaVersion, FormSnapshot
from triggerflow.queries import criteria_versions
from triggerflow.workflow.errors import Invalid, StaleForm
from triggerflow.workflow.service import perform


def test_every_threshold_is_labelled_and_every_explanation_names_only_thresholds():
    assert set(LIMIT_LABELS) == set(DEFAULT_LIMITS)
    named = {name for rule in RULES for _, name, _, _ in Formatter().parse(rule.explanation) if name is not None}
    assert named <= set(DEFAULT_LIMITS)
    assert "{" not in " ".join(explain(rule, DEFAULT_LIMITS) for rule in RULES)


def test_the_explanations_say_the_default_thresholds_in_the_designs_words():
    said = {rule.id: explain(rule, DEFAULT_LIMITS) for rule in RULES}
    assert "summarise it in at least 200 characters." in said["C1"]
    assert "at least two of them identified" in said["C2"]
    assert "Fewer than three intelligence items, or a newest item over six months old" in said["C11"]
    assert "less than six months old" in said["C20"]
    changed = explain(
        RULES_BY_ID["C11"], {**DEFAULT_LIMITS, "intelligence_items_advised": 5, "intelligence_stale_days": 90}
    )
    assert "Fewer than 5 intelligence items, or a newest item over 90 days old" in changed


def test_version_1_is_the_design_until_an_administrator_changes_a_threshold(ctx):
    assert criteria_versions.current().number == 1
    assert criteria_versions.current_limits() == DEFAULT_LIMITS


def test_a_change_creates_a_new_version_keeps_the_first_and_is_audited(people):
    version = change_thresholds(people.admin, {"summary_min": 250}, "Summaries were too thin.", 1)
    assert version.number == 2
    rows = db.session.scalars(select(CriteriaVersion).order_by(CriteriaVersion.number)).all()
    assert [(r.number, r.limits["summary_min"], r.created_by_id) for r in rows] == [
        (1, 200, None),
        (2, 250, people.admin.id),
    ]
    (event,) = db.session.scalars(select(AdminEvent)).all()
    assert (event.action, event.target, event.before, event.after) == (
        "change_criteria",
        "Criteria v2",
        {"version": 1, "summary_min": 200},
        {"version": 2, "summary_min": 250},
    )
    assert [v.number for v in criteria_versions.history()] == [2, 1]


def test_the_new_thresholds_are_used_and_the_form_records_the_version_it_was_checked_against(people):
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)
    summary = form.answers_for("A")["summary"]
    assert 200 <= len(summary) < 400

    change_thresholds(people.admin, {"summary_min": 400}, "Longer summaries.", 1)
    result = completeness(form)
    assert [(f.rule_id, f.field) for f in result.blocking] == [("C1", "A.summary")]
    assert "at least 400 characters" in result.blocking[0].message
    with pytest.raises(Invalid):
        perform(form, "submit", people.spoc)

    change_thresholds(people.admin, {"summary_min": 150}, "Back to short summaries.", 2)
    perform(form, "submit", people.spoc)
    (snapshot,) = db.session.scalars(select(FormSnapshot).where(FormSnapshot.form_id == form.id)).all()
    assert snapshot.criteria_version == 3


def test_the_explanation_follows_a_changed_threshold(people):
    rule = RULES_BY_ID["C6"]
    assert "at least 50 characters of justification" in explain(rule, DEFAULT_LIMITS)
    assert "at least 80 characters of justification" in explain(
        rule, {**DEFAULT_LIMITS, "serious_crime_justification_min": 80}
    )


def test_bad_values_no_change_and_a_stale_page_are_refused(people):
    with pytest.raises(Invalid) as refused:
        change_thresholds(people.admin, {"summary_min": 0, "response_min": "x"}, "", 1)
    assert set(refused.value.errors) == {"summary_min", "response_min", "reason"}
    with pytest.raises(Invalid) as refused:
        change_thresholds(people.admin, dict(DEFAULT_LIMITS), "No change", 1)
    assert refused.value.errors == {"limits": "Change at least one threshold"}
    change_thresholds(people.admin, {"summary_min": 300}, "Longer", 1)
    with pytest.raises(StaleForm):
        change_thresholds(people.admin, {"summary_min": 350}, "Longer still", 1)
    assert criteria_versions.current().limits["summary_min"] == 300


def test_the_spoc_gate_change_is_audited(people):
    dorset = factories.force("DOR")
    set_spoc_gate(people.admin, dorset, False)
    set_spoc_gate(people.admin, dorset, False)  # no change, no event
    (event,) = db.session.scalars(select(AdminEvent)).all()
    assert (event.action, event.target, event.before, event.after) == (
        "set_spoc_gate",
        "Force DOR Dorset Police",
        {"spoc_gate": True},
        {"spoc_gate": False},
    )
    form = factories.complete_draft(people.officer)
    perform(form, "submit", people.officer)  # with the gate off the officer submits
    assert form.state.value == "submitted"
