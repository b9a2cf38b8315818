"""Text as it arrives, made storable in one place for every page and the API alike.

The rule: control characters other than tab, line feed and carriage return are removed (C0, DEL
and the C1 controls U+0080 to U+009F alike), and so are lone surrogates (half a character,
which no database can store as UTF-8). PostgreSQL refuses NUL in text and JSONB outright; the
other controls cannot be seen or typed, only pasted by accident. Everything else, in any script,
is kept exactly as sent.

The app's request class applies the rule to query strings, form fields and JSON bodies as they
are parsed, and a URL part holding a control character matches no route (404).
"""

import re
from typing import Any

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items
from werkzeug.routing import UnicodeConverter

_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str) -> str:
    return _UNSTORABLE.sub("", text)


def _clean_json(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean_json(item) for item in value]
    if isinstance(value, dict):
        return {clean(key): _clean_json(item) for key, item in value.items()}
    return value


class CleanMultiDict(ImmutableMultiDict):
    """Query strings and form fields, cleaned as they are parsed."""

    def __init__(self, mapping=None):
        super().__init__(
            [
                (clean(key), clean(value) if isinstance(value, str) else value)
                for key, value in iter_multi_items(mapping or ())
            ]
        )


class CleanRequest(Request):
    parameter_storage_class = CleanMultiDict

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        # Flask hands every request the app's JSON parser, so the strings are cleaned here, after it.
        return _clean_json(super().get_json(force=force, silent=silent, cache=cache))


class PathPart(UnicodeConverter):
    """The default URL part: anything but a slash or a control character."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.regex = self.regex.replace("[^/]", r"[^/\x00-\x1f\x7f-\x9f]", 1)
