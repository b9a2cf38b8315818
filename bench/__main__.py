"""`python -m bench [--sizes 10000 100000] [--backends sqlite postgresql] [--sqlite-up-to 100000] [--profile]`."""

import argparse
import time
from pathlib import Path

from bench import report
from bench.run import run

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
        help="instead of measuring, profile the main pages at the first size (pyinstrument)",
    )
    args = parser.parse_args()
    started = time.monotonic()
    if args.profile:
        from bench.profile import profile_pages

        profile_pages(args.sizes[0], args.backends[0], ROOT / "instance" / "profiles")
        return
    found = run(
        args.sizes,
        args.backends,
        progress=lambda line: print(f"[{time.monotonic() - started:6.0f} s] {line}", flush=True),
        sqlite_up_to=args.sqlite_up_to,
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    report.write(found, args.output)
    print(f"Wrote {args.output} in {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
