"""Taking lifecycle actions on a form, and the return items that go with a return."""
from flask import Blueprint, abort

from triggerflow.web.access import ANY_ROLE, allow
from triggerflow.models import Role

bp = Blueprint("decisions", __name__, url_prefix="/forms/<number>")


@bp.route("/actions/<action>", methods=["GET", "POST"])
@allow(*ANY_ROLE)
def action(number: str, action: str):
    abort(501)


@bp.route("/return-items/new", methods=["GET", "POST"])
@allow(Role.ASSESSOR)
def add_item(number: str):
    abort(501)


@bp.post("/return-items/<int:item_id>/remove")
@allow(Role.ASSESSOR)
def remove_item(number: str, item_id: int):
    abort(501)


@bp.route("/return-items/<int:item_id>/respond", methods=["GET", "POST"])
@allow(Role.OFFICER, Role.SPOC)
def respond(number: str, item_id: int):
    abort(501)
