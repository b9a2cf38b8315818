"""Forms: list and filter them, start one, read one with its history and its sent versions."""

from flask import url_for

from triggerflow.api import bp, present
from triggerflow.api.operations import caller, operation, respond
from triggerflow.api.problems import Problem
from triggerflow.api.schemas.forms import EventList, FormDetail, FormList, Version, VersionList
from triggerflow.api.schemas.queries import FormListQuery, encode_cursor
from triggerflow.models import Role
from triggerflow.queries import form_page
from triggerflow.queries.listing import forms_page
from triggerflow.queries.scope import get_form_or_404
from triggerflow.workflow.service import start_form

TAG = "Forms"


@bp.get("/forms")
@operation(
    "List the forms you may see",
    TAG,
    query=FormListQuery,
    response=FormList,
    description="Newest first, within your scope, filtered; follow next_cursor for the next page.",
)
def list_forms(query: FormListQuery):
    found = forms_page(caller(), query.filters(), query.before_id(), query.limit + 1)
    page, more = found[: query.limit], len(found) > query.limit
    return respond(
        FormList(
            forms=[present.summary(form) for form in page], next_cursor=encode_cursor(page[-1].id) if more else None
        )
    )


@bp.post("/forms")
@operation(
    "Start a draft",
    TAG,
    roles={Role.OFFICER, Role.SPOC},
    response=FormDetail,
    status=201,
    etag=True,
    location=True,
    conflicts=True,
    description="A new draft in your force, with the next form number. Fill it section by section.",
)
def create_form():
    form = start_form(caller())
    return respond(
        present.detail(form, caller()), 201, etag=form.version, location=url_for("api.read_form", number=form.number)
    )


@bp.get("/forms/<form_number:number>")
@operation(
    "Read a form",
    TAG,
    response=FormDetail,
    etag=True,
    description="The answers, completeness, what you may do now, return items, versions and history. "
    "Send the ETag back in If-Match to change the form.",
)
def read_form(number: str):
    form = get_form_or_404(number, caller())
    return respond(present.detail(form, caller()), etag=form.version)


@bp.get("/forms/<form_number:number>/events")
@operation("Read a form's history", TAG, response=EventList)
def form_events(number: str):
    form = get_form_or_404(number, caller())
    return respond(EventList(events=[present.event(e) for e in form_page.history(form)]))


@bp.get("/forms/<form_number:number>/versions")
@operation("List the versions sent to the ROCTA", TAG, response=VersionList)
def form_versions(number: str):
    form = get_form_or_404(number, caller())
    return respond(VersionList(versions=[present.version_summary(v) for v in form_page.versions(form)]))


@bp.get("/forms/<form_number:number>/versions/<int(min=1, max=2147483647):sequence>")
@operation(
    "Read a version sent to the ROCTA",
    TAG,
    response=Version,
    description="The form exactly as it was submitted or resubmitted; never changes.",
)
def form_version(number: str, sequence: int):
    snapshot = form_page.version(get_form_or_404(number, caller()), sequence)
    if snapshot is None:
        raise Problem(404, f"Form {number} has no version {sequence}.")
    return respond(present.version(snapshot))
