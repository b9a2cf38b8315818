"""Requests per minute per token (or per signed-in user, or per address, when no token is known).

The count is kept against the token's id, never against the header as sent: "bearer", "BEARER"
or an extra space name the same token, so they share its allowance.

Counts are kept in the database (api.limit_storage), so the limit holds however many app
servers and workers share it; RATELIMIT_STORAGE_URI may name another store (e.g. redis://).
"""

from flask import current_app, request
from flask_limiter import Limiter
from flask_login import current_user
from limits import parse_many

from triggerflow.accounts import tokens
from triggerflow.api.limit_storage import SCHEME

DEFAULT_RATE = "300 per minute"
DEFAULT_STORAGE = f"{SCHEME}://"


def _caller() -> str:
    token_id = tokens.token_id(tokens.bearer_secret(request.headers.get("Authorization")))
    if token_id is not None:
        return f"token:{token_id}"
    if current_user and current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"address:{request.remote_addr}"


limiter = Limiter(key_func=_caller, headers_enabled=True, default_limits=[])


def retry_after_only_when_limited(response):
    """The limiter adds Retry-After to every answer; it means "wait", so only a 429 says it."""
    if response.status_code != 429:
        response.headers.pop("Retry-After", None)
    return response


def api_rate() -> str:
    return current_app.config.get("API_RATE_LIMIT", DEFAULT_RATE)


def check_rate(rate: str) -> None:
    """Refuse to start with a limit the limiter cannot read, rather than fail on the first call."""
    try:
        parse_many(rate)
    except ValueError:
        raise RuntimeError(f"API_RATE_LIMIT must read like '300 per minute', not {rate!r}") from None
