"""Reads the trigger form's questions from questions.toml into sections, groups and fields.

The file's format is described at its head. Anything the file says that this reader does not
know (a key, a kind of question, an answer list, a condition) is refused with its place named.
"""

from dataclasses import fields as dataclass_fields
from typing import Any, get_args

from triggerflow.content.conditions import When
from triggerflow.content.datafile import ContentError, pick, refuse_unknown_keys
from triggerflow.content.fields import Field, Group, Kind, Section
from triggerflow.content.vocab import Choices

_FIELD_KEYS = {f.name for f in dataclass_fields(Field)}
_CONDITION_KEYS = {"field", "values", "section"}


class _Reader:
    def __init__(self, data: dict[str, Any], lists: dict[str, Choices]) -> None:
        refuse_unknown_keys(data, {"conditions", "groups", "sections"}, "questions.toml")
        self.lists = lists
        self.conditions: dict[str, When] = {}
        for name, table in data.get("conditions", {}).items():
            self.conditions[name] = self.condition(table, f"condition {name!r}")
        self.groups = {key: self.group(key, table) for key, table in data.get("groups", {}).items()}

    def condition(self, table: Any, where: str) -> When:
        if isinstance(table, str):
            if table not in self.conditions:
                raise ContentError(f"{where}: unknown condition {table!r}")
            return self.conditions[table]
        if not isinstance(table, dict):
            raise ContentError(f"{where}: a condition is a name or a table")
        refuse_unknown_keys(table, _CONDITION_KEYS, where)
        values = pick(table, "values", list, where)
        return When(pick(table, "field", str, where), frozenset(values), table.get("section"))

    def field(self, table: dict[str, Any], where: str) -> Field:
        refuse_unknown_keys(table, _FIELD_KEYS, where)
        spec = dict(table)
        if spec.get("kind", "text") not in get_args(Kind):
            raise ContentError(f"{where}: unknown kind {spec['kind']!r}")
        if "choices" in spec:
            if spec["choices"] not in self.lists:
                raise ContentError(f"{where}: unknown answer list {spec['choices']!r}")
            spec["choices"] = self.lists[spec["choices"]]
        spec["when"] = tuple(self.condition(w, where) for w in spec.get("when", ()))
        return Field(**spec)

    def fields(self, tables: list[dict[str, Any]], where: str) -> tuple[Field, ...]:
        result = []
        for n, table in enumerate(tables, start=1):
            here = f"{where}, question {table.get('name', n)!r}"
            if "each" not in table:
                result.append(self.field(table, here))
                continue
            refuse_unknown_keys(table, {"each", "fields"}, here)
            if table["each"] not in self.lists:
                raise ContentError(f"{here}: unknown answer list {table['each']!r}")
            for value, label in self.lists[table["each"]]:
                words = {"value": value, "label": label, "lower_label": label.lower()}
                result.extend(
                    self.field(_filled(template, words), here) for template in pick(table, "fields", list, here)
                )
        return tuple(result)

    def group(self, key: str, table: dict[str, Any]) -> Group:
        where = f"group {key!r}"
        refuse_unknown_keys(table, {"singular", "plural", "title_fields", "fields"}, where)
        return Group(
            key=key,
            singular=pick(table, "singular", str, where),
            plural=pick(table, "plural", str, where),
            fields=self.fields(pick(table, "fields", list, where), where),
            title_fields=tuple(pick(table, "title_fields", list, where)),
        )

    def section(self, table: dict[str, Any]) -> Section:
        where = f"section {table.get('key')!r}"
        refuse_unknown_keys(table, {"key", "title", "fields", "group", "intro"}, where)
        group = table.get("group")
        if group is not None and group not in self.groups:
            raise ContentError(f"{where}: unknown group {group!r}")
        return Section(
            pick(table, "key", str, where),
            pick(table, "title", str, where),
            self.fields(table.get("fields", []), where),
            group=self.groups[group] if group else None,
            intro=table.get("intro"),
        )


def _filled(template: Any, words: dict[str, str]) -> Any:
    """A question template with the choice's words put in its text, at any depth."""
    if isinstance(template, str):
        return template.format(**words)
    if isinstance(template, list):
        return [_filled(item, words) for item in template]
    if isinstance(template, dict):
        return {key: _filled(value, words) for key, value in template.items()}
    return template


def sections(data: dict[str, Any], lists: dict[str, Choices]) -> tuple[Section, ...]:
    """The sections the file describes, in its order, with their questions and groups."""
    reader = _Reader(data, lists)
    return tuple(reader.section(table) for table in data.get("sections", []))
