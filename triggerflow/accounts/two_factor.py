"""Two-factor sign-in: a time-based code from an authenticator app (TOTP, RFC 6238), or a single-use
recovery code. Everything is computed here; nothing is fetched from anywhere.

While someone sets it up, the new secret travels in the page, signed with the app's key and
bound to them, so showing the page changes nothing; it is stored when they prove they have it.
"""

import hashlib
import hmac
import secrets
from datetime import datetime
from typing import Any, cast

import pyotp
import segno
from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from markupsafe import Markup
from sqlalchemy import CursorResult, delete, or_, update

from triggerflow.db import db
from triggerflow.models import RecoveryCode, User

RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
_RECOVERY_LENGTH = 16  # 16 characters of 31: 79 bits each


def required_for(user: User) -> bool:
    return user.role.value in current_app.config["TWO_FACTOR_REQUIRED_ROLES"]


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="two-factor-set-up")


def offer_secret(user: User) -> tuple[str, str]:
    """A new secret for the user to add to their app, and the same signed for the set-up form."""
    secret = pyotp.random_base32()
    return secret, _signer().dumps({"user": user.id, "secret": secret})


def offered_secret(user: User, signed: str) -> str | None:
    """The secret the set-up form carried, if this app offered it to this user recently."""
    try:
        offer = _signer().loads(signed or "", max_age=current_app.config["SESSION_IDLE_MINUTES"] * 60)
    except BadSignature:
        return None
    return offer["secret"] if offer.get("user") == user.id else None


def qr_code(user: User, secret: str) -> Markup:
    """The otpauth:// link as an inline SVG QR code, for the authenticator app's camera."""
    link = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=current_app.config["SERVICE_NAME"])
    svg = segno.make(link, error="m").svg_inline(
        scale=4, light="#fff", title="QR code to scan with your authenticator app"
    )
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))  # nosec B704 - segno's SVG: paths, escaped title


def _matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step (of the one before, now, or the one after, for clock drift) whose code this is."""
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def enrol(user: User, secret: str, code: str, now: datetime) -> list[str] | None:
    """Turns two-factor sign-in on if the code comes from this secret; the recovery codes to show once
    (the caller commits)."""
    step = _matching_step(secret, _digits(code), now)
    if step is None:
        return None
    user.totp_secret, user.two_factor_enrolled_at, user.totp_last_step = secret, now, step
    return new_recovery_codes(user)


def check(user: User, code: str, now: datetime) -> str | None:
    """How the user proved it ("authenticator" or "recovery code"), or None. A code works once only."""
    if user.totp_secret is None:
        return None
    digits = _digits(code)
    if len(digits) == 6 and digits.isdigit():  # a recovery code is longer and has letters
        step = _matching_step(user.totp_secret, digits, now)
        # Claimed in one statement, so the same code cannot be used twice, even at the same moment.
        claimed = (
            step is not None
            and cast(
                "CursorResult[Any]",
                db.session.execute(
                    update(User)
                    .where(User.id == user.id, or_(User.totp_last_step.is_(None), User.totp_last_step < step))
                    .values(totp_last_step=step)
                    .execution_options(synchronize_session=False)
                ),
            ).rowcount
            == 1
        )
        return "authenticator" if claimed else None
    used = cast(
        "CursorResult[Any]",
        db.session.execute(
            update(RecoveryCode)
            .where(
                RecoveryCode.user_id == user.id,
                RecoveryCode.used_at.is_(None),
                RecoveryCode.code_hash == _digest(_recovery_form(code)),
            )
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        ),
    ).rowcount
    return "recovery code" if used == 1 else None


def new_recovery_codes(user: User) -> list[str]:
    """Replaces the user's recovery codes; returns the new ones, shown once (the caller commits)."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [
        "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH)) for _ in range(RECOVERY_CODES)
    ]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_digest(code)) for code in codes)
    return ["-".join(code[i : i + 4] for i in range(0, _RECOVERY_LENGTH, 4)) for code in codes]


def turn_off(user: User) -> None:
    """Removes the user's authenticator and recovery codes (the caller commits)."""
    user.totp_secret = user.two_factor_enrolled_at = user.totp_last_step = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))


def _digits(code: str) -> str:
    return "".join((code or "").split())


def _recovery_form(code: str) -> str:
    return "".join(char for char in (code or "").lower() if char.isalnum())


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8", "surrogatepass")).hexdigest()
