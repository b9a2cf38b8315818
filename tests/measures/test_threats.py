"""After acceptance: LROs and plans on time, reviews overdue, idle threats and disruptions, per owning force."""

import pytest

from tests import factories
from tests.measures.history import on
from tests.web.htmlpage import parse
from triggerflow.clocks import working_days
from triggerflow.queries.measures import threats
from triggerflow.queries.measures.drill import forms_behind
from triggerflow.threats import service


@pytest.fixture
def act(h, monkeypatch):
    """act(threat, day, action, actor, **details): a threat action on that day."""
    monkeypatch.setattr(working_days, "utcnow", lambda: h.now)

    def _act(threat, n, action, actor, **details):
        h.at(n)
        service.perform(threat, action, actor, **details)

    return _act


def plan(act, threat, n, spoc):
    for strand, description in factories.PLAN:
        act(
            threat,
            n,
            "add_plan_action",
            spoc,
            strand=strand,
            description=description,
            owner="DI Owner",
            due_on=on(n + 60),
        )
    act(threat, n, "agree_plan", spoc)


def test_lros_and_plans_on_time_are_shares_of_threats_whose_time_is_up(h, people, act):
    prompt = factories.threat_of(h.decided(1, "accept"))  # accepted on day 2
    act(prompt, 5, "appoint_lro", people.spoc, **factories.LRO)  # 3 days: on time
    plan(act, prompt, 20, people.spoc)  # 18 days: on time
    act(prompt, 30, "change_lro", people.spoc, **factories.LRO)  # a new LRO: the first was still on time
    late = factories.threat_of(h.decided(3, "accept"))  # accepted on day 4
    act(late, 15, "appoint_lro", people.spoc, **factories.LRO)  # 11 days: late
    factories.threat_of(h.decided(35, "accept"))  # accepted on day 36: its 7 days are not up on day 40

    (dorset,) = threats.by_force(h.scope(people.regional_manager, 0, 40))

    assert (dorset.accepted, dorset.lro_due, dorset.lro_on_time) == (3, 2, 1)
    assert (dorset.plan_due, dorset.plan_on_time) == (2, 1)  # the late one's 28 days are up on day 40, no plan
    listed, total = forms_behind(h.scope(people.regional_manager, 0, 40), "threats", "lro_on_time", {})
    assert total == 1 and [f.number for f in listed] == [prompt.form.number]


def test_overdue_reviews_idle_threats_and_disruptions_by_grade(h, people, act):
    managed = factories.threat_of(h.decided(1, "accept"))
    act(managed, 3, "appoint_lro", people.spoc, **factories.LRO)
    plan(act, managed, 10, people.spoc)
    act(managed, 11, "start_management", people.spoc)  # medium priority: review due on day 67
    act(
        managed,
        30,
        "record_disruption",
        people.assessor,
        occurred_on=on(30),
        grade="major",
        description="Principal arrested",
    )
    act(managed, 31, "record_disruption", people.assessor, occurred_on=on(31), grade="minor", description="Cash seized")
    idle = factories.threat_of(h.decided(2, "accept"))  # nothing recorded after its acceptance on day 3

    as_at_day_100 = h.scope(people.regional_manager, 0, 100)
    (dorset,) = threats.by_force(as_at_day_100)
    assert (dorset.review_overdue, dorset.idle, dorset.major, dorset.moderate, dorset.minor) == (1, 0, 1, 0, 1)
    (later,) = threats.by_force(h.scope(people.regional_manager, 0, 100, now=400))
    assert later.idle == 2
    (only_january,) = threats.by_force(h.scope(people.regional_manager, 0, 30))
    assert only_january.major == 1 and only_january.minor == 0
    listed, _ = forms_behind(h.scope(people.regional_manager, 0, 100, now=400), "threats", "idle", {})
    assert {f.number for f in listed} == {managed.form.number, idle.form.number}


def test_a_force_manager_sees_only_the_threats_their_force_owns(h, people):
    h.decided(1, "accept")
    h.decided(2, "accept", author=people.wilts_officer)
    assert [r.code for r in threats.by_force(h.scope(people.force_manager, 0, 30))] == ["DOR"]
    assert sorted(r.code for r in threats.by_force(h.scope(people.regional_manager, 0, 30))) == ["DOR", "WIL"]


def test_a_national_manager_counts_every_forces_threats_and_a_theme_still_narrows_them(h, people):
    dorset = h.decided(1, "accept")
    h.decided(2, "accept", author=people.wilts_officer)

    national = threats.by_force(h.scope(people.national_manager, 0, 30))
    same_theme = threats.by_force(h.scope(people.national_manager, 0, 30, theme=dorset.primary_theme))

    assert sorted((r.code, r.accepted) for r in national) == [("DOR", 1), ("WIL", 1)]
    assert sorted(r.code for r in same_theme) == ["DOR", "WIL"]
    assert threats.by_force(h.scope(people.national_manager, 0, 30, theme="no-such-theme")) == []


def test_the_after_acceptance_tab_shows_the_table_chart_and_definitions(h, people, sign_in, act):
    threat = factories.threat_of(h.decided(1, "accept"))
    act(threat, 3, "appoint_lro", people.spoc, **factories.LRO)

    client = sign_in(people.regional_manager)
    period = "start=1&start=1&start=2026&end=28&end=2&end=2026"  # fixed: the history is in January 2026
    page = parse(client.get(f"/dashboards/after-acceptance?{period}"))
    assert "After acceptance" in page.find("h1").text
    table = page.find("table")
    assert "LRO within 7 days" in table.text and "1 (100%)" in table.text
    assert "LROs appointed within 7 days, by owning force" in page.text
    csv = client.get(f"/dashboards/after-acceptance.csv?{period}").get_data(as_text=True).splitlines()
    assert csv[1].startswith("Owning force,Threats accepted,LROs appointed within 7 days")
    assert csv[2].startswith("Dorset Police,1,1,100.0")
