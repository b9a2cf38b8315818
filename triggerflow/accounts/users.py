"""Creating users and changing their passwords (signing in is accounts.sign_in)."""

from sqlalchemy import func, select

from triggerflow.accounts import sessions
from triggerflow.accounts.password_policy import password_problem
from triggerflow.accounts.passwords import hash_password, verify_password
from triggerflow.audit.security_log import security_event
from triggerflow.db import db, transaction
from triggerflow.input_text import clean
from triggerflow.models import Force, Region, Role, User, UserSession


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def change_password(user: User, current: str, new: str, session: UserSession | None) -> dict[str, str]:
    """Sets a new password if the current one is right and the new one acceptable; ends the user's
    other sessions. Returns what is wrong, by field (nothing when it is done)."""
    if not verify_password(user.password_hash, current):
        return {"current_password": "Your current password is not right"}
    problem = password_problem(new, name=user.name, email=user.email)
    if problem is None and verify_password(user.password_hash, new):
        problem = "Choose a password you have not used here before"
    if problem:
        return {"new_password": problem}
    with transaction():
        user.password_hash = hash_password(new)
        sessions.end_all(user, "password_changed", keep=session)
    security_event("password.changed", subject_user_id=user.id)
    return {}


def create_user(
    *, email: str, name: str, password: str, role: Role, force: Force | None = None, region: Region | None = None
) -> User:
    with transaction():
        return new_user(email=email, name=name, password=password, role=role, force=force, region=region)


def new_user(
    *, email: str, name: str, password: str, role: Role, force: Force | None = None, region: Region | None = None
) -> User:
    """The user, checked and added to the session but not committed (the caller commits)."""
    # The pages clean what they are sent; the command line sends its arguments straight here.
    email, name = clean(email), clean(name)
    problem = password_problem(password, name=name, email=email)
    if problem:
        raise ValueError(problem)
    if role in (Role.OFFICER, Role.SPOC) and force is None:
        raise ValueError("Officers and SPOCs belong to a force")
    if role is Role.ASSESSOR and region is None:
        raise ValueError("Assessors belong to a region")
    if find_by_email(email) is not None:
        raise ValueError(f"A user with the e-mail address {email} already exists")
    user = User(
        email=normalise_email(email),
        name=name.strip(),
        password_hash=hash_password(password),
        role=role,
        force=force,
        region=region or (force.region if force and role is not Role.MANAGER else None),
    )
    db.session.add(user)
    return user
