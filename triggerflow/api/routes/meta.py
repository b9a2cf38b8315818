"""The OpenAPI document, and who the caller's token says they are."""

from datetime import datetime

from flask import current_app, g

from triggerflow.access import PUBLIC
from triggerflow.api import bp
from triggerflow.api.openapi import cached_document
from triggerflow.api.operations import caller, operation, respond
from triggerflow.api.schemas.common import ForceRef, Output

TAG = "About the API"


class TokenInfo(Output):
    name: str
    prefix: str
    expires_at: datetime


class Me(Output):
    name: str
    email: str
    role: str
    force: ForceRef | None
    region: ForceRef | None
    token: TokenInfo


@bp.get("/openapi.json")
@operation("This document", TAG, roles=PUBLIC, description="OpenAPI 3.1, generated from the code.")
def openapi():
    return current_app.json.response(cached_document(current_app))


@bp.get("/me")
@operation(
    "Who your token says you are",
    TAG,
    response=Me,
    description="Your name, role and scope, and the token's name and expiry.",
)
def me():
    user = caller()
    return respond(
        Me(
            name=user.name,
            email=user.email,
            role=user.role.value,
            force=user.force,
            region=user.region,
            token=g.api_token,
        )
    )
