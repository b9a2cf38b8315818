"""docs/performance.md, written from one run: the goals first, then every figure by size."""

import math
import os
import platform
from datetime import datetime
from pathlib import Path

from bench.clock import SLOW_SECONDS
from bench.crowd import verdict
from bench.run import Run, SizeResult

FINDINGS = Path(__file__).with_name("findings.md")
MEASURE_RATIO, MEASURE_MS, LIST_MS, MAX_STATEMENTS, SHARE, EXPORT_MIB, FIRST_BYTE_MS = 1.5, 150, 20, 10, 0.40, 150, 1000
MAIN_LISTS = ("Assessor queue", "Officer list", "Form page")


def write(run: Run, path: Path) -> None:
    kept = verdict.section_in(path)  # the load test's figures, from `make load`, stay until it runs again
    path.write_text("\n".join([*_heading(run), *_goals(run), *_details(run), _findings(), *kept]), encoding="utf-8")


def _heading(run: Run) -> list[str]:
    sizes = "; ".join(
        f"{', '.join(f'{size:,}' for size in run.measured(backend))} forms on {run.versions[backend].split()[0]}"
        for backend in run.backends
    )
    return [
        "# Performance at national scale",
        "",
        "<!-- Written by `make bench` (bench/report.py); edit bench/findings.md, not this file. -->",
        "",
        f"Measured {datetime.now():%-d %B %Y at %H:%M} on {_machine()}, with {' and '.join(run.versions.values())}.",
        f"Synthetic forms with full histories (`generate-data`, seed 1): {sizes}, grown in "
        "place. Times are server times in milliseconds, each the median of repeated runs after a warm-up (one "
        f"run for work over {SLOW_SECONDS:.0f} s); the machine is shared, so compare figures within a run and read "
        "ratios before absolute times.",
        "",
    ]


