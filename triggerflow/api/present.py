"""Models and query results turned into the API's schemas."""

from triggerflow.api.schemas import forms as schemas
from triggerflow.api.schemas.sections import answers_of
from triggerflow.assessment.return_items import items_for
from triggerflow.content import vocab
from triggerflow.content.completeness import completeness
from triggerflow.models import AcceptanceRecord, FormEvent, FormSnapshot, ReturnItem, TriggerForm, User
from triggerflow.queries import form_page, review
from triggerflow.workflow.permissions import may_edit
from triggerflow.workflow.routing import event_label
from triggerflow.workflow.service import available_actions


def _summary_fields(form: TriggerForm) -> dict:
    names = (
        "number",
        "state",
        "version",
        "force",
        "threat_type",
        "primary_theme",
        "working_name",
        "round",
        "created_at",
        "updated_at",
        "first_submitted_at",
        "submitted_at",
        "returned_at",
        "resubmit_by",
        "decided_at",
    )
    return {name: getattr(form, name) for name in names} | {"state_label": form.state.label}


def summary(form: TriggerForm) -> schemas.FormSummary:
    return schemas.FormSummary.model_validate(_summary_fields(form))


def detail(form: TriggerForm, user: User) -> schemas.FormDetail:
    """The form as `user` may see it: pending return items only for the assessor drafting them."""
    actions = available_actions(form, user)
    result = completeness(form)
    return schemas.FormDetail.model_validate(
        _summary_fields(form)
        | {
            "author": form.created_by,
            "assessor": form.assessor,
            "answers": answers_of(form.answers),
            "completeness": {
                "percent_complete": result.percent_complete,
                "can_send": result.can_send,
                "section_status": {key: status.value for key, status in result.section_status.items()},
                "blocking": [_finding(f) for f in result.blocking],
                "warnings": [_finding(f) for f in result.warnings],
            },
            "editable": may_edit(form, user),
            "available_actions": actions,
            "return_items": return_items(items_for(form, include_pending="return_to_force" in actions)),
            "acceptance": acceptance(form_page.acceptance(form)),
            "versions": [version_summary(v) for v in form_page.versions(form)],
            "events": [event(e) for e in form_page.history(form)],
        }
    )


def _finding(finding) -> dict:
    return {
        "rule_id": finding.rule_id,
        "severity": finding.severity.value,
        "section": finding.section,
        "field": finding.field,
        "message": finding.message,
        "threat_types": list(finding.threat_types),
    }


def event(found: FormEvent) -> schemas.Event:
    return schemas.Event.model_validate(event_fields(found, event_label(found.action)) | {"round": found.round})


def event_fields(found, label: str) -> dict:
    """What an event in a form's history and one in a threat's both say."""
    names = ("action", "from_state", "to_state", "at", "actor", "reason_code", "comment")
    return {name: getattr(found, name) for name in names} | {"label": label, "details": found.details or {}}


def return_items(items: list[ReturnItem]) -> list[schemas.ReturnItem]:
    messages = review.threads(items)
    return [return_item(item, messages[item.id]) for item in items]


def return_item(item: ReturnItem, thread: list | None = None) -> schemas.ReturnItem:
    if thread is None:
        thread = review.threads([item])[item.id]
    fields = (
        "id",
        "round",
        "section",
        "field",
        "reason_code",
        "comment",
        "status",
        "response",
        "responded_at",
        "returned_at",
        "created_at",
    )
    return schemas.ReturnItem.model_validate(
        {name: getattr(item, name) for name in fields}
        | {"reason": vocab.label_for(vocab.RETURN_REASONS, item.reason_code), "thread": thread}
    )


def acceptance(record: AcceptanceRecord | None) -> schemas.Acceptance | None:
    if record is None:
        return None
    return schemas.Acceptance.model_validate(record)


def version_summary(snapshot: FormSnapshot) -> schemas.VersionSummary:
    return schemas.VersionSummary.model_validate(snapshot)


def version(snapshot: FormSnapshot) -> schemas.Version:
    return schemas.Version.model_validate(
        {
            "sequence": snapshot.sequence,
            "round": snapshot.round,
            "created_at": snapshot.created_at,
            "created_by": snapshot.created_by,
            "answers": answers_of(snapshot.answers),
        }
    )
