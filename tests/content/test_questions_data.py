"""The form's questions and answer lists are read from data files; these tests hold them to what
the form asked before they moved there, and hold the loader to refusing a file it cannot trust."""

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from triggerflow.content import vocab
from triggerflow.content.sections import SECTIONS

EXPECTED = Path(__file__).parent / "fixtures" / "questions_dump.json"


def dump() -> dict[str, Any]:
    """Every section, group, field and vocabulary, in order, as plain data to compare."""

    def field(f: Any) -> dict[str, Any]:
        row = asdict(f)
        row["choices"] = [list(pair) for pair in f.choices] if f.choices is not None else None
        row["when"] = [[w.field, sorted(w.values), w.section] for w in f.when]
        return row

    def section(s: Any) -> dict[str, Any]:
        group = s.group
        return {
            "key": s.key,
            "title": s.title,
            "intro": s.intro,
            "fields": [field(f) for f in s.fields],
            "group": None
            if group is None
            else {
                "key": group.key,
                "singular": group.singular,
                "plural": group.plural,
                "title_fields": list(group.title_fields),
                "fields": [field(f) for f in group.fields],
            },
        }

    lists = {
        name: [list(pair) for pair in value]
        for name, value in vars(vocab).items()
        if name.isupper() and isinstance(value, list)
    }
    return {"sections": [section(s) for s in SECTIONS], "vocabularies": lists, "not_known": vocab.NOT_KNOWN}


def test_the_questions_are_those_the_form_asked_before_they_moved_to_data():
    assert dump() == json.loads(EXPECTED.read_text())
