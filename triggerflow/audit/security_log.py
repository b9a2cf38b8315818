"""Security events as JSON lines in UTC: who did what, from where, and how it ended.

One call per event: `security_event("sign_in.failed", email=..., reason=...)`. The request's
user, address, method and path are added here, so callers say only what is particular to
the event. Never pass a password, token, recovery code or session id.
"""

import json
import logging
from typing import Any

from flask import g, has_request_context, request
from flask_login import current_user

from triggerflow.db import utcnow

logger = logging.getLogger("triggerflow.security")


def security_event(name: str, **fields: Any) -> None:
    """Write one security event (e.g. "sign_in.succeeded", "access.denied") as a JSON line."""
    entry: dict[str, Any] = {"at": utcnow().isoformat(timespec="milliseconds"), "event": name}
    if has_request_context():
        entry.update(address=request.remote_addr, method=request.method, path=request.path)
        # Signed in on the web, or calling the API with a personal token (api.auth sets g.api_user).
        user = current_user if current_user and current_user.is_authenticated else g.get("api_user")
        if user is not None:
            entry.update(user_id=user.id, user=user.email)
        if g.get("api_token") is not None:
            entry.update(token_id=g.api_token.id)
    entry.update(fields)
    logger.info(json.dumps(entry, default=str, sort_keys=True))
