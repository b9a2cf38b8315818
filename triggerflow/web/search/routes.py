"""Search: any form in the user's scope, by what is written in it."""

from flask import Blueprint, render_template, request
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.queries.search import search
from triggerflow.web.search.forms import SearchForm

bp = Blueprint("search", __name__, url_prefix="/search")


@bp.get("")
@allow(*ANY_ROLE)
def index():
    form = SearchForm.for_user(current_user, request.args)
    results = None
    if request.args and form.validate():
        page = max(1, request.args.get("page", 1, type=int))
        results = search(current_user, form.q.data or "", form.filters(), page)
    return render_template("search/index.html", form=form, results=results)
