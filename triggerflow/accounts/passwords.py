"""Argon2id password hashing (argon2-cffi's RFC 9106 low-memory profile meets the OWASP minimum)."""

from dataclasses import replace
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY
from flask import current_app, has_app_context

STANDARD = "standard"
# Tests create hundreds of accounts: at 64 MiB and three passes each, hashing alone would take
# minutes. Production refuses this profile (config.ProductionConfig.validate).
FAST_FOR_TESTS = "fast-for-tests"

PROFILES = {
    STANDARD: RFC_9106_LOW_MEMORY,
    FAST_FOR_TESTS: replace(RFC_9106_LOW_MEMORY, time_cost=1, memory_cost=1024, parallelism=1),
}


@cache
def _hasher(profile: str) -> PasswordHasher:
    return PasswordHasher.from_parameters(PROFILES[profile])


@cache
def _dummy_hash(profile: str) -> str:
    # Verifying against this when no account matches keeps the time the same either way.
    return _hasher(profile).hash("no account has this password")


def _profile() -> str:
    return current_app.config.get("PASSWORD_HASHING", STANDARD) if has_app_context() else STANDARD


def hash_password(password: str) -> str:
    return _hasher(_profile()).hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    profile = _profile()
    try:
        return _hasher(profile).verify(password_hash or _dummy_hash(profile), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher(_profile()).check_needs_rehash(password_hash)
