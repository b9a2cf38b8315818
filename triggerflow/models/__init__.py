"""Plain data: tables and relationships, no workflow and no commits."""

from triggerflow.models.acceptance import AcceptanceRecord
from triggerflow.models.administration import AdminEvent, CriteriaVersion
from triggerflow.models.api_token import ApiToken
from triggerflow.models.event import FormEvent
from triggerflow.models.export_record import ExportRecord
from triggerflow.models.force_operation import ForceOperation
from triggerflow.models.form import FormNumberCounter, FormSnapshot, TriggerForm
from triggerflow.models.identity_provider import IdentityProvider
from triggerflow.models.notification import OutboxMessage, OutboxStatus, ReminderSent
from triggerflow.models.rate_limit import RateLimitCounter
from triggerflow.models.reference import Force, Region
from triggerflow.models.return_item import ReturnItem, ReturnItemStatus
from triggerflow.models.returned_item import ReturnedItem
from triggerflow.models.review import CommentKind, InternalNote, ReturnItemComment
from triggerflow.models.rollup import Rollup, RollupShare
from triggerflow.models.search import FormSearchEntry
from triggerflow.models.sign_in import AddressFailures, RecoveryCode
from triggerflow.models.stay import FormStay
from triggerflow.models.threat import Disruption, PlanAction, Threat, ThreatEvent
from triggerflow.models.user import Role, User
from triggerflow.models.user_session import HeldSubmission, SessionStage, UserSession

__all__ = [
    "AcceptanceRecord",
    "AddressFailures",
    "AdminEvent",
    "ApiToken",
    "CommentKind",
    "CriteriaVersion",
    "Disruption",
    "ExportRecord",
    "Force",
    "ForceOperation",
    "FormEvent",
    "FormNumberCounter",
    "FormSearchEntry",
    "FormSnapshot",
    "FormStay",
    "HeldSubmission",
    "IdentityProvider",
    "InternalNote",
    "OutboxMessage",
    "OutboxStatus",
    "PlanAction",
    "RateLimitCounter",
    "RecoveryCode",
    "Region",
    "ReminderSent",
    "ReturnItem",
    "ReturnItemComment",
    "ReturnItemStatus",
    "ReturnedItem",
    "Role",
    "Rollup",
    "RollupShare",
    "SessionStage",
    "Threat",
    "ThreatEvent",
    "TriggerForm",
    "User",
    "UserSession",
]
