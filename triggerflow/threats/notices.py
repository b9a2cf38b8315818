"""Who hears about a threat: the LRO when appointed, and the owning force and its LRO when
something falls due. Adds outbox rows to the session; the caller commits."""

from dataclasses import dataclass

from sqlalchemy import select

from triggerflow.db import db
from triggerflow.models import Role, Threat, ThreatEvent, User
from triggerflow.notifications import messages


@dataclass(frozen=True)
class Addressee:
    """Someone told by e-mail who need not hold an account: an LRO may be from a partner agency."""

    name: str
    email: str
    id: int | None = None


def threat_link(threat: Threat) -> str:
    return messages.page_link("threats.overview", threat_id=threat.id)


def lro(threat: Threat) -> list[Addressee]:
    return [Addressee(threat.lro_name, threat.lro_email)] if threat.lro_email else []


def owning_force_spocs(threat: Threat) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.active.is_(True), User.role == Role.SPOC, User.force_id == threat.owning_force_id)
            .order_by(User.id)
        )
    )


def queue_for(threat: Threat, event: ThreatEvent, actor: User | None) -> None:
    """Tell a newly appointed LRO; no other threat action sends e-mail as it happens."""
    if event.action not in ("appoint_lro", "change_lro"):
        return
    queue(
        threat,
        lro(threat),
        kind=event.action,
        headline=f"You are the lead responsible officer for threat {threat.form.number}",
        what_next="Agree the threat's 4P plan, with actions under Pursue, Prevent, Protect and Prepare, "
        f"by {threat.plan_due_on:%-d %B %Y}.",
        actor_name=actor.name if actor else "TriggerFlow",
    )


def queue(threat: Threat, people: list, *, kind: str, headline: str, **context) -> None:
    messages.queue(
        people,
        kind=kind,
        form=threat.form,
        headline=headline,
        template="threat.txt",
        link=threat_link(threat),
        threat=threat,
        **context,
    )
