"""Each person's starting page: the queues of work for their role."""

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.clocks.working_days import local_today
from triggerflow.input_ids import number_or
from triggerflow.models import Role
from triggerflow.queries import queues
from triggerflow.queries.people import spocs_of
from triggerflow.web.home.cells import cell_html
from triggerflow.web.home.queue_tables import Viewer, queue_table
from triggerflow.workflow.states import FormState

bp = Blueprint("home", __name__)


@bp.record_once
def _share_cells(state) -> None:
    # The queue macro is imported without the page's context.
    state.app.jinja_env.globals["queue_cell_html"] = cell_html


# The queues each role works from, by the key their page number travels under (?<key>_page=2), with their columns.
_QUEUES = {
    Role.OFFICER: {"mine": (queues.my_forms, ("form", "state", "days_since_return", "resubmit_by", "updated"))},
    Role.SPOC: {
        "ready": (queues.ready_to_resubmit, ("form", "author", "days_since_return", "resubmit_by")),
        "review": (queues.awaiting_review, ("form", "author", "theme", "days_with_spoc")),
        "returns": (
            queues.force_returns,
            ("form", "state", "author", "days_since_return", "resubmit_by", "unanswered"),
        ),
        "drafts": (queues.force_drafts, ("form", "author", "updated")),
    },
    Role.ASSESSOR: {
        "assessing": (queues.assessing, ("form", "force", "theme", "days_waiting", "due")),
        "new": (queues.regional_new, ("form", "force", "theme", "days_waiting", "due")),
        "resubmitted": (queues.regional_resubmitted, ("form", "force", "theme", "routed", "days_waiting", "due")),
    },
}
_EVERY_FORM = ("form", "state", "force", "theme", "assessor", "due", "updated")


@bp.get("/")
@allow(*ANY_ROLE)
def index():
    viewer = Viewer(current_user, local_today())
    if current_user.role in _QUEUES:
        tables = {
            key: queue_table(key, fetch(current_user, _page_number(key)), columns, viewer)
            for key, (fetch, columns) in _QUEUES[current_user.role].items()
        }
        spocs = spocs_of(current_user.force_id) if current_user.role is Role.OFFICER else []
        return render_template(f"home/{current_user.role.value}.html", queues=tables, spocs=spocs)
    state = request.args.get("state")
    state = FormState(state) if state in set(FormState) else None
    counts = queues.state_counts(current_user, cap=current_app.config["LIST_COUNT_CAP"])
    page = queues.forms_in_scope(current_user, _page_number("forms"), state, counts=counts)
    return render_template(
        "home/overview.html",
        state=state,
        counts=counts,
        queues={"forms": queue_table("forms", page, _EVERY_FORM, viewer)},
    )


def _page_number(key: str) -> int:
    return number_or(request.args.get(f"{key}_page"), 1)
