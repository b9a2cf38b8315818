"""Lifecycle actions: one route per action, each calling the one workflow service.

Who may see the button on the web page is who may call the route: both ask
workflow.service.available_actions.
"""

from collections.abc import Callable

from triggerflow.api import present
from triggerflow.api.action_routes import action_operation, add_action_routes, version_for
from triggerflow.api.operations import caller, respond
from triggerflow.api.problems import pointed_at
from triggerflow.api.schemas.actions import BODIES
from triggerflow.api.schemas.forms import ActionResult
from triggerflow.clocks.working_days import local_today
from triggerflow.queries.scope import get_form_or_404
from triggerflow.workflow.definition import ACTIONS, FORM_LIFECYCLE, TRANSITIONS
from triggerflow.workflow.service import available_actions, perform

TAG = "Actions"


def _action_route(action: str, roles: frozenset) -> Callable:
    meta, body = ACTIONS[action], BODIES.get(action)
    states = sorted({state.value for t in TRANSITIONS if t.action == action for state in t.sources})

    @action_operation(
        meta,
        TAG,
        roles,
        f"{meta.description} From: {', '.join(states)}.",
        body=body,
        response=ActionResult,
        body_optional=True,
    )
    def act(number: str, body=None):
        form = get_form_or_404(number, caller())
        version = version_for(form, action, meta, available_actions(form, caller()), f"form {number}")
        details = body.details(form, local_today()) if body is not None else {}
        with pointed_at(body.MEMBERS if body is not None else {}):
            event = perform(form, action, caller(), expected_version=version, **details)
        return respond(ActionResult(event=present.event(event), form=present.detail(form, caller())), etag=form.version)

    return act


add_action_routes(FORM_LIFECYCLE, "/forms/<form_number:number>/actions", "action", _action_route)
