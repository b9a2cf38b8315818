"""The threat register over the API: the same query, scope and threat service as the web pages."""

from triggerflow.api import bp
from triggerflow.api.operations import caller, expected_version, operation, respond
from triggerflow.api.problems import Problem
from triggerflow.api.schemas import threats as schemas
from triggerflow.db import db
from triggerflow.models import Threat, User
from triggerflow.queries import threats
from triggerflow.threats.definition import ACTION_ORDER, ACTIONS, EVENT_LABELS, SYSTEM, TRANSITIONS
from triggerflow.threats.service import available_actions, perform

TAG = "Threat register"


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
    return respond(
        schemas.ThreatList(threats=[_summary(row) for row in db.session.execute(threats.register(caller(), filters))])
    )


@bp.get("/threats/<int(min=1, max=2147483647):threat_id>")
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
    return respond(detail(threat, caller()), etag=threat.version)


def _who(action: str) -> frozenset:
    return frozenset(role for t in TRANSITIONS if t.action == action for role in t.roles if role != SYSTEM)


def _action_route(action: str) -> None:
    meta, body = ACTIONS[action], schemas.THREAT_BODIES.get(action)

    @operation(
        meta.label,
        TAG,
        roles=_who(action),
        body=body,
        response=schemas.ThreatActionResult,
        etag=True,
        if_match=True,
        conflicts=True,
        requirements=True,
        description=f"{meta.description} Takes effect at once: there is no confirmation step in the API.",
    )
    def act(threat_id: int, body=None):
        threat = threats.get_threat_or_404(threat_id, caller())
        version = expected_version(threat)
        allowed = available_actions(threat, caller())
        if action not in allowed:
            raise Problem(
                409,
                f"\u201c{meta.label}\u201d is not possible on this threat now.",
                "not-available",
                available_actions=allowed,
            )
        event = perform(
            threat, action, caller(), expected_version=version, **(body.model_dump() if body is not None else {})
        )
        return respond(
            schemas.ThreatActionResult(event=_event(event), threat=detail(threat, caller())), etag=threat.version
        )

    act.__name__ = f"threat_action_{action}"
    bp.add_url_rule(
        f"/threats/<int(min=1, max=2147483647):threat_id>/actions/{action}", act.__name__, act, methods=["POST"]
    )


for _action in ACTION_ORDER:
    if _who(_action):
        _action_route(_action)


def _summary(row) -> schemas.ThreatSummary:
    return schemas.ThreatSummary(
        id=row.id,
        form_number=row.number,
        working_name=row.working_name,
        owning_force={"code": row.code, "name": row.name},
        morile_priority=row.morile_priority,
        state=row.state,
        state_label=row.state.label,
        lro_name=row.lro_name,
        lro_due_on=row.lro_due_on,
        lro_appointed_at=row.lro_appointed_at,
        plan_due_on=row.plan_due_on,
        plan_agreed_at=row.plan_agreed_at,
        next_review_on=row.next_review_on,
        apmis_reference=row.apmis_reference,
        pnd_reference=row.pnd_reference,
        disruptions=row.disruptions,
        last_recorded_at=row.last_activity,
        archive_reason=row.archive_reason,
        accepted_at=row.accepted_at,
    )


def _event(event) -> schemas.ThreatEventOut:
    return schemas.ThreatEventOut(
        action=event.action,
        label=EVENT_LABELS[event.action],
        from_state=event.from_state,
        to_state=event.to_state,
        actor=event.actor,
        at=event.at,
        reason_code=event.reason_code,
        comment=event.comment,
        details=event.details or {},
    )


def detail(threat: Threat, user: User) -> schemas.ThreatDetail:
    record = threat.acceptance
    recorded = threats.disruptions(threat)
    history = threats.history(threat)
    return schemas.ThreatDetail(
        id=threat.id,
        form_number=threat.form.number,
        working_name=threat.form.working_name,
        owning_force=threat.owning_force,
        morile_priority=record.morile_priority,
        state=threat.state,
        state_label=threat.state.label,
        lro_name=threat.lro_name,
        lro_organisation=threat.lro_organisation,
        lro_due_on=threat.lro_due_on,
        lro_appointed_at=threat.lro_appointed_at,
        plan_due_on=threat.plan_due_on,
        plan_agreed_at=threat.plan_agreed_at,
        next_review_on=threat.next_review_on,
        apmis_reference=threat.apmis_reference,
        pnd_reference=threat.pnd_reference,
        disruptions=len(recorded),
        last_recorded_at=history[0].at if history else None,
        archive_reason=threat.archive_reason,
        accepted_at=threat.accepted_at,
        morile_scores=record.morile_scores or [],
        soc=record.soc,
        moderation_status=record.moderation_status,
        phase=record.phase,
        merged_into=threat.merged_into,
        available_actions=available_actions(threat, user),
        plan=threats.plan(threat),
        disruptions_recorded=recorded,
        events=[_event(e) for e in history],
    )
