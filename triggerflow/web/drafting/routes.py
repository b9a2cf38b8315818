"""Editing a form's sections and repeating items while it is with the force."""
from flask import Blueprint, abort

from triggerflow.models import Role
from triggerflow.web.access import allow

bp = Blueprint("drafting", __name__, url_prefix="/forms/<number>/sections")


@bp.route("/<key>", methods=["GET", "POST"])
@allow(Role.OFFICER, Role.SPOC)
def section(number: str, key: str):
    abort(501)
