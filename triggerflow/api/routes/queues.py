"""Each role's work queues, as on the home page, a page at a time."""

from datetime import date, datetime

from triggerflow.api import bp
from triggerflow.api.operations import EVERYONE, caller, operation, respond
from triggerflow.api.schemas.common import Output
from triggerflow.api.schemas.queries import PageQuery
from triggerflow.models import Role
from triggerflow.queries import queues
from triggerflow.workflow.states import FormState

TAG = "Queues"


class QueueRow(Output):
    number: str
    working_name: str | None
    state: FormState
    threat_type: str | None
    primary_theme: str | None
    round: int
    force_code: str
    force_name: str
    author_name: str
    assessor_name: str | None
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    returned_at: datetime | None
    resubmit_by: date | None
    days_waiting: int | None
    days_since_return: int | None
    days_since_update: int | None
    resubmit_overdue: bool | None
    sent_to_spoc_at: datetime | None = None
    days_with_spoc: int | None = None
    unanswered_items: int | None = None
    to_me: bool | None = None


class Queue(Output):
    rows: list[QueueRow]
    page: int
    pages: int
    size: int
    total: int


QUEUES = {
    "mine": ({Role.OFFICER, Role.SPOC}, queues.my_forms, "Forms you started: returned ones first"),
    "review": ({Role.SPOC}, queues.awaiting_review, "Forms your force's officers sent you, longest waiting first"),
    "returns": ({Role.SPOC}, queues.force_returns, "Your force's returned and lapsed forms, longest first"),
    "drafts": ({Role.SPOC}, queues.force_drafts, "Your force's drafts, most recently changed first"),
    "assessing": ({Role.ASSESSOR}, queues.assessing, "Forms you are assessing, oldest submission first"),
    "new": ({Role.ASSESSOR}, queues.regional_new, "Submitted forms nobody has claimed, oldest first"),
    "resubmitted": ({Role.ASSESSOR}, queues.regional_resubmitted, "Resubmitted forms, oldest first"),
    "all": (EVERYONE, queues.forms_in_scope, "Every form you may see, newest first"),
}


def _queue_route(name: str) -> None:
    roles, fetch, description = QUEUES[name]

    @operation(f"Queue: {name}", TAG, roles=roles, query=PageQuery, response=Queue, description=description + ".")
    def queue(query: PageQuery):
        found = fetch(caller(), query.page)
        return respond(Queue(rows=found.rows, page=found.number, pages=found.pages, size=found.size, total=found.total))

    queue.__name__ = f"queue_{name}"
    bp.add_url_rule(f"/queues/{name}", queue.__name__, queue, methods=["GET"])


for _name in QUEUES:
    _queue_route(_name)
