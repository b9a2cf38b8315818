import pytest

from tests.measures.history import History
from triggerflow.workflow import routing


@pytest.fixture
def h(clock, people):
    """A History: forms moved through the real service at chosen days."""
    return History(clock, people)


@pytest.fixture
def easter(h, people):
    """Forms across Easter 2026 and the clocks going forward, one of them reassigned on the way."""
    first = h.claim(h.submitted(80), 82.6)  # claimed 23:24 GMT on Saturday 28 March
    h.at(86)
    routing.reassign(first, people.regional_manager, people.assessor2, "Cover for leave", first.version)
    h.returned(first, 87.6, people.assessor2)  # 23:24 UTC on Thursday 2 April: 00:24 on Good Friday in BST
    h.resubmitted(first, 92)
    h.accepted(h.claim(first, 92.5, people.assessor2), 95, people.assessor2)
    second = h.claim(h.submitted(86.7), 88, people.assessor)
    h.rejected(second, 92.2)  # claimed on Good Friday, rejected on the Tuesday after Easter Monday
    return first, second