def _machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory = next(
        (
            int(line.split()[1]) // 1024 // 1024
            for line in _read("/proc/meminfo").splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return (
        f"{os.cpu_count()} cores ({model}), {memory} GiB, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def _read(name: str) -> str:
    try:
        return Path(name).read_text()
    except OSError:
        return ""


def _largest(run: Run, backend: str) -> SizeResult:
    return [r for r in run.results if r.backend == backend][-1]


def _goals(run: Run) -> list[str]:
    rows = [
        "## Goals",
        "",
        "At the largest size each database was measured at.",
        "",
        "| Goal | " + " | ".join(f"{b} ({run.measured(b)[-1]:,} forms)" for b in run.backends) + " |",
        "|---|" + "---|" * len(run.backends),
    ]
    checks = (
        (f"Dashboard measure ≤ {MEASURE_RATIO}× its raw SQL (worst)", _worst_ratio),
        (f"Dashboard measure < {MEASURE_MS} ms (slowest)", _slowest_measure),
        (f"Queue, officer list, form page ≤ {LIST_MS} ms (slowest)", _slowest_list),
        (f"SQL statements per page ≤ {MAX_STATEMENTS} and constant", _statements),
        (f"Throughput ≥ {SHARE:.0%} of hello-world (lowest)", _lowest_share),
        (
            f"CSV export of the form history: peak < {EXPORT_MIB} MiB, first byte < {FIRST_BYTE_MS / 1000:.0f} s",
            _export,
        ),
    )
    for label, check in checks:
        rows.append(f"| {label} | " + " | ".join(check(run, b) for b in run.backends) + " |")
    return rows + [""]


def _mark(met: bool, text: str) -> str:
    return f"{'met' if met else '**not met**'}: {text}"


def _worst_ratio(run: Run, backend: str) -> str:
    worst = max(_largest(run, backend).measures, key=lambda t: t.ms / t.sql_ms)
    return _mark(worst.ms / worst.sql_ms <= MEASURE_RATIO, f"{worst.ms / worst.sql_ms:.2f}× ({worst.name})")


def _slowest_measure(run: Run, backend: str) -> str:
    slowest = max(_largest(run, backend).measures, key=lambda t: t.ms)
    return _mark(slowest.ms < MEASURE_MS, f"{slowest.ms:,.0f} ms ({slowest.name})")


def _slowest_list(run: Run, backend: str) -> str:
    slowest = max((t for t in _largest(run, backend).lists if t.name in MAIN_LISTS), key=lambda t: t.ms)
    return _mark(slowest.ms <= LIST_MS, f"{slowest.ms:.1f} ms ({slowest.name})")


def _statements(run: Run, backend: str) -> str:
    results = [r for r in run.results if r.backend == backend]
    counts = {t.name: set() for t in results[0].lists + results[0].dashboards}
    for result in results:
        for t in result.lists + result.dashboards:
            counts[t.name].add(t.statements)
    most = max(max(found) for found in counts.values())
    varying = [name for name, found in counts.items() if len(found) > 1]
    return _mark(
        most <= MAX_STATEMENTS and not varying,
        f"at most {most}" + (f"; varies: {', '.join(varying)}" if varying else ", the same at every size"),
    )


def _lowest_share(run: Run, backend: str) -> str:
    rates = _largest(run, backend).throughput
    name, share = min(
        ((n, r / rates["hello-world"]) for n, r in rates.items() if n != "hello-world"), key=lambda found: found[1]
    )
    return _mark(share >= SHARE, f"{share:.0%} ({name})")


def _export(run: Run, backend: str) -> str:
    e = _largest(run, backend).export
    return _mark(
        e.peak_mib < EXPORT_MIB and e.first_byte_ms < FIRST_BYTE_MS,
        f"{e.peak_mib:.0f} MiB, first byte {e.first_byte_ms:.0f} ms, {e.rows:,} rows in {e.seconds:.0f} s",
    )


def _growth(first: float, last: float, sizes: list[int]) -> str:
    if len(sizes) < 2 or first <= 0:
        return ""
    power = math.log(max(last, 1e-9) / first) / math.log(sizes[-1] / sizes[0])
    kind = "flat" if power < 0.15 else "sub-linear" if power < 0.6 else "linear"
    return f"×{last / first:.1f} ({kind})"


def _size_heads(run: Run) -> tuple[str, str]:
    heads = " | ".join(f"{size:,}" for size in run.sizes)
    return f"| | {heads} | growth |", "|---|" + "---:|" * len(run.sizes) + "---|"


def _row(run: Run, label: str, cells: dict[int, str], values: dict[int, float] | None = None) -> str:
    """A figure at each size of the run, "–" where this database was not measured, and its growth."""
    shown = " | ".join(cells.get(size, "–") for size in run.sizes)
    sizes = list(values or {})
    growth = _growth(values[sizes[0]], values[sizes[-1]], sizes) if values else ""
    return f"| {label} | {shown} | {growth}".rstrip() + " |"


def _details(run: Run) -> list[str]:
    rows = []
    for backend in run.backends:
        results = [r for r in run.results if r.backend == backend]
        rows += [
            f"## {run.versions[backend]}",
            "",
            "### Pages: server time in ms (SQL statements)",
            "",
            *_size_heads(run),
        ]
        for n, timing in enumerate(results[0].lists + results[0].dashboards):
            pages = {r.size: (r.lists + r.dashboards)[n] for r in results}
            cells = {size: f"{t.ms:,.1f} ({t.statements})" for size, t in pages.items()}
            rows.append(_row(run, timing.name, cells, {size: t.ms for size, t in pages.items()}))
        rows += [
            "",
            "### Dashboard measures: server time / raw SQL in ms (ratio)",
            "",
            "Server time is the measure's CSV download, which computes that one table; raw SQL is the same "
            "request's SELECTs replayed through the database driver alone.",
            "",
            *_size_heads(run),
        ]
        for n, timing in enumerate(results[0].measures):
            measures = {r.size: r.measures[n] for r in results}
            cells = {size: f"{t.ms:,.0f} / {t.sql_ms:,.0f} ({t.ms / t.sql_ms:.2f}×)" for size, t in measures.items()}
            rows.append(_row(run, timing.name, cells, {size: t.ms for size, t in measures.items()}))
        rows += [
            "",
            "### Throughput under gunicorn (2 workers), wrk -t2 -c20: requests a second (share of hello-world)",
            "",
            *_size_heads(run),
        ]
        for name in results[0].throughput:
            rates = {r.size: r.throughput for r in results}
            cells = {size: f"{r[name]:,.0f} ({r[name] / r['hello-world']:.0%})" for size, r in rates.items()}
            rows.append(_row(run, name, cells, {size: r[name] for size, r in rates.items()}))
        rows += [
            "",
            "### CSV export of the whole form history (administrator), in a process of its own",
            "",
            *_size_heads(run),
        ]
        for label, value in (
            ("Rows", lambda e: f"{e.rows:,}"),
            ("Peak memory (MiB)", lambda e: f"{e.peak_mib:.0f}"),
            ("Before the download (MiB)", lambda e: f"{e.before_mib:.0f}"),
            ("First byte (ms)", lambda e: f"{e.first_byte_ms:.0f}"),
            ("First row (ms)", lambda e: f"{e.first_row_ms:.0f}"),
            ("Whole download (s)", lambda e: f"{e.seconds:.1f}"),
        ):
            rows.append(_row(run, label, {r.size: value(r.export) for r in results}))
        rows += ["", "### Storage: KB a form, with indexes", "", *_size_heads(run)]
        for group in results[-1].storage:
            rows.append(_row(run, group, {r.size: f"{r.storage.get(group, 0) / 1000:,.1f}" for r in results}))
        rows += ["", "### Data generated", "", *_size_heads(run)]
        rows.append(_row(run, "Forms, events, return items added (seconds)", {r.size: _generated(r) for r in results}))
        rows.append("")
    return rows


def _generated(r: SizeResult) -> str:
    g = r.generated
    return f"{g.forms:,}, {g.events:,}, {g.return_items:,} ({g.seconds:.0f} s)" if g else "–"


def _findings() -> str:
    return FINDINGS.read_text(encoding="utf-8") if FINDINGS.exists() else ""
