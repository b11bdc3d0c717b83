"""`make bench`: what checking and building cost as the data grows.

For synthetic data of 100, 1,000 and 10,000 services (bench/synthetic.py) and for the real
data, in a temporary folder, this times:

- `handbook check` (best of three runs, each in a fresh process, as an editor runs it);
- where check and render spend their time, phase by phase (bench/phases.py);
- our build, `handbook build` with HANDBOOK_PDF=0, and side by side a plain `mkdocs build`
  of the same Markdown written to disk by `handbook render` (bench/plain.py): the ratio of
  the two is the cost of our layer;
- the PDFs on their own (bench/pdfs.py), up to 1,000 services;
- for the real data, the full build with PDFs, a typical service page's weight (HTML, CSS,
  JS) and the size of the search index.

Every command runs in its own process; wall time is what a user waits, CPU time (user +
system) is what the process itself used and is steadier on a shared machine. A build
predicted to take over four minutes is not run (the table says so) unless --full is given.
Prints a table and writes bench/results.json.

    python -m bench.run [--sizes 100,1000,10000] [--no-real] [--full] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from bench import synthetic, weight

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results.json"
SIZES = (100, 1_000, 10_000)
PDF_LIMIT = 1_000  # PDFs cost about a second per service: more would take many minutes
# A build predicted (from the previous size, per page) to take longer than this is not run
# unless --full is given, so that `make bench` stays within about 15 minutes; the table says
# so. Builds are near linear in pages (sections of 100 and navigation.prune).
BUILD_BUDGET_S = 240.0
# A build this quick is run twice and the faster kept: the machine is shared.
REPEAT_UNDER_S = 30.0
CHECK_RUNS = 3
TARGETS = {
    "check_10000_s": 3.0,  # `handbook check` of 10,000 services, and growing linearly
    "build_ratio": 1.25,  # our build / plain MkDocs build of the same pages
    "real_full_build_s": 60.0,  # all boroughs with PDFs, on 2 cores
}


@dataclass
class Run:
    """One command: how long it took, and whether it worked."""

    wall: float
    cpu: float
    status: int
    log: str

    @property
    def ok(self) -> bool:
        return self.status == 0


class Bench:
    """Runs the commands of one benchmark in a work folder, logging each to a file."""

    def __init__(self, work: Path, full: bool = False):
        self.work = work
        self.full = full
        self.failures: list[str] = []
        self.handbook = _handbook_command()
        self.last_build: tuple[int, float, float] | None = None  # pages, ours, plain (s)

    def run(self, label: str, command: list[str], **env: str) -> Run:
        log = self.work / "logs" / f"{label}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        with log.open("w", encoding="utf-8") as out:
            status = subprocess.run(
                command, cwd=REPO, env=environment, stdout=out, stderr=subprocess.STDOUT
            ).returncode
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if status != 0:
            self.failures.append(f"{label} exited {status}; see {log}:\n{_tail(log)}")
        return Run(wall, cpu, status, str(log))

    def best(self, label: str, command: list[str], runs: int, **env: str) -> Run:
        """The fastest of `runs` runs: the others were slowed by the machine, not by us."""
        results = [self.run(f"{label}-{i}", command, **env) for i in range(runs)]
        return min(results, key=lambda r: (not r.ok, r.wall))

    def handbook_cmd(self, root: Path, *args: str) -> list[str]:
        return [*self.handbook, "--root", str(root), *args]

    def module(self, name: str, *args: object) -> list[str]:
        return [sys.executable, "-m", name, *map(str, args)]


def measure(bench: Bench, name: str, root: Path, services: int, real: bool = False) -> dict:
    """Every measurement of one project; steps whose input failed are left out."""
    work = bench.work / name
    work.mkdir(parents=True, exist_ok=True)
    say(f"{name}: check")
    result: dict = {"services": services}
    check = bench.best(f"{name}-check", bench.handbook_cmd(root, "check"), CHECK_RUNS)
    result["check"] = asdict(check)
    phases = _phases(bench, name, root, work)
    # Stored without the list of every service page: the later steps need it, the record
    # does not (at 10,000 services it was almost all of results.json).
    result["phases"] = _without_page_lists(phases)
    if not check.ok or phases is None or phases["errors"]:
        return result
    result["pages"] = sum(site["pages"] for site in phases["sites"].values())
    result.update(_builds(bench, name, root, work, services, phases))
    if "ours" not in result or result["ours"]["status"] != 0:
        return result
    result["site"] = _site_figures(work / "site", phases)
    if services <= PDF_LIMIT:
        say(f"{name}: PDFs")
        result["pdfs"] = _pdfs(bench, name, root, work)
    if real:
        say(f"{name}: full build with PDFs")
        full = bench.run(
            f"{name}-full-build", bench.handbook_cmd(root, "build", "--out", str(work / "full"))
        )
        result["full_build"] = asdict(full)
    return result


def _without_page_lists(phases: dict | None) -> dict | None:
    if phases is None:
        return None
    sites = {
        borough: {key: value for key, value in site.items() if key != "service_pages"}
        for borough, site in phases.get("sites", {}).items()
    }
    return {**phases, "sites": sites}


def _phases(bench: Bench, name: str, root: Path, work: Path) -> dict | None:
    say(f"{name}: phases")
    out = work / "phases.json"
    run = bench.run(f"{name}-phases", bench.module("bench.phases", root, out))
    return json.loads(out.read_text(encoding="utf-8")) if run.ok else None


def _builds(bench: Bench, name: str, root: Path, work: Path, services: int, phases: dict) -> dict:
    """Our build and the plain MkDocs build of the same Markdown, run alternately."""
    pages = sum(site["pages"] for site in phases["sites"].values())
    predicted = _predicted(bench, pages)
    if predicted and max(predicted) > BUILD_BUDGET_S and not bench.full:
        say(f"{name}: builds not run, about {max(predicted) / 60:.0f} min each predicted")
        return {"builds_skipped": {"predicted_ours": predicted[0], "predicted_plain": predicted[1]}}
    say(f"{name}: render")
    rendered = work / "rendered"
    render = bench.run(f"{name}-render", bench.handbook_cmd(root, "render", "--out", str(rendered)))
    out: dict = {"render_command": asdict(render)}
    if not render.ok:
        return out
    settings = work / "plain-settings.json"
    plain_settings = {
        b: {k: site[k] for k in ("site_name", "extra")} for b, site in phases["sites"].items()
    }
    settings.write_text(json.dumps(plain_settings), encoding="utf-8")
    ours_cmd = bench.handbook_cmd(root, "build", "--out", str(work / "site"))
    plain_cmd = bench.module("bench.plain", root, rendered, work / "plain", settings)
    ours: list[Run] = []
    plain: list[Run] = []
    while not ours or (len(ours) < 2 and ours[0].wall < REPEAT_UNDER_S):
        say(f"{name}: our build (run {len(ours) + 1})")
        ours.append(bench.run(f"{name}-ours-{len(ours)}", ours_cmd, HANDBOOK_PDF="0"))
        say(f"{name}: plain mkdocs build (run {len(plain) + 1})")
        plain.append(bench.run(f"{name}-plain-{len(plain)}", plain_cmd))
    best_ours = min(ours, key=lambda r: (not r.ok, r.wall))
    best_plain = min(plain, key=lambda r: (not r.ok, r.wall))
    out.update(ours=asdict(best_ours), plain=asdict(best_plain), build_runs=len(ours))
    if best_ours.ok and best_plain.ok:
        out["ratio"] = best_ours.wall / best_plain.wall
        out["cpu_ratio"] = best_ours.cpu / best_plain.cpu
        bench.last_build = (pages, best_ours.wall, best_plain.wall)
    return out


def _predicted(bench: Bench, pages: int) -> tuple[float, float] | None:
    """(ours, plain) seconds expected for `pages`, scaled per page from the last build."""
    if bench.last_build is None:
        return None
    last_pages, ours, plain = bench.last_build
    return ours * pages / last_pages, plain * pages / last_pages


def _pdfs(bench: Bench, name: str, root: Path, work: Path) -> dict | None:
    out = work / "pdfs.json"
    run = bench.run(f"{name}-pdfs", bench.module("bench.pdfs", root, work / "site", out))
    if not run.ok:
        return None
    boroughs = json.loads(out.read_text(encoding="utf-8"))["boroughs"]
    total = {
        key: sum(b[key] for b in boroughs.values())
        for key in ("wall", "cpu", "files", "bytes", "pages")
    }
    return {**total, "process": asdict(run), "boroughs": boroughs}


def _site_figures(site: Path, phases: dict) -> dict:
    """Page weight of a typical service page and the search index, per borough."""
    figures = {}
    for borough_id, info in phases["sites"].items():
        borough_site = site / borough_id
        page = weight.typical_page(borough_site, info["service_pages"])
        figures[borough_id] = {
            "service_page": weight.page_weight(borough_site, page) if page else None,
            "service_html": weight.html_sizes(borough_site, info["service_pages"]),
            "search_index": weight.search_index(borough_site),
            "site_bytes": weight.site_bytes(borough_site),
            "markdown_bytes": info["markdown_bytes"],
        }
    return figures


# --- the report


def table(results: dict) -> str:
    rows = [
        "| data | services | pages | check | render | our build | plain mkdocs "
        "| ratio (CPU ratio) | PDFs | full build with PDFs |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results["data"].items():
        render = _sum_phase(r, "render")
        ratio = f"{r['ratio']:.2f} ({r['cpu_ratio']:.2f})" if "ratio" in r else "-"
        pdfs = r.get("pdfs")
        pdf_text = f"{_s(pdfs['wall'])} ({pdfs['pages']} pages)" if pdfs else _pdf_note(r)
        once = " (1 run)" if r.get("build_runs") == 1 else ""
        ours, plain = f"{_s(r.get('ours'))}{once}", f"{_s(r.get('plain'))}{once}"
        if "builds_skipped" in r:
            skipped = r["builds_skipped"]
            # Scaled linearly from the last build: a lower bound (see README, Performance).
            ours = f"not run (at least {skipped['predicted_ours'] / 60:.0f} min predicted)"
            plain = f"not run (at least {skipped['predicted_plain'] / 60:.0f} min predicted)"
        rows.append(
            f"| {name} | {r['services']:,} | {r.get('pages', '-'):,} | {_s(r['check'])} | "
            f"{_s(render)} | {ours} | {plain} | {ratio} | {pdf_text} | "
            f"{_s(r.get('full_build'))} |"
        )
    return "\n".join(rows)


def where_time_goes(results: dict) -> str:
    rows = [
        "| data | YAML + models | rules (markup) | render | MkDocs (plain build) "
        "| our layer in the build | PDFs |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results["data"].items():
        phases = r.get("phases")
        if not phases:
            continue
        rules = sum(v["wall"] for v in phases["rules"].values())
        markup = phases["rules"].get("markup", {}).get("wall", 0.0)
        layer = r["ours"]["wall"] - r["plain"]["wall"] if "ratio" in r else None
        pdfs = r.get("pdfs")
        rows.append(
            f"| {name} | {_s(phases['load']['wall'])} | {_s(rules)} ({_s(markup)}) | "
            f"{_s(_sum_phase(r, 'render'))} | {_s(r.get('plain'))} | {_s(layer)} | "
            f"{_s(pdfs['wall']) if pdfs else '-'} |"
        )
    return "\n".join(rows)


def weights(results: dict) -> str:
    rows = [
        "| data | borough | service page HTML | CSS | JS | page total (gzip) "
        "| search worker + index | whole site |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results["data"].items():
        for borough_id, site in (r.get("site") or {}).items():
            page = site["service_page"]
            if not page:
                continue
            total = sum(page[k]["bytes"] for k in ("html", "css", "js"))
            gz = sum(page[k]["gzip"] for k in ("html", "css", "js"))
            search = page["search_worker"]["bytes"] + site["search_index"]
            rows.append(
                f"| {name} | {borough_id} | {_kb(page['html']['bytes'])} | "
                f"{_kb(page['css']['bytes'])} | {_kb(page['js']['bytes'])} | "
                f"{_kb(total)} ({_kb(gz)}) | {_kb(search)} | {_kb(site['site_bytes'])} |"
            )
    return "\n".join(rows)


def targets(results: dict) -> list[dict]:
    data = results["data"]
    out = []
    if "10,000" in data:
        big = data["10,000"]["check"]["wall"]
        line = (
            f"check of 10,000 services: {big:.2f} s (target under {TARGETS['check_10000_s']:.0f} s)"
        )
        out.append({"target": line, "met": big < TARGETS["check_10000_s"]})
    growth = _marginal_check_costs(data)
    if len(growth) > 1:
        steps = ", ".join(f"{ms:.2f} ms from {a} to {b}" for a, b, ms in growth)
        worst = max(ms for *_, ms in growth) / min(ms for *_, ms in growth)
        line = f"check grows linearly: each added service costs {steps}"
        out.append({"target": line, "met": worst < 1.5})
    ratios = {name: r["ratio"] for name, r in data.items() if "ratio" in r}
    if ratios:
        worst = max(ratios, key=ratios.get)
        line = (
            f"our build / plain MkDocs: at most {ratios[worst]:.2f} ({worst}) "
            f"(target at most {TARGETS['build_ratio']})"
        )
        out.append({"target": line, "met": ratios[worst] <= TARGETS["build_ratio"]})
    full = data.get("real", {}).get("full_build")
    if full:
        line = (
            f"real data, all boroughs with PDFs: {full['wall']:.1f} s "
            f"(target under {TARGETS['real_full_build_s']:.0f} s)"
        )
        out.append(
            {
                "target": line,
                "met": full["status"] == 0 and full["wall"] < TARGETS["real_full_build_s"],
            }
        )
    return out


def _marginal_check_costs(data: dict) -> list[tuple[str, str, float]]:
    """(from, to, ms per added service) between successive synthetic sizes.

    The difference between sizes leaves out what every run pays whatever the size (start-up,
    imports, the fixed-size glossary and levels), so equal figures mean linear growth.
    """
    sizes = [(name, r) for name, r in data.items() if name != "real"]
    return [
        (
            a,
            b,
            (rb["check"]["wall"] - ra["check"]["wall"]) / (rb["services"] - ra["services"]) * 1000,
        )
        for (a, ra), (b, rb) in zip(sizes, sizes[1:], strict=False)
    ]


def report(results: dict) -> str:
    m = results["machine"]
    lines = [
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory']} memory, "
        f"Python {m['python']}; {results['date']}",
        "",
        table(results),
        "",
        "Where the time goes (seconds, wall):",
        "",
        where_time_goes(results),
        "",
        "Page weight (typical service page: the median-sized one) and search index:",
        "",
        weights(results),
        "",
        "Targets:",
        *(f"- [{'met' if t['met'] else 'NOT met'}] {t['target']}" for t in results["targets"]),
    ]
    return "\n".join(lines)


def _sum_phase(result: dict, phase: str) -> float | None:
    phases = result.get("phases") or {}
    values = phases.get(phase)
    return sum(v["wall"] for v in values.values()) if values else None


def _pdf_note(result: dict) -> str:
    return "not run (over 1,000 services)" if result["services"] > PDF_LIMIT else "-"


def _s(value) -> str:
    """Seconds, from a number or a run; '-' where there is none, 'failed' for a failed run."""
    if value is None:
        return "-"
    if isinstance(value, dict):
        return f"{value['wall']:.2f} s" if value["status"] == 0 else "failed"
    return f"{value:.2f} s"


def _kb(size: int) -> str:
    if size < 10 * 1024**2:
        return f"{size / 1024:,.0f} KB"
    return f"{size / 1024**2:,.1f} MB" if size < 1024**3 else f"{size / 1024**3:,.1f} GB"


def _tail(log: Path, lines: int = 15) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def _handbook_command() -> list[str]:
    script = Path(sys.executable).parent / "handbook"
    return [str(script)] if script.exists() else [sys.executable, "-m", "handbook.cli"]


def machine() -> dict:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory": f"{memory / 1024**3:.0f} GB",
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": {
            p: _version(p)
            for p in ("mkdocs", "mkdocs-material", "weasyprint", "PyYAML", "pydantic")
        },
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


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="numbers of services")
    parser.add_argument("--no-real", action="store_true", help="skip the real data")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--full", action="store_true", help=f"run every build, even over {BUILD_BUDGET_S:.0f} s"
    )
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    # The work folder reaches a gigabyte at 10,000 services: remove it when stopped, too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    bench = Bench(work, full=args.full)
    started = time.perf_counter()
    results: dict = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        "machine": machine(),
        "targets_set": TARGETS,
        "data": {},
    }
    try:
        for size in sizes:
            say(f"generating {size:,} services")
            root = synthetic.generate(work / f"project-{size}", size)
            results["data"][f"{size:,}"] = measure(bench, f"{size:,}".replace(",", ""), root, size)
        if not args.no_real:
            services = _real_services()
            results["data"]["real"] = measure(bench, "real", REPO, services, real=True)
    finally:
        if args.keep:
            say(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["targets"] = targets(results)
    results["failures"] = bench.failures
    results["seconds"] = time.perf_counter() - started
    args.results.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(report(results))
    for failure in bench.failures:
        print(f"\nFAILED: {failure}", file=sys.stderr)
    say(f"done in {results['seconds'] / 60:.1f} min; results in {args.results}")
    return 1 if bench.failures else 0


def _real_services() -> int:
    import yaml

    text = (REPO / "data" / "services.yaml").read_text(encoding="utf-8")
    return len(yaml.load(text, Loader=yaml.CSafeLoader).get("services") or [])


if __name__ == "__main__":
    sys.exit(main())
