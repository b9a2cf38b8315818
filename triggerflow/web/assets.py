"""GOV.UK Frontend's images and script, copied into static/govuk by `make assets`, and the favicon."""

from flask import Blueprint, current_app, send_from_directory

from triggerflow.access import PUBLIC, allow

bp = Blueprint("assets", __name__)


@bp.get("/assets/<path:filename>")
@allow(PUBLIC)
def govuk_asset(filename: str):
    return send_from_directory(current_app.static_folder + "/govuk/assets", filename, max_age=86400)


@bp.get("/favicon.ico")
@allow(PUBLIC)
def favicon():
    # Browsers and bookmark tools ask for this path whatever the page's <link rel="icon"> says.
    return send_from_directory(current_app.static_folder + "/images", "favicon.ico", max_age=86400)
