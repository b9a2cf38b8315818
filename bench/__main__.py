"""`python -m bench [--sizes 10000 100000] [--backends sqlite postgresql] [--sqlite-up-to 100000] [--profile]`,
or `python -m bench --cpu DATABASE_URL [--profile]` for a signed-in page's CPU time beside hello-world's."""

import argparse
import time
from pathlib import Path

from bench import cpu, report
from bench.run import run
from triggerflow.demo import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="forms at each step")
    parser.add_argument("--backends", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"])
    parser.add_argument(
        "--sqlite-up-to",
        type=int,
        default=100_000,
        help="sizes above this are measured on PostgreSQL alone (a million forms on SQLite would double the run)",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of measuring, profile the main pages at the first size (pyinstrument); with --cpu, "
        "print each page's cProfile top list first",
    )
    parser.add_argument("--cpu", metavar="DATABASE_URL", help="CPU ms a request on this database (bench.cpu)")
    parser.add_argument("--who", default=cpu.ASSESSOR, help="with --cpu: the assessor who signs in")
    parser.add_argument("--password", default=DEMO_PASSWORD, help="with --cpu: their password")
    parser.add_argument("--form", help="with --cpu: the form number whose page is timed")
    parser.add_argument("--requests", type=int, default=200, help="with --cpu: requests a round")
    parser.add_argument("--rounds", type=int, default=5, help="with --cpu: rounds, the least of which is reported")
    args = parser.parse_args()
    started = time.monotonic()
    if args.cpu:
        print(cpu.report(cpu.measure(args.cpu, **{name: getattr(args, name) for name in cpu.OPTIONS})))
        return
    if args.profile:
        from bench.profile import profile_pages

        profile_pages(args.sizes[0], args.backends[0], ROOT / "instance" / "profiles")
        return
    args.output.parent.mkdir(parents=True, exist_ok=True)
    run(
        args.sizes,
        args.backends,
        progress=lambda line: print(f"[{time.monotonic() - started:6.0f} s] {line}", flush=True),
        sqlite_up_to=args.sqlite_up_to,
        measured=lambda found: report.write(found.so_far(), args.output),
    )
    print(f"Wrote {args.output} in {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
