"""Lifecycle actions: one route per action, each calling the one workflow service.

Who may see the button on the web page is who may call the route: both ask
workflow.service.available_actions.
"""

from triggerflow.api import bp, present
from triggerflow.api.operations import caller, expected_version, operation, respond
from triggerflow.api.problems import Problem, pointed_at
from triggerflow.api.schemas.actions import BODIES
from triggerflow.api.schemas.forms import ActionResult
from triggerflow.clocks.working_days import local_today
from triggerflow.queries.scope import get_form_or_404
from triggerflow.workflow.definition import ACTION_ORDER, ACTIONS, SYSTEM, TRANSITIONS
from triggerflow.workflow.service import available_actions, perform

TAG = "Actions"


def _who(action: str) -> frozenset:
    return frozenset(role for t in TRANSITIONS if t.action == action for role in t.roles if role != SYSTEM)


def _action_route(action: str) -> None:
    meta, body = ACTIONS[action], BODIES.get(action)
    states = sorted({state.value for t in TRANSITIONS if t.action == action for state in t.sources})

    @operation(
        meta.label,
        TAG,
        roles=_who(action),
        body=body,
        response=ActionResult,
        etag=True,
        if_match=True,
        conflicts=True,
        requirements=True,
        body_optional=True,
        description=f"{meta.description} From: {', '.join(states)}. Takes effect at once: there is no "
        "confirmation step in the API.",
    )
    def act(number: str, body=None):
        form = get_form_or_404(number, caller())
        version = expected_version(form)
        allowed = available_actions(form, caller())
        if action not in allowed:
            raise Problem(
                409,
                f"\u201c{meta.label}\u201d is not possible on form {number} now.",
                "not-available",
                available_actions=allowed,
            )
        details = body.details(form, local_today()) if body is not None else {}
        with pointed_at(body.MEMBERS if body is not None else {}):
            event = perform(form, action, caller(), expected_version=version, **details)
        return respond(ActionResult(event=present.event(event), form=present.detail(form, caller())), etag=form.version)

    act.__name__ = f"action_{action}"
    bp.add_url_rule(f"/forms/<form_number:number>/actions/{action}", act.__name__, act, methods=["POST"])


for _action in ACTION_ORDER:
    if _who(_action):
        _action_route(_action)
