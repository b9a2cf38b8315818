"""The criteria page: every rule in plain English, with the return reasons it prevents."""
from flask import Blueprint, render_template

from triggerflow.content import vocab
from triggerflow.content.sections import SECTIONS_BY_KEY
from triggerflow.criteria import CRITERIA_VERSION, RULES
from triggerflow.web.access import ANY_ROLE, allow

bp = Blueprint("criteria", __name__, url_prefix="/criteria")


@bp.get("/")
@allow(*ANY_ROLE)
def index():
    return render_template("criteria/index.html", rules=RULES, version=CRITERIA_VERSION,
                           sections=SECTIONS_BY_KEY, reasons=dict(vocab.RETURN_REASONS))
