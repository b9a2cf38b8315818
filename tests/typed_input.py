"""Anything a person might type or a program might send, as hypothesis strategies, and what the
service must make of it.

The text includes every script, emoji, markup, and the control characters the service removes
(triggerflow.input_text); lengths run up to and just past each question's limit.
"""

from datetime import date

from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from triggerflow.content.sections import Field as Spec
from triggerflow.input_text import clean

# What a browser can send: any character but half a surrogate pair. A program can send those too.
BROWSER_CHARACTERS = st.characters(exclude_categories=("Cs",))
ANY_CHARACTERS = st.characters()
TRICKS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "\x00",
    "a\x00b",
    "\t\r\n",
    "&amp; &lt;",
    "' OR 1=1 --",
    "{{ 7 * 7 }}",
    "\u202eevil",
    "\U0001f600" * 3,
    " ",
    "\x1b[31m",
]
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def text(max_length: int, characters=BROWSER_CHARACTERS) -> st.SearchStrategy[str]:
    """Short text of any kind, or text filling a question to its limit or one past it."""
    short = st.text(characters, max_size=30)
    pieces = st.lists(st.one_of(short, st.sampled_from(TRICKS)), max_size=4).map("".join)
    at_the_limit = st.builds(
        lambda seed, length: (seed * length)[:length],
        st.text(characters, min_size=1, max_size=6),
        st.sampled_from([max_length, max_length + 1]),
    )
    return st.one_of(pieces, at_the_limit)


def is_text(spec: Spec) -> bool:
    return spec.kind in ("text", "textarea")


def _choice(options: list[str]) -> st.SearchStrategy[str]:
    return (
        st.one_of(st.sampled_from(options), st.text(BROWSER_CHARACTERS, max_size=12))
        if options
        else st.text(BROWSER_CHARACTERS, max_size=12)
    )


def typed(spec: Spec, options: list[str]) -> st.SearchStrategy:
    """What a browser may post for one question: a string, a list of strings, or a date's three boxes.

    A date comes as (real, parts): whether the parts were made from a real date."""
    if is_text(spec):
        return text(spec.max_length)
    if spec.kind in ("radios", "select"):
        return st.one_of(st.just(""), _choice(options))
    if spec.is_list:
        return st.lists(_choice(options), max_size=4)
    if spec.kind == "boolean":
        return st.sampled_from(["", "y", "false", "on"])
    real = DATES.map(lambda day: (True, (str(day.day), str(day.month), str(day.year))))
    junk = st.tuples(*[st.text(BROWSER_CHARACTERS, max_size=5)] * 3).map(lambda parts: (False, parts))
    return st.one_of(st.just((True, ("", "", ""))), real, junk)


def posted(specs: tuple[Spec, ...], values: dict, version: int) -> MultiDict:
    """The page's form as the browser sends it."""
    data = MultiDict({"version": version})
    for spec in specs:
        value = values[spec.name]
        if spec.kind == "date":
            data.setlist(spec.name, list(value[1]))
        elif spec.is_list:
            data.setlist(spec.name, value)
        else:
            data.add(spec.name, value)
    return data


def must_be_refused(spec: Spec, value, options: list[str]) -> bool:
    """Too long, or not one of the options offered."""
    if is_text(spec):
        return len(clean(value)) > spec.max_length
    if spec.kind in ("radios", "select"):
        return bool(clean(value)) and clean(value) not in options
    if spec.is_list:
        return any(clean(v) and clean(v) not in options for v in value)
    return False


def must_be_saved(spec: Spec, value, options: list[str]) -> bool:
    """Within every rule (a date's parts, when made from a real date or left empty)."""
    if spec.kind == "date":
        return value[0]
    return not must_be_refused(spec, value, options)


def stored(spec: Spec, value):
    """What the service keeps of a posted answer."""
    if spec.kind == "date":
        day, month, year = value[1]
        return date(int(year), int(month), int(day)).isoformat() if day else ""
    if spec.is_list:  # a box ticked twice is kept once, in the order first ticked
        return list(dict.fromkeys(clean(v) for v in value))
    if spec.kind == "boolean":
        return value not in ("", "false")
    return clean(value).strip()
