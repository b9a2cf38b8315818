"""The submission cohort: where the forms first submitted in the period stand now, and how
often they were returned."""

from triggerflow.queries.measures import cohort


def test_submission_yield_puts_every_form_first_submitted_in_the_period_in_one_outcome(h, people):
    h.decided(1, "accept")
    h.decided(2, "reject")
    h.returned(h.claim(h.submitted(3), 4), 5)  # returned, not resubmitted
    h.lapsed(h.returned(h.claim(h.submitted(4), 5), 6), 34)
    h.withdrawn(h.returned(h.claim(h.submitted(5), 6), 7), 8)
    h.claim(h.submitted(6), 7)  # under assessment
    h.draft(7)  # never submitted: not in the cohort

    (dorset,) = cohort.by_force(h.scope(people.force_manager, 0, 30, now=40))

    assert (
        dorset.submitted,
        dorset.accepted,
        dorset.rejected,
        dorset.returned,
        dorset.lapsed,
        dorset.withdrawn,
        dorset.pending,
    ) == (6, 1, 1, 1, 1, 1, 1)
    assert round(dorset.share(dorset.accepted), 1) == 16.7


def test_returns_per_form_counts_every_return_and_the_forms_returned_once_and_twice(h, people):
    h.decided(1, "accept", returns=2)
    h.decided(2, "accept", returns=1)
    h.decided(3, "reject")

    (dorset,) = cohort.by_force(h.scope(people.regional_manager, 0, 30))

    assert (dorset.submitted, dorset.returns, dorset.returned_once, dorset.returned_twice) == (3, 3, 2, 1)
    assert dorset.returns_per_form == 1.0
    assert round(dorset.share(dorset.returned_twice), 1) == 33.3


def test_a_form_first_submitted_before_the_period_is_not_in_its_cohort_even_if_resubmitted_in_it(h, people):
    early = h.returned(h.claim(h.submitted(20), 21), 22)  # 25 January
    h.resubmitted(early, 30)  # 4 February
    h.submitted(31)

    (dorset,) = cohort.by_force(h.scope(people.regional_manager, 27, 54))

    assert (dorset.submitted, dorset.pending, dorset.returns) == (1, 1, 0)
