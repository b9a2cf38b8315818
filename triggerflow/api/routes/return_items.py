"""Return items: the assessor drafts them before a return; the force answers each one."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import url_for

from triggerflow.api import bp, present
from triggerflow.api.operations import caller, expected_version, operation, respond, versioned
from triggerflow.api.problems import pointed_at
from triggerflow.api.schemas.actions import CloseItem, ItemResponse, NewReturnItem, ReopenItem
from triggerflow.api.schemas.common import Input
from triggerflow.api.schemas.forms import ReturnItem, ReturnItemList
from triggerflow.assessment import return_items, threads
from triggerflow.models import ReturnItem as ReturnItemModel
from triggerflow.models import Role, TriggerForm
from triggerflow.queries.scope import get_form_or_404
from triggerflow.workflow.service import available_actions

TAG = "Return items"
ITEM = "/forms/<form_number:number>/return-items/<int(min=1, max=2147483647):item_id>"


def _drafting(form: TriggerForm) -> bool:
    # Items not yet sent are seen only by the assessor who could send them.
    return "return_to_force" in available_actions(form, caller())


def _sent_item_change(summary: str, roles: set[Role], body_model: type[Input], description: str, **details) -> Callable:
    """A change to a sent item, made against the form's version in If-Match: the view is given the
    form, the item, the body and that version, and the route answers with the item and the new ETag."""

    def declare(change: Callable[[TriggerForm, ReturnItemModel, Any, int], None]) -> Callable:
        @versioned(summary, TAG, roles=roles, body=body_model, response=ReturnItem, description=description, **details)
        @wraps(change)
        def view(number: str, item_id: int, body):
            form = get_form_or_404(number, caller())
            item = return_items.get_item_or_404(form, item_id, include_pending=False)
            change(form, item, body, expected_version(form))
            return respond(present.return_item(item), etag=form.version)

        return view

    return declare


@bp.get("/forms/<form_number:number>/return-items")
@operation(
    "List a form's return items",
    TAG,
    response=ReturnItemList,
    description="Newest round first. Items not yet sent (pending) appear only to the assessor drafting them.",
)
def list_items(number: str):
    form = get_form_or_404(number, caller())
    items = return_items.items_for(form, include_pending=_drafting(form))
    return respond(ReturnItemList(return_items=present.return_items(items)))


@bp.post("/forms/<form_number:number>/return-items")
@operation(
    "Add a return item",
    TAG,
    roles={Role.ASSESSOR},
    body=NewReturnItem,
    response=ReturnItem,
    status=201,
    location=True,
    conflicts=True,
    requirements=True,
    description="Drafts an item for the return you are preparing; the force sees it once you return the "
    "form (the return_to_force action).",
)
def add_item(number: str, body: NewReturnItem):
    form = get_form_or_404(number, caller())
    with pointed_at(body.MEMBERS):
        item = return_items.add_pending(form, caller(), **body.item())
    return respond(present.return_item(item), 201, location=url_for("api.read_item", number=number, item_id=item.id))


@bp.get(ITEM)
@operation("Read a return item", TAG, response=ReturnItem)
def read_item(number: str, item_id: int):
    form = get_form_or_404(number, caller())
    return respond(present.return_item(return_items.get_item_or_404(form, item_id, include_pending=_drafting(form))))


@bp.delete(ITEM)
@operation("Remove a return item not yet sent", TAG, roles={Role.ASSESSOR}, conflicts=True)
def remove_item(number: str, item_id: int):
    form = get_form_or_404(number, caller())
    item = return_items.get_item_or_404(form, item_id, include_pending=_drafting(form))
    return_items.remove_pending(form, item, caller())
    return respond(None)


@bp.put(f"{ITEM}/response")
@_sent_item_change(
    "Answer a return item",
    {Role.OFFICER, Role.SPOC},
    ItemResponse,
    "The force's answer; it changes the form's version. Answer again to replace it.",
    requirements=True,
)
def answer_item(form: TriggerForm, item: ReturnItemModel, body: ItemResponse, version: int) -> None:
    return_items.respond(form, item, caller(), body.response or "", version)


@bp.post(f"{ITEM}/close")
@_sent_item_change(
    "Close an answered return item",
    {Role.ASSESSOR},
    CloseItem,
    "By the assessor holding the form, when the force's answer is enough.",
)
def close_item(form: TriggerForm, item: ReturnItemModel, body: CloseItem, version: int) -> None:
    threads.close_item(form, item, caller(), body.comment, version)


@bp.post(f"{ITEM}/reopen")
@_sent_item_change(
    "Reopen a return item",
    {Role.ASSESSOR},
    ReopenItem,
    "By the assessor holding the form, when the answer is not enough: the force answers afresh.",
    requirements=True,
)
def reopen_item(form: TriggerForm, item: ReturnItemModel, body: ReopenItem, version: int) -> None:
    threads.reopen_item(form, item, caller(), body.comment or "", version)
