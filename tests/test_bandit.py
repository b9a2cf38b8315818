"""bandit finds no medium or high severity issue in the package; a `# nosec` says why on its line."""

import json
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "triggerflow"


def test_bandit_finds_nothing_of_medium_or_high_severity():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bandit",
            "--recursive",
            "--quiet",
            "--format",
            "json",
            "--severity-level",
            "medium",
            str(PACKAGE),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    found = [
        f"{issue['filename']}:{issue['line_number']} {issue['test_id']} {issue['issue_text']}"
        for issue in json.loads(result.stdout)["results"]
    ]
    assert found == []


def test_every_nosec_names_the_check_and_gives_a_reason():
    bare = [
        f"{path}:{number}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "# nosec" in line and not re.search(r"# nosec B\d{3}(, B\d{3})* - \S", line)
    ]
    assert bare == []
