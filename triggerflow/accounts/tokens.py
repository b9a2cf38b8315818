"""Personal API tokens: issued to a user, found by their hash, revoked by their owner.

A token acts as its user and nothing more: the role and scope checked on each call are the
user's as they are at that moment, and a deactivated user's tokens stop working.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from triggerflow.db import db, transaction, utcnow
from triggerflow.input_text import clean
from triggerflow.models import ApiToken, User

PREFIX = "tfp_"  # marks a TriggerFlow personal token, for people and secret scanners alike
SHOWN_CHARACTERS = 12  # the prefix plus 8 random characters identify a token on the page
DEFAULT_DAYS = 90
LIFETIMES = (30, 90, 180, 365)
# Writing the last-used time on every call would make every read a write.
LAST_USED_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown to the user once, never stored


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def issue(user: User, name: str, days: int = DEFAULT_DAYS, via: str = "web") -> IssuedToken:
    name = clean(name or "").strip()  # from the command line too, which no request class cleans
    if not name:
        raise ValueError("Enter a name for the token")
    if days not in LIFETIMES:
        raise ValueError(f"A token lasts {', '.join(map(str, LIFETIMES))} days")
    secret = PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    token = ApiToken(
        user=user,
        name=name[:100],
        prefix=secret[:SHOWN_CHARACTERS],
        token_hash=digest(secret),
        issued_via=via,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    with transaction():
        db.session.add(token)
    return IssuedToken(token, secret)


def bearer_secret(header: str | None) -> str | None:
    """The secret in an `Authorization: Bearer <secret>` header, however the scheme is spelt; else None."""
    scheme, _, secret = (header or "").strip().partition(" ")
    return (secret.strip() or None) if scheme.lower() == "bearer" else None


def token_id(secret: str | None) -> int | None:
    """The id of the token with this secret, usable or not; None for no such token."""
    if not secret:
        return None
    return db.session.scalar(select(ApiToken.id).where(ApiToken.token_hash == digest(secret)))


def authenticate(secret: str, now: datetime | None = None) -> ApiToken | None:
    """The usable token with this secret (its last use noted), or None for any failure alike."""
    now = now or utcnow()
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == digest(secret)))
    if token is None or not token.is_usable(now):
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        with transaction():
            token.last_used_at = now
    return token


def tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens, newest first, revoked and expired ones included."""
    return list(
        db.session.scalars(
            select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def own_token(user: User, token_id: int) -> ApiToken | None:
    token = db.session.get(ApiToken, token_id)
    return token if token is not None and token.user_id == user.id else None


def revoke(token: ApiToken) -> None:
    if token.revoked_at is None:
        with transaction():
            token.revoked_at = utcnow()
