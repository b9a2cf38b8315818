"""Plain data: tables and relationships, no workflow and no commits."""
from triggerflow.models.acceptance import AcceptanceRecord
from triggerflow.models.event import FormEvent
from triggerflow.models.form import FormNumberCounter, FormSnapshot, TriggerForm
from triggerflow.models.reference import Force, Region
from triggerflow.models.return_item import ReturnItem, ReturnItemStatus
from triggerflow.models.user import Role, User

__all__ = [
    "AcceptanceRecord",
    "Force",
    "FormEvent",
    "FormNumberCounter",
    "FormSnapshot",
    "Region",
    "ReturnItem",
    "ReturnItemStatus",
    "Role",
    "TriggerForm",
    "User",
]
