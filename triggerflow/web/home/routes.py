"""Each person's starting page: the queues of work for their role."""
from flask import Blueprint, current_app, render_template, request
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.input_ids import number_or
from triggerflow.models import Role
from triggerflow.queries import queues
from triggerflow.workflow.states import FormState

bp = Blueprint("home", __name__)

# The queues each role works from, by the key their page number travels under (?<key>_page=2).
_QUEUES = {
    Role.OFFICER: {"mine": queues.my_forms},
    Role.SPOC: {"ready": queues.ready_to_resubmit, "review": queues.awaiting_review, "returns": queues.force_returns,
                "drafts": queues.force_drafts},
    Role.ASSESSOR: {"assessing": queues.assessing, "new": queues.regional_new,
                    "resubmitted": queues.regional_resubmitted},
}


@bp.get("/")
@allow(*ANY_ROLE)
def index():
    if current_user.role in _QUEUES:
        pages = {key: fetch(current_user, _page_number(key)) for key, fetch in _QUEUES[current_user.role].items()}
        return render_template(f"home/{current_user.role.value}.html", queues=pages)
    state = request.args.get("state")
    state = FormState(state) if state in set(FormState) else None
    counts = queues.state_counts(current_user, cap=current_app.config["LIST_COUNT_CAP"])
    return render_template("home/overview.html", state=state, counts=counts, queues={
        "forms": queues.forms_in_scope(current_user, _page_number("forms"), state, counts=counts)})


def _page_number(key: str) -> int:
    return number_or(request.args.get(f"{key}_page"), 1)
