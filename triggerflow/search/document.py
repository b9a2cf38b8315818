"""What a form is found by: its number, working name, subjects' names and IDs, intelligence and
APMIS references, as plain words that SQLite's FTS5 and PostgreSQL's full-text search split alike.

Subjects' names also get a sound key (metaphone), so "Smyth" finds "Smith" and "Jon" finds "John".
A form also carries the keys the possible-duplicates hint compares (`likeness_keys`), so that hint
reads only the forms that share one instead of every open form in the region.
"""

import unicodedata
from collections.abc import Iterable
from typing import Any

import jellyfish

from triggerflow.search.likeness import identity_key, reference_key

# Marks a sound key among the words, so a typed word never matches one by accident.
SOUND_KEY = "xq"
# Mark the likeness keys the same way: a PNC or intelligence ID, a date of birth, an intelligence reference.
IDENTITY_KEY, BIRTH_KEY, REFERENCE_KEY = "xi", "xb", "xr"


def words(text: str | None) -> list[str]:
    """Lower-case letters and digits, accents dropped, everything else a separator."""
    if not text:
        return []
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(c if c.isalnum() else " " for c in plain.lower()).split()


def sound_key(word: str) -> str | None:
    """The metaphone of an alphabetic word, marked; None for words of digits or a single letter."""
    if len(word) < 2 or not word.isalpha():
        return None
    key = "".join(words(jellyfish.metaphone(word)))
    return f"{SOUND_KEY}{key}" if key else None


def document(number: str, answers: dict[str, Any], references: Iterable[str | None] = ()) -> str:
    """The words search matches for a form, each once."""
    subjects = (answers.get("B") or {}).get("subjects") or []
    intelligence = (answers.get("F") or {}).get("intelligence") or []
    names = [word for s in subjects for field in ("surname", "forename") for word in words(s.get(field))]
    found = [
        *words(number),
        *words((answers.get("A") or {}).get("working_name")),
        *names,
        *(word for s in subjects for word in words(s.get("intelligence_id"))),
        *(word for item in intelligence for word in words(item.get("reference"))),
        *(word for reference in references for word in words(reference)),
        *filter(None, map(sound_key, names)),
        *likeness_keys(answers),
    ]
    return " ".join(dict.fromkeys(found))


def likeness_keys(answers: dict[str, Any]) -> list[str]:
    """One word for each thing two forms must share to be possible duplicates (search.likeness): equal
    IDs, dates of birth or references give equal words, so a form's matches are among the forms sharing one."""
    subjects, intelligence = answer_items(answers, "B", "subjects"), answer_items(answers, "F", "intelligence")
    ids = [
        IDENTITY_KEY + identity_key(s.get("intelligence_id")).lower()
        for s in subjects
        if identity_key(s.get("intelligence_id"))
    ]
    # A similar name needs the same date of birth too; the name is compared afterwards, in Python.
    births = [
        BIRTH_KEY + reference_key(born).lower() for s in subjects if (born := str(s.get("date_of_birth") or "").strip())
    ]
    references = [
        REFERENCE_KEY + reference_key(i.get("reference")).lower()
        for i in intelligence
        if reference_key(i.get("reference"))
    ]
    return list(dict.fromkeys([*ids, *births, *references]))


def answer_items(answers: dict[str, Any], section: str, group: str) -> list[dict]:
    """The dict items of a repeating group, whatever shape stored answers are in."""
    found = (answers.get(section) or {}).get(group) if isinstance(answers.get(section), dict) else None
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []
