"""The threat register and each threat's page, with its actions through the one threat service."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.content import vocab
from triggerflow.db import utcnow
from triggerflow.exports.stream import csv_response
from triggerflow.queries import threats
from triggerflow.threats.definition import ACTIONS, EVENT_LABELS, PLAN_STRANDS
from triggerflow.threats.service import available_actions, perform
from triggerflow.web.threats.forms import ACTION_FORMS, ThreatActionForm
from triggerflow.web.threats.register import CSV_HEADINGS, STATUSES, csv_rows, filters_from, rows
from triggerflow.workflow.errors import StaleForm, is_stale

bp = Blueprint("threats", __name__, url_prefix="/threats")

DONE = {
    "appoint_lro": "Lead responsible officer appointed. They have been told by email.",
    "change_lro": "Lead responsible officer changed. They have been told by email.",
    "add_plan_action": "4P plan action added",
    "agree_plan": "4P plan agreed",
    "start_management": "The threat is under management. Its first review is due as shown.",
    "review": "Review recorded",
    "record_disruption": "Disruption recorded",
    "update_references": "References updated",
    "archive": "Threat archived",
}


@bp.get("")
@allow(*ANY_ROLE)
def register():
    filters = filters_from(request.args)
    return render_template(
        "threats/register.html",
        rows=rows(current_user, filters, utcnow().date()),
        filters=filters,
        forces=threats.owning_forces(current_user),
        priorities=vocab.MORILE_PRIORITY,
        statuses=STATUSES,
    )


@bp.get("/register.csv")
@allow(*ANY_ROLE)
def register_csv():
    filters = filters_from(request.args)
    return csv_response(
        current_user, "threat-register", CSV_HEADINGS, csv_rows(current_user, filters), filters.__dict__, "web"
    )


@bp.get("/<int:threat_id>")
@allow(*ANY_ROLE)
def overview(threat_id: int):
    threat = threats.get_threat_or_404(threat_id, current_user)
    today = utcnow().date()
    return render_template(
        "threats/overview.html",
        threat=threat,
        today=today,
        status=threats.status,
        actions=[(name, ACTIONS[name]) for name in available_actions(threat, current_user)],
        plan=threats.plan(threat),
        strands=dict(PLAN_STRANDS),
        disruptions=threats.disruptions(threat),
        history=threats.history(threat),
        event_labels=EVENT_LABELS,
    )


@bp.route("/<int:threat_id>/actions/<action>", methods=["GET", "POST"])
@allow(*ANY_ROLE)
def action(threat_id: int, action: str):
    threat = threats.get_threat_or_404(threat_id, current_user)
    if action not in ACTIONS:
        abort(404)
    page = ACTION_FORMS.get(action, ThreatActionForm).build(threat, utcnow().date())
    if action not in available_actions(threat, current_user):
        if request.method == "POST" and is_stale(threat, page.expected_version):
            flash(StaleForm.message, "important")  # the change they had not seen took the action away
            return redirect(url_for("threats.overview", threat_id=threat.id))
        abort(403)
    status = 400 if page.is_submitted() else 200
    if page.validate_on_submit():
        status = page.save(
            threat,
            lambda: perform(threat, action, current_user, expected_version=page.expected_version, **page.details()),
        )
        if status is None:
            flash(DONE[action], "success")
            return redirect(url_for("threats.overview", threat_id=threat.id))
    return render_template(page.template, threat=threat, action=action, meta=ACTIONS[action], form=page), status
