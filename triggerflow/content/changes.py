"""Field-by-field differences between two versions of a form's answers.

DeepDiff finds what differs; this module only arranges it as people read a form: by section,
with the field labels of content.sections, repeating items matched by their id (so a subject
whose date of birth changed is "changed", not "removed and added"), and values as labels and
dates rather than stored codes.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from deepdiff import DeepDiff

from triggerflow.content.fields import Field, Section, find
from triggerflow.content.sections import SECTIONS, intelligence_references, item_title
from triggerflow.content.vocab import label_for

Kind = Literal["added", "removed", "changed"]
EMPTY = (None, "", [], {})


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    kind: Kind
    before: str
    after: str


@dataclass(frozen=True)
class ItemChange:
    id: str
    title: str
    kind: Kind
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class SectionChanges:
    section: Section
    fields: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()

    @property
    def count(self) -> int:
        return len(self.fields) + len(self.items)


@dataclass(frozen=True)
class Readers:
    """How to show the values that are codes pointing elsewhere: forces and regions, cited items."""

    names: dict[str, str] = field(default_factory=dict)


def compare(old: dict[str, Any], new: dict[str, Any], readers: Readers | None = None) -> list[SectionChanges]:
    """The sections that differ between `old` and `new`, in form order, each with what changed."""
    readers = readers or Readers()
    before, after = _normalise(old or {}), _normalise(new or {})
    touched = _touched(DeepDiff(before, after, view="tree"))
    result = []
    for section in SECTIONS:
        fields = tuple(
            _field_change(section, name, before, after, old, new, readers)
            for name in _in_order(section.fields, touched.get((section.key, "fields"), set()))
        )
        items = _item_changes(section, touched.get((section.key, "items"), set()), before, after, old, new, readers)
        if fields or items:
            result.append(SectionChanges(section, fields, items))
    return result


def _normalise(answers: dict[str, Any]) -> dict[str, Any]:
    """Every section as {"fields": {...}, "items": {id: {...}}}, leaving out unanswered values, so that
    "never answered" and "cleared" read the same and items compare by id whatever their order."""
    shaped = {}
    for section in SECTIONS:
        values = answers.get(section.key) or {}
        group_key = section.group.key if section.group else None
        shaped[section.key] = {
            "fields": {name: value for name, value in values.items() if name != group_key and value not in EMPTY},
            "items": {
                item.get("id") or f"item-{n}": {k: v for k, v in item.items() if k != "id" and v not in EMPTY}
                for n, item in enumerate(values.get(group_key) or [] if group_key else [], start=1)
            },
        }
    return shaped


def _touched(diff: DeepDiff) -> dict[tuple[str, str], set]:
    """(section, "fields") -> field names and (section, "items") -> item ids that differ in any way."""
    touched: dict[tuple[str, str], set] = {}
    for levels in diff.tree.values():
        for level in levels:
            path = level.path(output_format="list")
            if len(path) >= 3:
                touched.setdefault((path[0], path[1]), set()).add(path[2])
    return touched


def _in_order(fields: tuple[Field, ...], names: set[str]) -> list[str]:
    known = [f.name for f in fields if f.name in names]
    return known + sorted(names - set(known))


def _kind(before: Any, after: Any) -> Kind:
    if before in EMPTY:
        return "added"
    return "removed" if after in EMPTY else "changed"


def _field_change(
    section: Section, name: str, before: dict, after: dict, old: dict, new: dict, readers: Readers
) -> FieldChange:
    spec = section.field(name)
    was, now = before[section.key]["fields"].get(name), after[section.key]["fields"].get(name)
    return FieldChange(
        name,
        spec.label if spec else name,
        _kind(was, now),
        show(spec, was, old, readers),
        show(spec, now, new, readers),
    )


def _item_changes(
    section: Section, ids: set[str], before: dict, after: dict, old: dict, new: dict, readers: Readers
) -> tuple[ItemChange, ...]:
    if not section.group or not ids:
        return ()
    group = section.group
    was_items, now_items = before[section.key]["items"], after[section.key]["items"]
    # Items in the new version's order, then the removed ones in the old version's order.
    ordered = [i for i in now_items if i in ids] + [i for i in was_items if i in ids and i not in now_items]
    changes = []
    for item_id in ordered:
        was, now = was_items.get(item_id, {}), now_items.get(item_id, {})
        names = _in_order(group.fields, {n for n in set(was) | set(now) if was.get(n) != now.get(n)})
        fields = tuple(
            FieldChange(
                n,
                _label(group.fields, n),
                _kind(was.get(n), now.get(n)),
                show(find(group.fields, n), was.get(n), old, readers),
                show(find(group.fields, n), now.get(n), new, readers),
            )
            for n in names
        )
        title = f"{group.singular.capitalize()}: {item_title(group, now or was)}"
        changes.append(ItemChange(item_id, title, _kind(was or None, now or None), fields))
    return tuple(changes)


def _label(fields: tuple[Field, ...], name: str) -> str:
    spec = find(fields, name)
    return spec.label if spec else name


def show(spec: Field | None, value: Any, answers: dict[str, Any], readers: Readers) -> str:
    """A stored value as the person reading the form sees it."""
    if value in EMPTY:
        return ""
    kind = spec.kind if spec else "text"
    if kind in ("radios", "select", "checkboxes") and spec.choices:
        values = value if isinstance(value, list) else [value]
        return "; ".join(label_for(spec.choices, v) for v in values)
    if kind == "date":
        try:
            return date.fromisoformat(value).strftime("%-d %B %Y")
        except (TypeError, ValueError):
            return str(value)
    if kind == "boolean":
        return "Yes" if value else "No"
    if kind == "citations":
        references = intelligence_references(answers)
        return "; ".join(references.get(v, "an item no longer in the form") for v in value)
    if kind in ("forces", "regions"):
        return "; ".join(readers.names.get(v, v) for v in value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
