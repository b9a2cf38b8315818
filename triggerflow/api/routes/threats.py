"""The threat register over the API: the same query, scope and threat service as the web pages."""

from collections.abc import Callable

from triggerflow.api import bp, present_threats
from triggerflow.api.action_routes import action_operation, add_action_routes, version_for
from triggerflow.api.operations import caller, operation, respond
from triggerflow.api.schemas import threats as schemas
from triggerflow.db import db
from triggerflow.queries import threats
from triggerflow.threats.definition import ACTIONS, THREAT_LIFECYCLE
from triggerflow.threats.service import available_actions, perform

TAG = "Threat register"
THREAT = "/threats/<int(min=1, max=2147483647):threat_id>"


@bp.get("/threats")
@operation(
    "List the threats on the register",
    TAG,
    query=schemas.RegisterQuery,
    response=schemas.ThreatList,
    description="Within your scope: a force sees the threats it owns, the ROCTA its region's.",
)
def list_threats(query: schemas.RegisterQuery):
    filters = threats.RegisterFilters(
        status=query.status, force=(query.force or "").upper() or None, priority=query.priority
    )
    rows = db.session.execute(threats.register(caller(), filters))
    return respond(schemas.ThreatList(threats=[present_threats.summary(row) for row in rows]))


@bp.get(THREAT)
@operation(
    "Read a threat",
    TAG,
    response=schemas.ThreatDetail,
    etag=True,
    description="Its LRO, 4P plan, reviews, disruptions, history and what you may do now. Send the ETag "
    "back in If-Match to act on it.",
)
def read_threat(threat_id: int):
    threat = threats.get_threat_or_404(threat_id, caller())
    return respond(present_threats.detail(threat, caller()), etag=threat.version)


def _action_route(action: str, roles: frozenset) -> Callable:
    meta, body = ACTIONS[action], schemas.THREAT_BODIES.get(action)

    @action_operation(meta, TAG, roles, meta.description, body=body, response=schemas.ThreatActionResult)
    def act(threat_id: int, body=None):
        threat = threats.get_threat_or_404(threat_id, caller())
        version = version_for(threat, action, meta, available_actions(threat, caller()), "this threat")
        event = perform(
            threat, action, caller(), expected_version=version, **(body.model_dump() if body is not None else {})
        )
        return respond(
            schemas.ThreatActionResult(
                event=present_threats.event(event), threat=present_threats.detail(threat, caller())
            ),
            etag=threat.version,
        )

    return act


add_action_routes(THREAT_LIFECYCLE, f"{THREAT}/actions", "threat_action", _action_route)
