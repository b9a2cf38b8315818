"""Whether two subjects, or two intelligence references, may be the same one, typed differently.

A hint, never a block: a match names what made it, so that a person can judge it.
"""

import re
from typing import Any

import jellyfish
from rapidfuzz import fuzz

_NOT_ALPHANUMERIC = re.compile(r"[^0-9A-Z]")
# "PNC 81/123456A" and "81/123456a" are the same ID: the word PNC is often typed, often not.
_PNC_PREFIX = re.compile(r"^PNC(?:ID)?")
# How alike two spellings of a name must be (0 to 100) to be taken for typing slips.
NAME_LIKENESS = 85


def reference_key(value: Any) -> str:
    """A reference with case, spaces and punctuation taken out."""
    return _NOT_ALPHANUMERIC.sub("", str(value or "").upper())


def identity_key(value: Any) -> str:
    return _PNC_PREFIX.sub("", reference_key(value))


def _name(value: Any) -> str:
    return " ".join(re.findall(r"[a-z]+", str(value or "").lower()))


def names_alike(a: Any, b: Any) -> bool:
    """Spelt alike (a typing slip) or said alike (Thompson and Tomson)."""
    first, second = _name(a), _name(b)
    if not first or not second:
        return False
    return fuzz.ratio(first, second) >= NAME_LIKENESS or jellyfish.metaphone(first) == jellyfish.metaphone(second)


def same_subject(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """Why `a` and `b` may be one person, or None."""
    key = identity_key(a.get("intelligence_id"))
    if key and key == identity_key(b.get("intelligence_id")):
        return f"the same PNC or intelligence ID, {str(b.get('intelligence_id')).strip()}"
    born = str(a.get("date_of_birth") or "").strip()
    if (
        born
        and born == str(b.get("date_of_birth") or "").strip()
        and names_alike(a.get("surname"), b.get("surname"))
        and names_alike(a.get("forename"), b.get("forename"))
    ):
        return (
            f"a subject with a similar name and the same date of birth: "
            f"{str(b.get('forename') or '').strip()} {str(b.get('surname') or '').strip()}"
        )
    return None
