"""The development mail folder: every e-mail TriggerFlow sent, for the demo. 404 unless MAIL_PAGE."""

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, url_for

from triggerflow.access import ANY_ROLE, allow
from triggerflow.notifications import mail_folder, outbox
from triggerflow.queries.outbox import outbox_counts

bp = Blueprint("mail", __name__, url_prefix="/mail")


@bp.before_request
def only_where_enabled():
    if not current_app.config["MAIL_PAGE"]:
        abort(404)


@bp.get("")
@allow(*ANY_ROLE)
def index():
    return render_template("mail/index.html", messages=mail_folder.stored_messages(), counts=outbox_counts())


@bp.get("/<name>")
@allow(*ANY_ROLE)
def message(name: str):
    found = mail_folder.stored_message(name) or abort(404)
    return render_template("mail/message.html", message=found)


@bp.post("/send")
@allow(*ANY_ROLE)
def send():
    flash(f"Outbox: {outbox.send_pending()}", "success")
    return redirect(url_for("mail.index"))


@bp.after_app_request
def send_after_request(response):
    # Development only: deliver to the local folder as soon as a change has committed its e-mail.
    if current_app.config["MAIL_SEND_AFTER_REQUEST"] and g.pop("outbox_written", False):
        try:
            outbox.send_pending()
        except Exception:  # the change is committed and the message stays queued: never fail the page
            current_app.logger.exception("Sending the outbox after the request failed")
    return response
