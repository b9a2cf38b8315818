"""What makes a password acceptable: length, not a common password, not built from words about the
person or the service. No composition rules (NIST SP 800-63B, OWASP ASVS 6.2).

The common passwords are the 20,000 that Django ships (data/common-passwords.LICENSE says where
they come from). A password also counts as common when it is one of them with digits or symbols
added before or after ("Password1234!"), or when it repeats three or fewer characters.
"""

import gzip
import re
from functools import cache
from importlib import resources

from flask import current_app, has_app_context

from triggerflow.reference_data import load_forces_csv

MIN_LENGTH = 12
MAX_LENGTH = 128

TOO_SHORT = f"The password must be at least {MIN_LENGTH} characters"
TOO_LONG = f"The password must be {MAX_LENGTH} characters or fewer"
TOO_COMMON = "Choose a password that is harder to guess: this one is too common"
TOO_PERSONAL = (
    f"Choose a password that is not built from a name, an email address, a police force or "
    f"the service's name: those words do not count towards the {MIN_LENGTH} characters"
)
HINT = (
    f"At least {MIN_LENGTH} characters. Three or four random words make a good password. Names, email "
    "addresses and the names of police forces and of this service do not count towards the length."
)

_WORD = re.compile(r"[^\W_]+")
_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def password_problem(password: str, *, name: str = "", email: str = "") -> str | None:
    """Why this password is refused for the person with this name and email, or None."""
    if len(password) < MIN_LENGTH:
        return TOO_SHORT
    if len(password) > MAX_LENGTH:
        return TOO_LONG
    folded = password.casefold()
    if folded in _common() or _EDGES.sub("", folded) in _common() or len(set(folded)) <= 3:
        return TOO_COMMON
    rest = folded
    for word in sorted(_personal_words(name, email) | _service_words(), key=len, reverse=True):
        rest = rest.replace(word, "")
    return TOO_PERSONAL if len(rest) < MIN_LENGTH else None


def _personal_words(name: str, email: str) -> set[str]:
    local_part = email.partition("@")[0]
    words = {word for word in _WORD.findall(f"{name} {local_part}".casefold()) if len(word) >= 3}
    return words | {local_part.casefold()} if local_part else words


def _service_words() -> frozenset[str]:
    service = current_app.config["SERVICE_NAME"] if has_app_context() else ""
    return _force_words() | {word for word in _WORD.findall(service.casefold()) if len(word) >= 4}


@cache
def _force_words() -> frozenset[str]:
    # Four letters or more, so that "and" and "of" in "Avon and Somerset" or "City of London" stay usable.
    names = " ".join(row["force_name"] for row in load_forces_csv()).casefold()
    return frozenset(word for word in _WORD.findall(names) if len(word) >= 4) | {"triggerflow"}


@cache
def _common() -> frozenset[str]:
    with resources.files("triggerflow").joinpath("data/common-passwords.txt.gz").open("rb") as packed:
        return frozenset(gzip.decompress(packed.read()).decode("utf-8").splitlines())
