"""What hostile input looks like, and how a test tells that a refused request changed nothing.

Shared by the property tests that post to every web form and every API write.
"""

from hypothesis import strategies as st
from sqlalchemy import select

from triggerflow.db import db

# Tables and columns that change on any request, refused or not: sessions seen, limits counted,
# sign-in failures, tokens used. Everything else must be as it was after a refused request.
MOVING_TABLES = {"user_sessions", "rate_limit_counters", "sign_in_address_failures"}
MOVING_COLUMNS = {"last_used_at", "last_seen_at", "failed_sign_ins", "locked_until"}

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "\x7f\x85\x9f",
    "\ufeff",
    "\u202e",
    "0",
    "-1",
    "²",
    "٣",
    "1_0",
    "+1",
    " 7",
    "1e9",
    "NaN",
    "99999999999999999999",
    "2147483648",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "31/12/9999",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "{{ 7*7 }}",
    "../../etc/passwd",
    "x" * 10_001,
    "a" * 120,
    "🙂" * 300,
]

hostile_text = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=40))
hostile_json = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), hostile_text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(hostile_text, inner, max_size=3)),
    max_leaves=6,
)


def pick(draw, options: list):
    """One of `options`, drawn the same way however many there are: the rows a test can name change as
    its requests succeed, and hypothesis needs each draw to look alike from one example to the next."""
    return options[draw(st.integers(min_value=0, max_value=63)) % len(options)]


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table that a refused request must leave alone, in a comparable order."""
    db.session.expire_all()
    found = {}
    for name, table in sorted(db.metadata.tables.items()):
        if name in MOVING_TABLES:
            continue
        columns = [column for column in table.columns if column.name not in MOVING_COLUMNS]
        found[name] = sorted(tuple(map(repr, row)) for row in db.session.execute(select(*columns)))
    db.session.rollback()
    return found


def changed_tables(before: dict, after: dict) -> list[str]:
    return [name for name in before if before[name] != after[name]]


def answer_item_ids(form) -> list[str]:
    """The ids of a form's subjects, offences and intelligence items, for URLs that name one."""
    return [
        item["id"]
        for key, group in (("B", "subjects"), ("C", "offences"), ("F", "intelligence"))
        for item in form.answers_for(key).get(group, [])
    ]
