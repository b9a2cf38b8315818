"""Requests per minute per token (or per address, before a token is known).

Counts are kept in memory per process unless RATELIMIT_STORAGE_URI names a shared store
(e.g. redis://...), as gunicorn's workers would otherwise each allow the full rate.
"""
from flask import current_app, request
from flask_limiter import Limiter

from triggerflow.api.tokens import digest

DEFAULT_RATE = "300 per minute"


def _caller() -> str:
    credentials = request.headers.get("Authorization")
    return f"token:{digest(credentials)}" if credentials else f"address:{request.remote_addr}"


limiter = Limiter(key_func=_caller, headers_enabled=True, default_limits=[])


def api_rate() -> str:
    return current_app.config.get("API_RATE_LIMIT", DEFAULT_RATE)
