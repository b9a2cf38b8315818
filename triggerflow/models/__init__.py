"""Plain data: tables and relationships, no workflow and no commits."""
from triggerflow.models.acceptance import AcceptanceRecord
from triggerflow.models.administration import AdminEvent, CriteriaVersion
from triggerflow.models.api_token import ApiToken
from triggerflow.models.event import FormEvent
from triggerflow.models.export_record import ExportRecord
from triggerflow.models.form import FormNumberCounter, FormSnapshot, TriggerForm
from triggerflow.models.notification import OutboxMessage, OutboxStatus, ReminderSent
from triggerflow.models.reference import Force, Region
from triggerflow.models.return_item import ReturnItem, ReturnItemStatus
from triggerflow.models.review import CommentKind, InternalNote, ReturnItemComment
from triggerflow.models.user import Role, User

__all__ = [
    "AcceptanceRecord",
    "AdminEvent",
    "ApiToken",
    "CommentKind",
    "CriteriaVersion",
    "ExportRecord",
    "Force",
    "FormEvent",
    "FormNumberCounter",
    "FormSnapshot",
    "InternalNote",
    "OutboxMessage",
    "OutboxStatus",
    "Region",
    "ReminderSent",
    "ReturnItem",
    "ReturnItemComment",
    "ReturnItemStatus",
    "Role",
    "TriggerForm",
    "User",
]
