"""Acceptance rate and first-time acceptance, by the date of the decision."""

from triggerflow.queries.measures import decisions


def rates(rows):
    return [(r.code, r.accepted, r.rejected, round(r.acceptance_rate)) for r in rows]


def test_acceptance_rate_is_accepted_over_decided_per_force_with_the_lowest_last(h, people):
    for n, outcome in enumerate(["accept", "accept", "accept", "reject"]):
        h.decided(2 + n, outcome)
    for n, outcome in enumerate(["accept", "reject", "reject", "reject"]):
        h.decided(2 + n, outcome, author=people.wilts_officer)

    rows = decisions.by_force(h.scope(people.regional_manager, 0, 30))

    assert rates(rows) == [("DOR", 3, 1, 75), ("WIL", 1, 3, 25)]
    assert decisions.totals(rows).acceptance_rate == 50


def test_a_form_counts_in_the_period_it_was_decided_not_the_one_it_was_submitted(h, people):
    spans_the_start = h.submitted(25)
    h.accepted(h.claim(spans_the_start, 26), 35)  # submitted in January, decided in February
    decided_after = h.submitted(40)
    h.rejected(h.claim(decided_after, 41), 60)  # submitted in February, decided in March

    february = h.scope(people.regional_manager, 27, 54)  # 1 to 28 February

    assert rates(decisions.by_force(february)) == [("DOR", 1, 0, 100)]


def test_with_no_decisions_there_is_no_rate_rather_than_a_rate_of_nothing(h, people):
    h.submitted(1)
    h.withdrawn(h.draft(2), 3)
    rows = decisions.by_force(h.scope(people.regional_manager, 0, 30))
    assert rows == []
    assert decisions.totals(rows).acceptance_rate is None


def test_only_withdrawals_give_no_decisions(h, people):
    for n in range(3):
        h.withdrawn(h.returned(h.claim(h.submitted(n), n + 0.5), n + 0.7), n + 1)
    assert decisions.by_force(h.scope(people.regional_manager, 0, 30)) == []


def test_first_time_acceptance_counts_accepted_forms_never_returned_over_all_decided(h, people):
    h.decided(1, "accept")
    h.decided(2, "accept", returns=1)
    h.decided(3, "reject")

    (dorset,) = decisions.by_force(h.scope(people.regional_manager, 0, 30))

    assert (dorset.accepted, dorset.first_time_accepted, dorset.decided) == (2, 1, 3)
    assert round(dorset.first_time_rate, 1) == 33.3


def test_acceptance_by_month_puts_each_decision_in_its_calendar_month(h, people):
    h.decided(10, "accept")  # 15 January
    h.decided(30, "reject")  # 4 February
    h.decided(31, "accept")

    months = [(r.month, r.accepted, r.rejected) for r in decisions.by_month(h.scope(people.regional_manager, 0, 60))]

    assert months == [("2026-01", 1, 0), ("2026-02", 1, 1)]
