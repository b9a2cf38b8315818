"""The form's questions and answer lists are read from data files; these tests hold them to what
the form asked before they moved there, and hold the loader to refusing a file it cannot trust."""

import json
import tomllib
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from triggerflow.content import questions, vocab
from triggerflow.content.conditions import When
from triggerflow.content.datafile import ContentError
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


def _sections(text: str) -> tuple:
    return questions.sections(tomllib.loads(text), vocab.LISTS)


QUESTION = '[[sections]]\nkey = "A"\ntitle = "Threat identity"\nfields = [{ name = "x", label = "X", %s }]\n'


def test_a_well_formed_file_is_read_into_sections_and_questions():
    (section,) = _sections(QUESTION % 'kind = "radios", choices = "YES_NO", when = [{ field = "y", values = ["yes"] }]')
    (field,) = section.fields
    assert (section.key, field.name, field.kind, field.choices) == ("A", "x", "radios", vocab.YES_NO)
    assert field.when == (When("y", frozenset({"yes"})),)


@pytest.mark.parametrize(
    "entry, error",
    [
        ('colour = "red"', "section 'A', question 'x': unknown key 'colour'"),
        ('kind = "slider"', "section 'A', question 'x': unknown kind 'slider'"),
        ('kind = "radios", choices = "YES_MAYBE"', "section 'A', question 'x': unknown answer list 'YES_MAYBE'"),
        ('when = ["searched"]', "section 'A', question 'x': unknown condition 'searched'"),
        ('when = [{ field = "y" }]', "section 'A', question 'x': missing 'values'"),
    ],
)
def test_a_malformed_question_is_refused_naming_its_place(entry, error):
    with pytest.raises(ContentError) as refused:
        _sections(QUESTION % entry)
    assert str(refused.value) == error


def test_a_section_naming_an_unknown_group_is_refused():
    with pytest.raises(ContentError, match="section 'B': unknown group 'suspects'"):
        _sections('[[sections]]\nkey = "B"\ntitle = "Subjects"\ngroup = "suspects"\n')


def test_a_repeated_question_naming_an_unknown_list_is_refused():
    with pytest.raises(ContentError, match="unknown answer list 'HARMS'"):
        _sections(QUESTION.replace('name = "x", label = "X", %s', 'each = "HARMS", fields = []'))


def test_an_answer_list_that_is_not_value_label_pairs_is_refused():
    with pytest.raises(ContentError, match="YES_NO must be a list of \\[value, label\\] pairs"):
        vocab.parse(tomllib.loads('YES_NO = [["yes", "Yes"], ["no"]]'))
