"""Signing in, step by step: the password, then the authenticator code where the person has set one up
(or must set one up first, when their role requires it).

Every refusal looks and takes the same: an unknown e-mail address is still checked against a
dummy hash, and a locked or disabled account is checked like any other. Failures count towards
the account's lockout (password and code alike) and towards the address's limit.
"""

from dataclasses import dataclass
from datetime import datetime

from triggerflow.accounts import lockout, sessions, two_factor
from triggerflow.accounts.passwords import hash_password, needs_rehash, verify_password
from triggerflow.accounts.users import find_by_email
from triggerflow.audit.security_log import security_event
from triggerflow.db import transaction, utcnow
from triggerflow.models import IdentityProvider, SessionStage, User, UserSession


@dataclass(frozen=True)
class Outcome:
    user: User | None = None
    stage: SessionStage | None = None  # how far the new session has got
    session_id: str | None = None  # for the cookie, when a session was started or completed
    wait_minutes: int | None = None  # too many failures from this address: wait this long
    locked: bool = False  # the account is locked (told only after the password was right)
    reason: str | None = None  # why an organisation's sign-in was refused (with_identity_provider)

    @property
    def refused(self) -> bool:
        return self.session_id is None


def with_password(email: str, password: str, *, address: str, user_agent: str) -> Outcome:
    now = utcnow()
    wait = _address_wait(address, now, "password")
    if wait:
        return wait
    user = find_by_email(email)
    correct = verify_password(user.password_hash if user else None, password)
    if not (correct and user is not None and user.active and not lockout.is_locked(user, now)):
        _count_failure(user, address, now, "sign_in.failed", _why(user, now, "wrong_password"))
        return Outcome()
    with transaction():
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        if user.has_two_factor:
            stage = SessionStage.CODE
        else:
            stage = SessionStage.ENROL if two_factor.required_for(user) else SessionStage.SIGNED_IN
            lockout.reset(user)  # with a code still to come, only the code resets the count
        session_id = sessions.start(user, stage, address=address, user_agent=user_agent)
        sessions.purge_expired(now)
    if stage is SessionStage.SIGNED_IN:
        security_event("sign_in.succeeded", subject_user_id=user.id, two_factor=False)
    return Outcome(user, stage, session_id)


def with_code(pending: UserSession, code: str, *, address: str) -> Outcome:
    """The second step, for a session whose password was right."""
    now, user = utcnow(), pending.user
    wait = _address_wait(address, now, "code")
    if wait:
        return wait
    method = None if lockout.is_locked(user, now) else two_factor.check(user, code, now)
    if method is None:
        _count_failure(user, address, now, "two_factor.failed", _why(user, now, "wrong_code"))
        if lockout.is_locked(user, now):  # before this attempt, or because of it
            with transaction():
                sessions.end(pending, "account_locked")
            return Outcome(user, locked=True)
        return Outcome(user)
    with transaction():
        lockout.reset(user)
        session_id = sessions.complete(pending)
    security_event("sign_in.succeeded", subject_user_id=user.id, two_factor=method)
    return Outcome(user, SessionStage.SIGNED_IN, session_id)


def with_identity_provider(provider: IdentityProvider, claims: dict, *, address: str, user_agent: str) -> Outcome:
    """Signs in the account whose e-mail address the organisation's provider has verified. Its roles and
    scope are TriggerFlow's; two-factor sign-in is the provider's business, so none is asked for here."""
    email: str = claims["email"] if isinstance(claims.get("email"), str) else ""
    user = find_by_email(email) if email else None
    reason = _not_vouched_for(provider, claims, email, user)
    if reason or user is None:  # no reason means the user was found
        security_event(
            "sign_in.failed", subject_user_id=user.id if user else None, reason=reason, identity_provider=provider.name
        )
        return Outcome(reason=reason)
    with transaction():
        session_id = sessions.start(user, SessionStage.SIGNED_IN, address=address, user_agent=user_agent)
        sessions.purge_expired(utcnow())
    security_event("sign_in.succeeded", subject_user_id=user.id, two_factor=False, identity_provider=provider.name)
    return Outcome(user, SessionStage.SIGNED_IN, session_id)


def _not_vouched_for(provider: IdentityProvider, claims: dict, email: str, user: User | None) -> str | None:
    # Microsoft Entra ID says so with its optional claim xms_edov (the domain's owner verified the address).
    if not any(claims.get(name) in (True, "true") for name in ("email_verified", "xms_edov")):
        return "email_not_verified"
    if email.rpartition("@")[2].lower() != provider.email_domain.lower():
        return "email_outside_domain"
    if user is None:
        return "unknown_email"
    if not user.active:
        return "disabled"
    if not covers(provider, user):
        return "outside_provider"
    return None


def covers(provider: IdentityProvider, user: User) -> bool:
    """A force's provider vouches for its own people; a region's for the region's and its forces' people."""
    if provider.force_id is not None:
        return user.force_id == provider.force_id
    return user.region_id == provider.region_id or (
        user.force is not None and user.force.region_id == provider.region_id
    )


def _address_wait(address: str, now: datetime, step: str) -> Outcome | None:
    minutes = lockout.address_wait(address, now)
    if minutes is None:
        return None
    security_event("sign_in.rate_limited", step=step, wait_minutes=minutes)
    return Outcome(wait_minutes=minutes)


def _count_failure(user: User | None, address: str, now: datetime, event: str, reason: str) -> None:
    with transaction():
        lockout.count_address_failure(address, now)
        counted = user if user is not None and user.active and not lockout.is_locked(user, now) else None
        locked_for = lockout.count_failure(counted, now) if counted else None
    security_event(event, subject_user_id=user.id if user else None, reason=reason)
    if counted and locked_for:
        security_event("account.locked", subject_user_id=counted.id, minutes=locked_for)


def _why(user: User | None, now: datetime, otherwise: str) -> str:
    if user is None:
        return "unknown_email"
    if not user.active:
        return "disabled"
    return "locked" if lockout.is_locked(user, now) else otherwise


def set_up_two_factor(row: UserSession, secret: str, code: str) -> tuple[list[str] | None, str | None]:
    """Turns two-factor sign-in on when the code comes from the new secret. Returns the recovery codes
    to show once (None for a wrong code) and, when this finishes signing in, the new session id."""
    user, now = row.user, utcnow()
    codes = two_factor.enrol(user, secret, code, now)
    if codes is None:
        security_event("two_factor.failed", subject_user_id=user.id, reason="set_up_code")
        return None, None
    finishes = row.stage is SessionStage.ENROL
    with transaction():
        session_id = sessions.complete(row) if finishes else None
    security_event("two_factor.enrolled", subject_user_id=user.id)
    if finishes:
        security_event("sign_in.succeeded", subject_user_id=user.id, two_factor="set up")
    return codes, session_id
