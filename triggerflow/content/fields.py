"""What a section of the trigger form is made of: its questions (fields) and its repeating lists (groups).

The sections themselves, and what they ask, are in questions.toml, read by content.questions.
"""

from dataclasses import dataclass
from typing import Literal

from triggerflow.content.conditions import When

Kind = Literal[
    "text", "textarea", "radios", "select", "checkboxes", "boolean", "date", "citations", "forces", "regions"
]


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: Kind = "text"
    choices: list[tuple[str, str]] | None = None
    hint: str | None = None
    max_length: int = 10_000
    when: tuple[When, ...] = ()  # all must hold for the question to apply (content.conditions)

    @property
    def is_list(self) -> bool:
        return self.kind in ("checkboxes", "citations", "forces", "regions")


def find(fields: tuple[Field, ...], name: str) -> Field | None:
    return next((f for f in fields if f.name == name), None)


@dataclass(frozen=True)
class Group:
    """A repeating list of items inside a section (subjects, offences, intelligence)."""

    key: str
    singular: str
    plural: str
    fields: tuple[Field, ...]
    title_fields: tuple[str, ...]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def one(self) -> str:
        """ "a subject", "an offence": for headings and buttons."""
        return f"{'an' if self.singular[0] in 'aeiou' else 'a'} {self.singular}"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[Field, ...] = ()
    group: Group | None = None
    intro: str | None = None

    def field(self, name: str) -> Field | None:
        return find(self.fields, name)

    def asks(self, name: str) -> bool:
        """Whether `name` is one of this section's questions, or its list (e.g. subjects)."""
        return self.field(name) is not None or (self.group is not None and name == self.group.key)
