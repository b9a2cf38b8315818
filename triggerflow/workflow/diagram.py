"""The lifecycle as a Mermaid state diagram, generated from the transitions table.

`python -m triggerflow.workflow.diagram` prints it; `--readme README.md` rewrites the diagram
between the README's markers. A test compares the two, so the picture cannot drift from the code.
"""

import argparse
import re
from enum import StrEnum
from pathlib import Path

from triggerflow.models.user import Role
from triggerflow.workflow.definition import ACTIONS, SYSTEM, TRANSITIONS, Transition
from triggerflow.workflow.states import TERMINAL_STATES, FormState

START_MARKER = "<!-- lifecycle-diagram:start -->"
END_MARKER = "<!-- lifecycle-diagram:end -->"

# Plain-English names for the `when` conditions of definition.Lifecycle.
CONDITIONS = {
    "spoc_gate": "SPOC gate on",
    "no_spoc_gate": "SPOC gate off",
    "first_round": "first round",
    "later_round": "after a return",
}

# Where a transition's relation narrows a role, the diagram says how (workflow.permissions).
ROLE_IN_RELATION = {
    ("author", Role.OFFICER): "Force officer (author)",
    ("author", Role.SPOC): "Force SPOC (author)",
    ("author_or_spoc", Role.OFFICER): "Force officer (author)",
    ("force_not_author", Role.OFFICER): "Force officer (not the author)",
    ("force_not_author", Role.SPOC): "Force SPOC (not the author)",
    ("holder", Role.ASSESSOR): "ROCTA assessor (holder)",
    ("holder_or_regional_manager", Role.ASSESSOR): "ROCTA assessor (holder)",
    ("holder_or_regional_manager", Role.MANAGER): "regional manager",
    ("regional_manager", Role.MANAGER): "regional manager",
}

# Forms are created by workflow.service.start_form, outside the machine's transitions.
CREATE_LABEL = "Create · Force officer or Force SPOC"


def _who(transition: Transition) -> str:
    if transition.roles == {SYSTEM}:
        return "scheduled command"
    roles = sorted((role for role in transition.roles if isinstance(role, Role)), key=list(Role).index)
    return " or ".join(ROLE_IN_RELATION.get((transition.relation, role), role.label) for role in roles)


def _who_and_when(transition: Transition) -> str:
    who = _who(transition)
    return f"{who} · if {CONDITIONS[transition.when]}" if transition.when else who


def _edges() -> dict[tuple[StrEnum, StrEnum, str], list[Transition]]:
    """Transitions by (source, destination, action): rows differing only in who or when share an arrow."""
    edges: dict[tuple[StrEnum, StrEnum, str], list[Transition]] = {}
    for transition in TRANSITIONS:
        for source in transition.sources:
            # A move that keeps the state (dest None) is an arrow back to where it starts.
            edges.setdefault((source, transition.dest or source, transition.action), []).append(transition)
    return edges


def mermaid() -> str:
    """The stateDiagram-v2 source for the whole lifecycle."""
    lines = ["stateDiagram-v2"]
    lines += [f'    state "{state.label}" as {state.value}' for state in FormState]
    lines.append(f"    [*] --> {FormState.DRAFT.value}: {CREATE_LABEL}")
    for (source, dest, action), transitions in _edges().items():
        who = " / ".join(_who_and_when(t) for t in transitions)
        lines.append(f"    {source.value} --> {dest.value}: {ACTIONS[action].label} · {who}")
    lines += [f"    {state.value} --> [*]" for state in FormState if state in TERMINAL_STATES]
    return "\n".join(lines) + "\n"


def readme_block() -> str:
    return f"{START_MARKER}\n```mermaid\n{mermaid()}```\n{END_MARKER}"


def replace_in(text: str) -> str:
    """`text` with the block between the markers replaced by the current diagram."""
    pattern = re.compile(re.escape(START_MARKER) + ".*?" + re.escape(END_MARKER), re.DOTALL)
    if not pattern.search(text):
        raise ValueError(f"No {START_MARKER} ... {END_MARKER} block to replace")
    return pattern.sub(lambda _: readme_block(), text, count=1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, help="rewrite the diagram between the markers in this file")
    args = parser.parse_args(argv)
    if args.readme is None:
        print(mermaid(), end="")
        return
    args.readme.write_text(replace_in(args.readme.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"Lifecycle diagram written to {args.readme}.")


if __name__ == "__main__":
    main()
