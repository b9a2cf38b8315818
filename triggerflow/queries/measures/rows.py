"""What the measures' rows per force have in common."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ByForce:
    """A row of figures for one force, or for all of them together (code ALL)."""

    code: str
    name: str
