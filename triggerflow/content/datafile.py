"""The content data files shipped inside this package (questions.toml, vocab.toml), read once at import.

A file that does not say what its reader expects stops the app from starting, with the place and
the fault named, rather than showing officers a form with a question missing or mislabelled.
"""

import tomllib
from importlib import resources
from typing import Any


class ContentError(ValueError):
    """A content data file holds something its reader does not know or cannot use."""


def read(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("triggerflow.content").joinpath(name).read_text(encoding="utf-8"))


def refuse_unknown_keys(table: dict[str, Any], known: set[str], where: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise ContentError(f"{where}: unknown key {', '.join(map(repr, unknown))}")


def pick(table: dict[str, Any], name: str, kind: type, where: str) -> Any:
    """The named entry of a table, refusing one missing or of the wrong type."""
    if name not in table:
        raise ContentError(f"{where}: missing {name!r}")
    if not isinstance(table[name], kind):
        raise ContentError(f"{where}: {name!r} must be a {kind.__name__}")
    return table[name]
