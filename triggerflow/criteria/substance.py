"""Whether a free-text answer says something, or only fills the box.

A length alone lets 150 characters of "x", or one word typed over and over, pass. An answer
counts only when it has enough different words and is not a placeholder.
"""

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"[.!?;\n]+")
# What people type to get past a required box; an answer made only of these says nothing.
_PLACEHOLDERS = frozenset(
    [
        "tbc",
        "tba",
        "tbd",
        "na",
        "n/a",
        "see",
        "above",
        "as",
        "per",
        "below",
        "etc",
        "test",
        "testing",
        "xxx",
        "lorem",
        "ipsum",
        "dolor",
        "sit",
        "amet",
        "to",
        "follow",
        "follows",
        "later",
        "filler",
        "text",
        "blah",
        "asdf",
        "qwerty",
        "none",
        "nil",
        "nothing",
        "same",
        "again",
        "details",
    ]
)


def says_something(text: str, minimum: int) -> bool:
    """Enough different words for an answer of `minimum` characters, not repeats or placeholders."""
    words = [word.lower() for word in _WORD.findall(text)]
    distinct = set(words)
    if len(distinct - _PLACEHOLDERS) < max(3, min(12, minimum // 15)):
        return False
    # One phrase pasted until the box is long enough: the same sentence over and over or, with no
    # sentences to tell apart, a few words many times over.
    sentences = [" ".join(_WORD.findall(s.lower())) for s in _SENTENCE_END.split(text)]
    counts = Counter(s for s in sentences if s)
    total = sum(counts.values())
    if total < 3:
        return len(words) < 12 or len(distinct) / len(words) >= 0.3
    return max(counts.values()) * 2 <= total
