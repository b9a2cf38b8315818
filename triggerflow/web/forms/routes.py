"""A form's own pages: starting one, its overview, its content and its submitted versions."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.assessment.return_items import items_for
from triggerflow.content.completeness import completeness
from triggerflow.content.sections import SECTIONS
from triggerflow.db import utcnow
from triggerflow.models import Role, TriggerForm
from triggerflow.queries import form_page, threats
from triggerflow.queries.clocks import timing
from triggerflow.queries.common_returns import common_returns
from triggerflow.queries.duplicates import possible_duplicates
from triggerflow.queries.scope import get_form_or_404
from triggerflow.web.forms import answers
from triggerflow.web.forms.layout import layout_for, printed_marking, spoc_note
from triggerflow.web.review.overview import review_context
from triggerflow.workflow.definition import action_for
from triggerflow.workflow.next_step import next_step
from triggerflow.workflow.permissions import may_edit
from triggerflow.workflow.service import available_actions, start_form
from triggerflow.workflow.states import FormState

bp = Blueprint("forms", __name__, url_prefix="/forms")


@bp.record_once
def _share_answers(state) -> None:
    # The answers macros are imported without the page's context, and the drafting pages use them too.
    state.app.jinja_env.globals.update(answers_html=answers.answers_html, answer_rows_html=answers.rows_html)


@bp.get("/new")
@allow(Role.OFFICER, Role.SPOC)
def start():
    """Where a bookmarked or typed /forms/new lands: starting a form is a POST, so ask first."""
    return render_template("forms/new.html")


@bp.post("/new")
@allow(Role.OFFICER, Role.SPOC)
def new():
    form = start_form(current_user)
    flash(f"Trigger form {form.number} started. It is saved as a draft as you go.", "success")
    return redirect(url_for("forms.overview", number=form.number))


@bp.get("/<number>")
@allow(*ANY_ROLE)
def overview(number: str):
    form = get_form_or_404(number, current_user)
    actions = available_actions(form, current_user)
    items = items_for(form, include_pending="return_to_force" in actions)
    history = form_page.history(form)
    # Only a form accepted at some time has threats: the others' pages need not ask.
    ever_accepted = any(event.action == "accept" for event in history)
    return render_template(
        "forms/overview.html",
        form=form,
        sections=SECTIONS,
        result=completeness(form, items=items),
        actions=[(name, action_for(name, current_user)) for name in actions],
        page=layout_for(form, current_user, actions),
        editable=may_edit(form, current_user),
        return_items=items,
        answers=form.answers or {},
        history=history,
        timing=timing(form, events=history),
        spoc_note=spoc_note(history),
        versions=form_page.versions(form),
        acceptance=form_page.acceptance(form),
        next_step=next_step(form),
        threats=threats.of_form(form, current_user) if ever_accepted else [],
        **review_context(form, current_user, items),
        duplicates=[] if form.state.is_terminal else possible_duplicates(form, current_user),
        returns=common_returns(form, utcnow()) if form.state is FormState.DRAFT else [],
    )


@bp.get("/<number>/content")
@allow(*ANY_ROLE)
def content(number: str):
    form = get_form_or_404(number, current_user)
    return _whole_form("forms/content.html", form, heading="The form as it is now", result=completeness(form))


@bp.get("/<number>/print")
@allow(*ANY_ROLE)
def print_view(number: str):
    """The whole form on paper, for tasking meetings: its marking heads and foots every printed page."""
    form = get_form_or_404(number, current_user)
    return _whole_form(
        "forms/print.html",
        form,
        return_items=items_for(form, include_pending=False),
        acceptance=form_page.acceptance(form),
        history=form_page.history(form),
        marking=printed_marking(form),
        printed_at=utcnow(),
    )


def _whole_form(template: str, form: TriggerForm, **context) -> str:
    """A page of every section's answers."""
    return render_template(template, form=form, sections=SECTIONS, answers=form.answers or {}, **context)


@bp.get("/<number>/versions/<int:sequence>")
@allow(*ANY_ROLE)
def version(number: str, sequence: int):
    form = get_form_or_404(number, current_user)
    snapshot = form_page.version(form, sequence)
    if snapshot is None:
        abort(404)
    return render_template(
        "forms/content.html",
        form=form,
        sections=SECTIONS,
        answers=snapshot.answers,
        heading=f"Version {snapshot.sequence}, sent {snapshot.created_at:%-d %B %Y}",
        snapshot=snapshot,
        result=None,
    )
