"""The trigger form's sections A to I and their fields, defined once (in questions.toml).

The section editors, the criteria's links, the submitted-version view and the API all read
these definitions, so a label or a choice list is never typed twice.
"""

from triggerflow.content import questions, vocab
from triggerflow.content.datafile import read
from triggerflow.content.fields import Field, Group, Section

# The question type is read from here, with the questions.
__all__ = [
    "SECTIONS",
    "SECTIONS_BY_KEY",
    "SECTION_CHOICES",
    "STARTING_ANSWERS",
    "Field",
    "Group",
    "Section",
    "field_label",
    "intelligence_references",
    "item_title",
]

SECTIONS: tuple[Section, ...] = questions.sections(read("questions.toml"), vocab.LISTS)
SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}
# What a new form holds before anyone types: DESIGN's default marking. Not an answer, so a section
# holding only these has not been started.
STARTING_ANSWERS = {"I": {"security_marking": "OFFICIAL-SENSITIVE"}}
SECTION_CHOICES = [(s.key, f"{s.key}. {s.title}") for s in SECTIONS]


def field_label(section_key: str, field_name: str | None) -> str:
    section = SECTIONS_BY_KEY[section_key]
    if field_name and section.group and field_name == section.group.key:
        return section.group.plural.capitalize()
    found = section.field(field_name) if field_name else None
    return found.label if found else ""


def item_title(group: Group, item: dict) -> str:
    title = " ".join(str(item.get(name) or "").strip() for name in group.title_fields).strip()
    return title or f"Unnamed {group.singular}"


def intelligence_references(answers: dict) -> dict[str, str]:
    """Each intelligence item's reference by its id, or its place in the list when it has none."""
    items = (answers.get("F") or {}).get("intelligence") or []
    return {item.get("id"): item.get("reference") or f"Intelligence item {n}" for n, item in enumerate(items, start=1)}
