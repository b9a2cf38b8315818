"""Open work by state and age band, and operations running against threats not accepted."""

from triggerflow.queries.measures import backlog
from triggerflow.workflow.states import FormState

RUNNING = {"H": {"operation_running": "yes", "operation_name": "Op Kestrel", "officer_in_charge": "DI Vale"}}


def bands(found):
    return {b.state: b.bands for b in found}


def test_open_forms_are_counted_by_state_and_days_in_that_state(h, people):
    h.submitted(57)  # 3 days
    h.submitted(52.5)  # 7.5 days: still in 0 to 7
    h.claim(h.submitted(40), 50)  # 10 days under assessment
    h.returned(h.claim(h.submitted(30), 31), 40)  # 20 days returned
    h.lapsed(h.returned(h.claim(h.submitted(1), 2), 3), 31)  # lapsed 29 days ago
    h.decided(5, "accept")  # closed: not in the backlog
    h.draft(59)  # not yet sent: only the force sees it

    regional = bands(backlog.by_state(h.scope(people.regional_manager, 0, 60)))
    force = bands(backlog.by_state(h.scope(people.force_manager, 0, 60)))

    assert regional == {
        FormState.SUBMITTED: (2, 0, 0, 0),
        FormState.UNDER_ASSESSMENT: (0, 1, 0, 0),
        FormState.RETURNED: (0, 0, 1, 0),
        FormState.LAPSED: (0, 0, 0, 1),
    }
    assert force[FormState.DRAFT] == (1, 0, 0, 0)


def test_operations_without_assessment_are_running_operations_on_forms_not_accepted(h, people):
    h.accepted(h.claim(h.submitted(1, H=RUNNING["H"]), 2), 3)
    waiting = h.submitted(2, H=RUNNING["H"])
    rejected = h.rejected(h.claim(h.submitted(3, H=RUNNING["H"]), 4), 5)
    h.submitted(4)  # no operation

    scope = h.scope(people.regional_manager, 0, 30)
    (dorset,) = backlog.operations_by_force(scope)
    listed = backlog.operations_without_assessment(scope)

    assert (dorset.open, dorset.rejected, dorset.withdrawn, dorset.total) == (1, 1, 0, 2)
    assert [o.number for o in listed] == [waiting.number, rejected.number]
