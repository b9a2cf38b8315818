"""A page whose form posts back to itself: shown, checked, handed to one service call, then left."""

from collections.abc import Callable

from flask import render_template
from flask.typing import ResponseReturnValue

from triggerflow.inputs.gov_form import GovForm
from triggerflow.workflow.errors import Invalid


def edit_page(page: GovForm, save: Callable[[], ResponseReturnValue], template: str, **context) -> ResponseReturnValue:
    """`save` makes the service call and says where to go next (flash, redirect); until it can, the page
    shows with its errors: 400 when its own checks fail, 422 when the service refuses what it was sent."""
    status = 400 if page.is_submitted() else 200
    if page.validate_on_submit():
        try:
            return save()
        except Invalid as invalid:
            page.add_errors(invalid.errors)
            status = 422
    return render_template(template, form=page, **context), status
