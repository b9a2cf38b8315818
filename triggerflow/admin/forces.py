"""Force settings an administrator may change."""

from triggerflow.admin import audit
from triggerflow.db import transaction
from triggerflow.models import Force, Role, User
from triggerflow.workflow.errors import ActionNotAllowed


def set_spoc_gate(actor: User, force: Force, on: bool) -> None:
    """With the gate on, officers send drafts to a SPOC; off, they submit to the ROCTA themselves."""
    if actor.role is not Role.ADMIN:
        raise ActionNotAllowed("Only administrators change force settings")
    if force.spoc_gate == on:
        return
    with transaction():
        audit.record(
            actor, "set_spoc_gate", audit.force_target(force), {"spoc_gate": force.spoc_gate}, {"spoc_gate": on}
        )
        force.spoc_gate = on
