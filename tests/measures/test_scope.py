"""Every measure counts only forms the user may see, narrowed by the filters they chose."""

from triggerflow.queries.measures import assessors, backlog, cohort, decisions, returns, timing


def everything(scope):
    """The forces that appear anywhere in the figures."""
    by_force, _ = timing.clocks(scope)
    return {
        "acceptance": {r.code for r in decisions.by_force(scope)},
        "cohort": {r.code for r in cohort.by_force(scope)},
        "reasons": {r.code for r in returns.reasons_by_force(scope)},
        "stale": {r.code for r in returns.stale_by_force(scope)},
        "operations": {r.code for r in backlog.operations_by_force(scope)},
        "clocks": {c.code for c in by_force},
    }


def a_history_in_three_forces(h, people):
    running = {"operation_running": "yes", "operation_name": "Op Heron", "officer_in_charge": "DI Vale"}
    for author, assessor in (
        (people.officer, people.assessor),
        (people.wilts_officer, people.assessor),
        (people.essex_officer, people.eastern_assessor),
    ):
        h.decided(1, "accept", author=author, assessor=assessor, returns=1)
        h.returned(h.claim(h.submitted(2, author, H=running), 3, assessor), 4, assessor)


def test_a_force_manager_counts_only_their_own_forces_forms(h, people):
    a_history_in_three_forces(h, people)
    seen = everything(h.scope(people.force_manager, 0, 30))
    assert seen == {name: {"DOR"} for name in seen}
    workload = assessors.workload(h.scope(people.force_manager, 0, 30))
    assert [(w.name, w.claimed) for w in workload] == [(people.assessor.name, 3)]  # DOR's forms only


def test_a_spoc_counts_only_their_own_forces_forms_as_a_force_manager_does(h, people):
    a_history_in_three_forces(h, people)
    for spoc, code in ((people.spoc, "DOR"), (people.wilts_spoc, "WIL"), (people.essex_spoc, "ESS")):
        seen = everything(h.scope(spoc, 0, 30))
        assert seen == {name: {code} for name in seen}, spoc
        assert everything(h.scope(spoc, 0, 30, force="ESS" if code != "ESS" else "DOR")) == {
            name: set() for name in seen
        }


def test_a_regional_manager_counts_their_regions_forces_and_a_national_manager_all(h, people):
    a_history_in_three_forces(h, people)
    regional = everything(h.scope(people.regional_manager, 0, 30))
    national = everything(h.scope(people.national_manager, 0, 30))
    assert regional == {name: {"DOR", "WIL"} for name in regional}
    assert national == {name: {"DOR", "WIL", "ESS"} for name in national}


def test_a_force_filter_cannot_reach_outside_the_users_scope(h, people):
    a_history_in_three_forces(h, people)
    assert everything(h.scope(people.force_manager, 0, 30, force="WIL")) == {
        name: set() for name in everything(h.scope(people.force_manager, 0, 30))
    }
    assert everything(h.scope(people.regional_manager, 0, 30, force="ESS"))["acceptance"] == set()


def test_theme_threat_type_region_and_assessor_filters_narrow_the_figures(h, people):
    h.decided(1, "accept")
    h.decided(2, "reject", author=people.wilts_officer, assessor=people.assessor2)
    h.accepted(h.claim(h.submitted(3, A={"primary_theme": "fraud"}), 4), 5)

    def accepted(**filters):
        return sum(
            r.accepted + r.rejected for r in decisions.by_force(h.scope(people.national_manager, 0, 30, **filters))
        )

    assert accepted() == 3
    assert accepted(theme="fraud") == 1
    assert accepted(threat_type="priority_individual") == 0
    assert accepted(region="EA") == 0
    assert accepted(assessor_id=people.assessor2.id) == 1
