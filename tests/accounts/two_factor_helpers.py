"""Setting people up with two-factor sign-in, and the codes their authenticator app would show."""

import time

import pyotp

from tests import factories
from triggerflow.accounts import two_factor
from triggerflow.db import db, utcnow
from triggerflow.models import User


def enrol(user: User) -> tuple[str, list[str]]:
    """Turns two-factor sign-in on for the user, as the set-up page does; (secret, recovery codes)."""
    secret = pyotp.random_base32()
    codes = two_factor.enrol(user, secret, pyotp.TOTP(secret).now(), utcnow())
    db.session.commit()
    return secret, codes


def next_code(secret: str) -> str:
    """The app's next code: the current one was used to set up, and no code is accepted twice."""
    return pyotp.TOTP(secret).at(time.time() + 30)


def password_step(client, user: User, next_: str = ""):
    return client.post(
        "/sign-in" + (f"?next={next_}" if next_ else ""), data={"email": user.email, "password": factories.PASSWORD}
    )
