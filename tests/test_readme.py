"""The README shows what the code says: its lifecycle diagram and its demo accounts cannot drift."""

import re

from triggerflow import PROJECT_ROOT
from triggerflow.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from triggerflow.reference_data import load_forces_csv
from triggerflow.workflow import diagram
from triggerflow.workflow.definition import ACTIONS, TRANSITIONS
from triggerflow.workflow.states import FormState

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def _between(start: str, end: str) -> str:
    return README.split(start, 1)[1].split(end, 1)[0]


def test_the_readme_lifecycle_diagram_is_the_one_generated_from_the_definition():
    assert diagram.replace_in(README) == README, "run `make diagram` to update the README"


def test_the_diagram_draws_every_state_and_every_transition_with_its_label():
    source = diagram.mermaid()
    assert source.startswith("stateDiagram-v2\n")
    for state in FormState:
        assert f'state "{state.label}" as {state.value}' in source
    for transition in TRANSITIONS:
        for origin in transition.sources:
            assert re.search(
                rf"^    {origin.value} --> {transition.dest.value}: "
                rf"{re.escape(ACTIONS[transition.action].label)} · ",
                source,
                re.MULTILINE,
            )
    edges = [line for line in source.splitlines() if " --> " in line and "[*]" not in line]
    assert len(edges) == len({(origin, t.dest, t.action) for t in TRANSITIONS for origin in t.sources})


def test_the_diagram_names_the_conditions_that_choose_between_transitions():
    source = diagram.mermaid()
    assert "draft --> spoc_review: Send to SPOC · Force officer (author)" in source
    assert "if SPOC gate on" in source and "if SPOC gate off" in source


def test_the_readme_lists_exactly_the_demo_accounts_with_their_password():
    table = _between("<!-- demo-accounts:start -->", "<!-- demo-accounts:end -->")
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in table.strip().splitlines()[2:]]
    forces = {row["force"]: row["force_name"] for row in load_forces_csv()}
    regions = {row["region"]: row["region_name"] for row in load_forces_csv()}
    expected = [
        [
            email,
            name,
            role.label,
            forces[force]
            if force
            else regions[region]
            if region
            else "England and Wales"
            if role.value == "manager"
            else "All",
        ]
        for email, name, role, force, region in DEMO_ACCOUNTS
    ]
    assert rows == expected
    assert f"`{DEMO_PASSWORD}`" in README


def test_the_readme_layout_names_each_package_of_triggerflow_once():
    layout = _between("## Layout\n\n```\n", "```")
    named = re.findall(r"^  (\w+)/ ", layout, re.MULTILINE)
    packages = sorted(path.parent.name for path in (PROJECT_ROOT / "triggerflow").glob("*/__init__.py"))
    assert sorted(name for name in named if name in packages) == packages
