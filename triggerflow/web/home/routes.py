"""Each person's starting page: the queues of work for their role."""
from flask import Blueprint, render_template

from triggerflow.web.access import ANY_ROLE, allow

bp = Blueprint("home", __name__)


@bp.get("/")
@allow(*ANY_ROLE)
def index():
    return render_template("home/index.html")
