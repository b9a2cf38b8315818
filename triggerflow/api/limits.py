"""Requests per minute per token (or per address, before a token is known).

Counts are kept in the database (api.limit_storage), so the limit holds however many app
servers and workers share it; RATELIMIT_STORAGE_URI may name another store (e.g. redis://).
"""
from flask import current_app, request
from flask_limiter import Limiter

from triggerflow.api.limit_storage import SCHEME
from triggerflow.api.tokens import digest

DEFAULT_RATE = "300 per minute"
DEFAULT_STORAGE = f"{SCHEME}://"


def _caller() -> str:
    credentials = request.headers.get("Authorization")
    return f"token:{digest(credentials)}" if credentials else f"address:{request.remote_addr}"


limiter = Limiter(key_func=_caller, headers_enabled=True, default_limits=[])


def api_rate() -> str:
    return current_app.config.get("API_RATE_LIMIT", DEFAULT_RATE)
