"""Request bodies, measured before anything reads them: never longer than MAX_CONTENT_LENGTH, and
JSON never nested deeper than MAX_JSON_DEPTH.

A body sent in chunks has no Content-Length to refuse up front, and the stream the server hands
over simply stops at the limit: read as it comes, a body cut short is a malformed one (400) or,
worse, a form missing its last fields. So such a body is read whole here first, and anything
past the limit is a 413. JSON's parser recurses once per bracket; a few kilobytes of brackets
exhaust it, so the nesting is counted on the raw bytes before any parser sees them.
"""

import re

from flask import request
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

# Answers are an object of lists of strings (depth 2); no request the service understands goes past 4.
MAX_JSON_DEPTH = 16
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"')  # brackets inside a string are text, not nesting
_BRACKETS = re.compile(rb"[\[\]{}]")
_OPENING = frozenset(b"[{")


TOO_DEEP = f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep: no request to this service needs that."


def check_body() -> None:
    """A before-request hook for every page and the API alike."""
    if request.content_length is None and request.environ.get("wsgi.input_terminated"):
        request.get_data(cache=True)
        if request.environ["wsgi.input"].read(1):
            raise RequestEntityTooLarge()
    if request.is_json and nesting(request.get_data(cache=True)) > MAX_JSON_DEPTH:
        raise BadRequest(TOO_DEEP)


def nesting(data: bytes) -> int:
    """How deep the brackets in `data` go, counted until they pass MAX_JSON_DEPTH."""
    level = deepest = 0
    for found in _BRACKETS.finditer(_STRINGS.sub(b"", data)):
        level += 1 if found.group()[0] in _OPENING else -1
        deepest = max(deepest, level)
        if deepest > MAX_JSON_DEPTH:
            break
    return deepest
