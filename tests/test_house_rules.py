"""Rules of the codebase that a reviewer would otherwise have to remember."""

import ast
import re
import subprocess
from pathlib import Path

import flask_migrate
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from tests.databases import app_for
from triggerflow.db import db
from triggerflow.search.index import include_name

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "triggerflow" / "workflow" / "machine.py"  # runs the form's and the threat's lifecycles


def python_files():
    for folder in (ROOT / "triggerflow", ROOT / "tests"):
        for path in sorted(folder.rglob("*.py")):
            if path != RUNNER:
                yield path


def _writes_state(node: ast.AST) -> bool:
    """`x.state = ...` (`self.state` too), `x.state += ...`, `setattr(x, "state", ...)`, `.values(state=...)`,
    `TriggerForm(state=...)`, `Threat(state=...)`. Anything else that keeps a state of its own names it otherwise.
    """
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(isinstance(t, ast.Attribute) and t.attr == "state" for t in targets)
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        if name == "setattr" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
            return node.args[1].value == "state"
        return name in ("values", "TriggerForm", "Threat") and any(k.arg == "state" for k in node.keywords)
    return False


def test_nothing_but_the_lifecycle_runner_writes_a_forms_or_a_threats_state():
    writes = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in python_files()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _writes_state(node)
    ]
    assert writes == []


def test_the_state_check_would_notice_each_kind_of_write():
    def notices(source: str) -> bool:
        return any(_writes_state(node) for node in ast.walk(ast.parse(source)))

    samples = [
        "form.state = 'accepted'",
        "form.state += 'x'",
        "setattr(form, 'state', 'accepted')",
        "update(TriggerForm).values(state='accepted')",
        "TriggerForm(number='X', state='draft')",
        "Threat(form_id=1, state='archived')",
        "self.state = 'accepted'",
    ]
    assert [notices(source) for source in samples] == [True] * len(samples)
    harmless = ["form.status = 'open'", "x = form.state", "TriggerForm(number='X')", "self.stage = 'draft'"]
    assert [notices(source) for source in harmless] == [False] * len(harmless)


# Ways to read the wall clock other than triggerflow.db.utcnow, in Python or in SQL (the database server's
# clock is not the one the tests move, and its time zone is not England's).
OTHER_CLOCKS = re.compile(
    r"\b(?:date\.today|datetime\.(?:now|utcnow|today)|time\.time|func\.now"
    r"|func\.current_(?:date|timestamp))\(|\b(?:CURRENT_DATE|CURRENT_TIMESTAMP|LOCALTIMESTAMP)\b"
    r"|'now'",
    re.IGNORECASE,
)
CLOCK = ROOT / "triggerflow" / "db.py"


def _reads_another_clock(source: str) -> bool:
    return OTHER_CLOCKS.search(source) is not None


def test_the_app_reads_the_time_only_through_utcnow():
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in (ROOT / "triggerflow", ROOT / "migrations")
        for path in sorted(folder.rglob("*.py"))
        if path != CLOCK
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _reads_another_clock(line)
    ]
    assert found == []


def test_the_clock_check_would_notice_each_other_clock():
    samples = [
        "date.today()",
        "datetime.now(UTC)",
        "datetime.utcnow()",
        "datetime.today()",
        "time.time()",
        "server_default=sa.func.now()",
        "func.current_date()",
        "text('SELECT CURRENT_TIMESTAMP')",
        "select localtimestamp",
        "date('now')",
    ]
    assert [_reads_another_clock(source) for source in samples] == [True] * len(samples)
    harmless = ["utcnow()", "local_today()", "time.perf_counter()", "form.date_today", "nowhere()"]
    assert [_reads_another_clock(source) for source in harmless] == [False] * len(harmless)


def _commits(node: ast.AST) -> bool:
    """Any call of a method named commit: `db.session.commit()`, `session.commit()`, `connection.commit()`."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "commit"


def test_the_app_commits_only_through_db_transaction():
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted((ROOT / "triggerflow").rglob("*.py"))
        if path != CLOCK
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _commits(node)
    ]
    assert found == []


def test_the_commit_check_would_notice_each_kind_of_commit():
    def notices(source: str) -> bool:
        return any(_commits(node) for node in ast.walk(ast.parse(source)))

    samples = ["db.session.commit()", "session.commit()", "connection.commit()", "self.session.commit()"]
    assert [notices(source) for source in samples] == [True] * len(samples)
    harmless = ["with transaction():\n    db.session.add(form)", "commit = 1", "form.committed()", "db.session.flush()"]
    assert [notices(source) for source in harmless] == [False] * len(harmless)


def test_the_migrations_have_one_head(ctx):
    directory = ctx.extensions["migrate"].directory
    script = ScriptDirectory(directory)
    assert len(script.get_heads()) == 1


def test_every_migration_applies_and_reverts_cleanly_and_matches_the_models(tmp_path):
    app = app_for(f"sqlite:///{tmp_path / 'migrations.db'}")
    with app.app_context():
        flask_migrate.upgrade()
        tables = _modelled_tables()
        assert tables == set(db.metadata.tables) | {"alembic_version"}
        flask_migrate.downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        flask_migrate.upgrade()
        assert _modelled_tables() == tables
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": include_name, "compare_server_default": True}
            )
            assert compare_metadata(context, db.metadata) == []
        db.engine.dispose()


def _modelled_tables() -> set[str]:
    """The tables, without the full-text index's own (triggerflow.search.index)."""
    return {name for name in inspect(db.engine).get_table_names() if include_name(name, "table", {})}


def _make_dry_run(target: str) -> list[str]:
    """The commands `make` would run for `target`, the installs taken as done."""
    skipped = [option for step in ("install", "browser-deps", "postgresql-deps") for option in ("-o", step)]
    found = subprocess.run(
        ["make", "--dry-run", "--always-make", *skipped, target], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return found.stdout.splitlines()


def _tools(commands: str) -> set[str]:
    """The virtualenv's tools that commands run, with their subcommand and options: "ruff format --check"."""
    return {
        re.sub(r" (\.|--force-exclude)(?= |$)", "", match)
        for match in re.findall(r"\.venv/bin/([a-z-]+(?: (?:[a-z-]+|\.)(?= |$|;|'))*)", commands)
    }


def test_make_test_runs_the_lint_before_any_test():
    """CI runs `make test`, so the lint (ruff's rules and layout, mypy, the import layers) fails it first."""
    commands = _make_dry_run("test")
    first_test = next(i for i, command in enumerate(commands) if "pytest" in command)
    assert _tools("\n".join(commands[:first_test])) == _tools("\n".join(_make_dry_run("lint")))
    assert {"ruff check", "ruff format --check", "mypy", "lint-imports"} <= _tools("\n".join(_make_dry_run("lint")))


def test_pre_commit_runs_what_make_lint_runs():
    hooks = "\n".join(re.findall(r"^\s*entry: (.*)$", (ROOT / ".pre-commit-config.yaml").read_text(), re.MULTILINE))
    assert _tools(hooks) == _tools("\n".join(_make_dry_run("lint")))
