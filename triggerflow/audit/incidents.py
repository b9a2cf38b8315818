"""An incident id for every failure of the service: shown to the user, logged with the traceback.

The user quotes the id; whoever reads the log finds the one line that starts with it.
"""

import secrets

from flask import current_app, request
from werkzeug.exceptions import HTTPException, InternalServerError

from triggerflow.db import db


def record(error: HTTPException) -> str:
    """Log the error (the exception behind a 500, where there is one) under a new incident id."""
    incident = f"{secrets.token_hex(2)}-{secrets.token_hex(2)}".upper()
    cause = getattr(error, "original_exception", None) or error
    current_app.logger.error(
        "Incident %s: %s on %s %s", incident, type(cause).__name__, request.method, request.path, exc_info=cause
    )
    return incident


def server_error(error: Exception) -> InternalServerError:
    """The 500 to answer for an unexpected exception; re-raised instead where Flask would let it
    through (tests, debugging)."""
    propagate = current_app.config["PROPAGATE_EXCEPTIONS"]
    if (current_app.testing or current_app.debug) if propagate is None else propagate:
        raise error
    db.session.rollback()  # the answer may read the database (a page's navigation counts)
    return InternalServerError(original_exception=error)
