"""Search: forms in the user's scope whose words match what was typed, narrowed by the list filters.

One module for both databases: the words typed become an FTS5 query on SQLite and a tsquery on
PostgreSQL, over the same words (search.document), so both find the same forms. Every word typed
must match; a word of three or more characters also matches words it begins ("Smi" finds "Smith");
an alphabetic word also matches subjects' names that sound the same.
"""

from typing import Any

from sqlalchemy import ColumnElement, Select, TextClause, func, literal_column, select, text
from sqlalchemy.orm import joinedload

from triggerflow.db import db
from triggerflow.models import FormSearchEntry, TriggerForm, User
from triggerflow.queries.listing import FormFilters
from triggerflow.queries.pages import Page
from triggerflow.search.document import sound_key, words

PAGE_SIZE = 20
PREFIX_FROM = 3  # shorter words match whole words only: "a" should not find every form


def search(user: User, typed: str, filters: FormFilters, page: int = 1, size: int = PAGE_SIZE) -> Page:
    """One page of the forms that match (TriggerForm rows): an exact form number first, then the most
    recently changed."""
    condition = filters.condition(user)
    matching = _matching(typed)
    if matching is not None:
        condition = condition & matching
    total = db.session.execute(select(func.count()).select_from(TriggerForm).where(condition)).scalar_one()
    number = (TriggerForm.number == typed.strip().upper()).desc()
    forms = db.session.scalars(
        select(TriggerForm)
        .options(joinedload(TriggerForm.force))
        .where(condition)
        .order_by(number, TriggerForm.updated_at.desc(), TriggerForm.id.desc())
        .offset((page - 1) * size)
        .limit(size)
    )
    return Page(list(forms), page, size, total)


def _matching(typed: str) -> ColumnElement[bool] | None:
    """Forms whose words match every word typed; None when nothing was typed."""
    alternatives = [_alternatives(word) for word in words(typed)]
    return _full_text(alternatives) if alternatives else None


def having_any_word(keys: list[str]) -> ColumnElement[bool]:
    """Forms whose words include one of these whole words (search.document's likeness keys)."""
    return _full_text([[(key, False) for key in keys]])


def _full_text(alternatives: list[list[tuple[str, bool]]]) -> ColumnElement[bool]:
    """Forms with, for every group, one of its words (each a whole word, or a prefix when marked)."""
    if db.session.get_bind().dialect.name == "postgresql":
        query = " & ".join(
            "(" + " | ".join(f"'{w}':*" if prefix else f"'{w}'" for w, prefix in each) + ")" for each in alternatives
        )
        tsquery = func.to_tsquery(literal_column("'simple'::regconfig"), query)
        found: Select[Any] | TextClause = select(FormSearchEntry.form_id).where(
            func.to_tsvector(literal_column("'simple'::regconfig"), FormSearchEntry.document).op("@@")(tsquery)
        )
    else:
        query = " AND ".join(
            "(" + " OR ".join(f'"{w}"*' if prefix else f'"{w}"' for w, prefix in each) + ")" for each in alternatives
        )
        found = text("SELECT rowid FROM form_search_fts WHERE form_search_fts MATCH :query").bindparams(query=query)
    return TriggerForm.id.in_(found)


def _alternatives(word: str) -> list[tuple[str, bool]]:
    """What one typed word may match: itself (as the start of a word when long enough), its sound key."""
    key = sound_key(word)
    return [(word, len(word) >= PREFIX_FROM)] + ([(key, False)] if key else [])
