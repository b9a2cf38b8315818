"""The downloads page: any list the user may see, as CSV; and the audit of every CSV that leaves.

Downloads change nothing but the export audit, so they are plain GET links and forms.
"""

from flask import Blueprint, render_template, request
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.exports import KINDS, audit, export
from triggerflow.web.exports.forms import DownloadForm

bp = Blueprint("exports", __name__, url_prefix="/downloads")


@bp.get("/")
@allow(*ANY_ROLE)
def index():
    return render_template("exports/index.html", form=DownloadForm(meta={"csrf": False}), kinds=KINDS)


@bp.get("/download")
@allow(*ANY_ROLE)
def download():
    form = DownloadForm(request.args, meta={"csrf": False})
    if not form.validate():
        return render_template("exports/index.html", form=form, kinds=KINDS), 400
    # Each list's own query (the history's takes a date range too), narrowed as the page allows.
    query = KINDS[form.kind.data].query(
        state=[form.state.data] if form.state.data else None, theme=form.theme.data or None
    )
    return export(current_user, form.kind.data, query, "web")


@bp.after_app_request
def record_other_downloads(response):
    """CSV sent by any other page (a dashboard table, say) is recorded here, so none goes unaudited."""
    if (
        response.mimetype == "text/csv"
        and response.status_code == 200
        and not response.is_streamed
        and not getattr(response, "export_recorded", False)
        and current_user.is_authenticated
    ):
        rows = max(response.get_data(as_text=True).count("\n") - 2, 0)
        # The view's arguments (a dashboard table's key) say which list it was, with the filters.
        filters = {**(request.view_args or {}), **request.args.to_dict(flat=False)}
        audit.started(current_user, request.endpoint or request.path, filters, "web", rows)
    return response
