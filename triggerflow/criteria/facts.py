"""Small readers over a form's answers that the rules share."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Facts:
    """Everything a rule may look at: no database, no request, so the rules stay pure."""

    answers: dict[str, Any]
    today: date
    # Return items still open for the force ({"section", "response"}), on a resubmission only.
    open_items: tuple[dict[str, Any], ...] = ()
    # The answers as last sent to the ROCTA, to tell whether a returned section changed.
    last_sent: dict[str, Any] | None = None
    resubmission: bool = False
    limits: dict[str, int] = field(default_factory=dict)

    # The readers take answers of an unexpected shape (a hand-edited row, an old import) as
    # unanswered, so that no stored answer can stop the checklist from showing.
    def section(self, key: str) -> dict[str, Any]:
        found = self.answers.get(key)
        return found if isinstance(found, dict) else {}

    def value(self, key: str, name: str) -> Any:
        return self.section(key).get(name)

    def text(self, key: str, name: str) -> str:
        value = self.value(key, name)
        return value.strip() if isinstance(value, str) else ""

    def ticked(self, key: str, name: str, among: list[tuple[str, str]] | None = None) -> list[str]:
        """The boxes ticked for a checkbox question, only those `among` its choices when given."""
        found = self.value(key, name)
        known = None if among is None else {value for value, _ in among}
        return (
            [value for value in found if isinstance(value, str) and (known is None or value in known)]
            if isinstance(found, list)
            else []
        )

    def items(self, key: str, group: str) -> list[dict[str, Any]]:
        found = self.section(key).get(group)
        return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []

    @property
    def threat_type(self) -> str | None:
        found = self.value("A", "threat_type")
        return found if isinstance(found, str) else None

    def limit(self, name: str) -> int:
        return self.limits[name]


def parse_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def is_identified(subject: dict[str, Any]) -> bool:
    """Marked identified and holding all four identifiers."""
    return subject.get("identified") == "yes" and all(
        str(subject.get(name) or "").strip() for name in ("surname", "forename", "date_of_birth", "intelligence_id")
    )


def whole_number(text: str) -> int | None:
    cleaned = text.replace(",", "").strip()
    return int(cleaned) if cleaned.isascii() and cleaned.isdigit() else None


def pounds(text: str) -> int | None:
    """A sum typed as 250000, £250,000 or 250,000.50, in whole pounds."""
    cleaned = text.replace(",", "").replace("£", "").strip()
    whole, _, pence = cleaned.partition(".")
    if not (cleaned.isascii() and whole.isdigit()) or (pence and not (pence.isdigit() and len(pence) <= 2)):
        return None
    return int(whole)
