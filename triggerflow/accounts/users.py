"""Creating users and signing them in."""
from sqlalchemy import func, select

from triggerflow.accounts.passwords import hash_password, needs_rehash, verify_password
from triggerflow.db import db
from triggerflow.models import Force, Region, Role, User

MIN_PASSWORD_LENGTH = 12


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def authenticate(email: str, password: str) -> User | None:
    """The active user with this e-mail address and password, or None (same answer for every failure)."""
    user = find_by_email(email)
    if not verify_password(user.password_hash if user else None, password) or not user.active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.commit()
    return user


def create_user(*, email: str, name: str, password: str, role: Role, force: Force | None = None,
                region: Region | None = None) -> User:
    user = new_user(email=email, name=name, password=password, role=role, force=force, region=region)
    db.session.commit()
    return user


def new_user(*, email: str, name: str, password: str, role: Role, force: Force | None = None,
             region: Region | None = None) -> User:
    """The user, checked and added to the session but not committed (the caller commits)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"The password must be at least {MIN_PASSWORD_LENGTH} characters")
    if role in (Role.OFFICER, Role.SPOC) and force is None:
        raise ValueError("Officers and SPOCs belong to a force")
    if role is Role.ASSESSOR and region is None:
        raise ValueError("Assessors belong to a region")
    if find_by_email(email) is not None:
        raise ValueError(f"A user with the e-mail address {email} already exists")
    user = User(email=normalise_email(email), name=name.strip(), password_hash=hash_password(password),
                role=role, force=force, region=region or (force.region if force and role is not Role.MANAGER else None))
    db.session.add(user)
    return user
