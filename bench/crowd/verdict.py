"""What the load test found: errors, lost updates, and the median and 95th percentile of each page.

A lost update is a form whose state is not the state its event log, replayed through the
lifecycle, leads to (workflow.replay), or whose log cannot be replayed at all.
"""

import csv
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flask import Flask
from sqlalchemy import select

from triggerflow.db import db
from triggerflow.models import FormEvent, TriggerForm
from triggerflow.workflow.replay import BrokenHistory, replay

START = "<!-- Load test: written by `make load` (bench/crowd); the rest of this file by `make bench`. -->"
END = "<!-- End of the load test. -->"


@dataclass(frozen=True)
class Page:
    name: str
    requests: int
    failures: int
    median_ms: float
    p95_ms: float


@dataclass(frozen=True)
class Found:
    people: int
    seconds: float
    pages: list[Page]
    taken_first: int
    failures: list[tuple[str, str, int]]  # page, error, times
    forms: int
    moved: int  # forms with an event written during the run
    lost_updates: list[str]

    @property
    def requests(self) -> int:
        return sum(page.requests for page in self.pages)

    @property
    def errors(self) -> int:
        return sum(page.failures for page in self.pages)


def read(prefix: Path, app: Flask, people: int, seconds: float, since: datetime | None = None) -> Found:
    pages, taken = [], 0
    with Path(f"{prefix}_stats.csv").open(encoding="utf-8") as stats:
        for row in csv.DictReader(stats):
            if row["Name"] == "Aggregated":
                continue
            if row["Type"] == "MOVE":
                taken += int(row["Request Count"])
                continue
            pages.append(
                Page(
                    row["Name"],
                    int(row["Request Count"]),
                    int(row["Failure Count"]),
                    float(row["Median Response Time"] or 0),
                    float(row["95%"] or 0),
                )
            )
    with Path(f"{prefix}_failures.csv").open(encoding="utf-8") as failed:
        failures = [(row["Name"], row["Error"], int(row["Occurrences"])) for row in csv.DictReader(failed)]
    forms, moved, lost = _replayed(app, since)
    return Found(people, seconds, sorted(pages, key=lambda p: p.name), taken, failures, forms, moved, lost)


def _replayed(app: Flask, since: datetime | None) -> tuple[int, int, list[str]]:
    lost, forms, moved = [], 0, 0
    with app.app_context():
        events: dict[int, list[FormEvent]] = {}
        for event in db.session.scalars(select(FormEvent).order_by(FormEvent.form_id, FormEvent.id)):
            events.setdefault(event.form_id, []).append(event)
        for form in db.session.scalars(select(TriggerForm)):
            forms += 1
            history = events.get(form.id, [])
            moved += bool(since and history and history[-1].at >= since)
            try:
                if replay(history) != form.state:
                    lost.append(f"{form.number}: holds {form.state.value}, its events lead elsewhere")
            except BrokenHistory as broken:
                lost.append(f"{form.number}: {broken}")
        db.engine.dispose()
    return forms, moved, lost


def section_in(path: Path) -> list[str]:
    """The load test's section of the file, if it has one, as lines to write back."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    found = re.search(re.escape(START) + ".*?" + re.escape(END), text, flags=re.DOTALL)
    return ["", found.group(0), ""] if found else []


def write(found: Found, path: Path) -> None:
    """Put the load test's section into docs/performance.md, in place of the one before."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    section = "\n".join([START, *_section(found), END])
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: section, text, flags=re.DOTALL)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def _section(found: Found) -> list[str]:
    lines = [
        "",
        f"## {found.people} people at once",
        "",
        f"Measured {datetime.now():%-d %B %Y at %H:%M} on {os.cpu_count()} cores, the load generator on the same "
        "machine: `make load` serves the app with `make serve` (gunicorn, production settings) on a throwaway "
        f"PostgreSQL and runs locust headless for {found.seconds / 60:.1f} minutes. Officers edit a section of a "
        "complete draft and send it to their SPOC; SPOCs submit what reaches them; assessors claim, then accept "
        "(six in ten) or add a return item and return; managers read the dashboards. Each person waits 1–4 s "
        "between clicks, signs in once (password, and an authenticator code where production asks for one), and "
        "uses the pages and forms a browser would, CSRF tokens included.",
        "",
        f"- **Errors: {found.errors}** of {found.requests:,} requests (goal 0)."
        + "".join(f"\n  - {name}: {error} ({times}×)" for name, error, times in found.failures[:10]),
        f"- **Lost updates: {len(found.lost_updates)}** (goal 0): every one of the {found.forms:,} forms' event "
        "logs, replayed through the lifecycle, leads to the state the form holds; "
        f"{found.moved:,} of them moved during the run." + "".join(f"\n  - {line}" for line in found.lost_updates[:10]),
        f"- **Taken first: {found.taken_first}**: a move refused because another person had just made one "
        "(a claim on a form another assessor claimed a moment before, say); the page said so, nothing was "
        "overwritten.",
        "",
        "| Page | Requests | Median ms | 95th percentile ms |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {page.name} | {page.requests:,} | {page.median_ms:,.0f} | {page.p95_ms:,.0f} |" for page in found.pages
    ]
    return [*lines, ""]


def summary(found: Found) -> str:
    return (
        f"{found.requests:,} requests, {found.errors} errors, {len(found.lost_updates)} lost updates, "
        f"{found.taken_first} taken first; {found.forms:,} forms replayed."
    )
