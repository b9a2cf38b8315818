"""What a form is found by: its number, working name, subjects' names and IDs, intelligence and
APMIS references, as plain words that SQLite's FTS5 and PostgreSQL's full-text search split alike.

Subjects' names also get a sound key (metaphone), so "Smyth" finds "Smith" and "Jon" finds "John".
"""
import unicodedata
from collections.abc import Iterable
from typing import Any

import jellyfish

# Marks a sound key among the words, so a typed word never matches one by accident.
SOUND_KEY = "xq"


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
    found = [*words(number), *words((answers.get("A") or {}).get("working_name")), *names,
             *(word for s in subjects for word in words(s.get("intelligence_id"))),
             *(word for item in intelligence for word in words(item.get("reference"))),
             *(word for reference in references for word in words(reference)),
             *filter(None, map(sound_key, names))]
    return " ".join(dict.fromkeys(found))
