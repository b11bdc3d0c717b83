"""`make bench`: what checking and building cost as the data grows, against the targets.

Three scenarios, each command the real one in its own process, in a temporary folder:

- **one borough, grown** (bench/synthetic.py) to 100, 1,000, 3,000 and 10,000 services:
  `handbook check` (best of three), our build without PDFs, and a plain MkDocs + Material
  build of the same pages (bench/plain.py), with the service pages' weight;
- **the real data**, copied: check, our build and the plain one, then a clean build with
  PDFs and the rebuild after one phone number changed (bench/edits.py);
- **England**: 150 boroughs of 50 services, a clean build and the rebuild after one number
  changed, with PDFs predicted from a sample of boroughs built with them (all of it with
  --full).

A run predicted from the growth measured so far (bench/growth.py) to take longer than the
budget is predicted instead, and the tables say so, so that `make bench` stays under 15
minutes; --full runs everything. Prints the tables and targets (bench/report.py) and writes
bench/results.json.

    python -m bench.run [--sizes 100,1000,3000,10000] [--no-real] [--no-england]
                        [--england 150x50] [--budget 400] [--full] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from . import report, scenarios
from .runner import REPO, Runner, say

RESULTS = REPO / "bench" / "results.json"
SIZES = "100,1000,3000,10000"
ENGLAND = "150x50"
BUDGET_S = 400.0  # the 10,000-service build (about 5 minutes) is measured, not predicted
PACKAGES = ("mkdocs", "mkdocs-material", "weasyprint", "pagefind", "pydantic", "PyYAML")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    # The work folder reaches gigabytes: remove it when stopped, too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    runner = Runner(work)
    bench = scenarios.Bench(runner, work, budget_s=args.budget, full=args.full)
    started = time.perf_counter()
    results: dict = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        "machine": machine(),
        "targets_set": report.TARGETS,
    }
    try:
        results["scale"] = {str(n): scenarios.scale(bench, n) for n in args.sizes}
        if not args.no_real:
            results["real"] = scenarios.real(bench)
        if not args.no_england:
            boroughs, services = args.england
            results["england"] = scenarios.england(bench, boroughs, services)
    finally:
        if args.keep:
            say(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["targets"] = report.targets(results)
    results["failures"] = runner.failures
    results["seconds"] = time.perf_counter() - started
    args.results.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(report.report(results))
    for failure in runner.failures:
        print(f"\nFAILED: {failure}", file=sys.stderr)
    say(f"done in {results['seconds'] / 60:.1f} min; results in {args.results}")
    return 1 if runner.failures else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=_sizes, default=_sizes(SIZES), help="services in one borough"
    )
    parser.add_argument("--no-real", action="store_true", help="leave out the real data")
    parser.add_argument("--no-england", action="store_true", help="leave out England")
    parser.add_argument(
        "--england", type=_england, default=_england(ENGLAND), help="boroughs x services"
    )
    parser.add_argument(
        "--budget", type=float, default=BUDGET_S, help="seconds a run may be predicted to take"
    )
    parser.add_argument(
        "--full", action="store_true", help="run everything, whatever the prediction"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--results", type=Path, default=RESULTS)
    return parser


def _sizes(text: str) -> list[int]:
    return [int(size.replace(",", "").replace("_", "")) for size in text.split(",") if size]


def _england(text: str) -> tuple[int, int]:
    boroughs, _, services = text.partition("x")
    return int(boroughs), int(services)


def machine() -> dict:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory": f"{memory / 1024**3:.0f} GB",
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": {package: _version(package) for package in PACKAGES},
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _commit() -> str | None:
    run = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True
    )
    return run.stdout.strip() if run.returncode == 0 else None


if __name__ == "__main__":
    sys.exit(main())
