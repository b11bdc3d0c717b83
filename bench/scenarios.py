"""What the benchmark measures: a borough grown in size, the real data, and England.

Each scenario returns plain values for bench/results.json; bench/report.py turns them into
tables and the targets. Every build is the real command (`handbook build`), in its own
process, in a temporary project made by bench/synthetic.py or copied from this repository.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from handbook.builders.base import script
from handbook.data.dataset import load_dataset

from . import edits, growth, plain, synthetic, weight
from .runner import Run, Runner, say

CHECK_RUNS = 3
REPEAT_UNDER_S = 20.0  # a build this quick is run twice and the faster kept
PLAIN_UP_TO = 1_000  # plain builds grow with the square of the size: larger ones are predicted
ENGLAND_SAMPLE = 2  # boroughs built with PDFs, from which the PDFs of all of England are predicted
BUILT = re.compile(r"built (\S+) in ([\d.]+) s")
PDFS = re.compile(r"PDFs for (\S+): .* in ([\d.]+) s")


@dataclass
class Bench:
    """Where the benchmark works, what it may skip, and what it measured so far."""

    runner: Runner
    work: Path
    budget_s: float  # a run predicted to take longer is predicted, not run
    full: bool = False  # run everything, whatever the prediction
    ours: list[tuple[float, float]] = field(default_factory=list)  # (services, s)
    plain: list[tuple[float, float]] = field(default_factory=list)

    def too_long(self, predicted: float | None) -> bool:
        return predicted is not None and predicted > self.budget_s and not self.full


# --- one borough, grown


def scale(bench: Bench, services: int) -> dict:
    """One borough of `services` services: check, our build, the plain build, page weight."""
    name = f"scale-{services}"
    root = synthetic.generate(bench.work / name / "project", services, boroughs=1)
    runner = bench.runner
    say(f"{name}: check")
    runs = CHECK_RUNS if services < 10_000 else 2
    checks = [runner.run(f"{name}-check-{i}", runner.handbook(root, "check")) for i in range(runs)]
    result: dict = {"services": services}
    # The first check of a new project reads every file; the next ones read back what it
    # kept of the files that did not change (src/handbook/data/load_cache.py).
    result["check_cold"] = asdict(checks[0])
    result["check"] = asdict(min(checks[1:], key=lambda r: (not r.ok, r.wall)))
    site = bench.work / name / "site"
    predicted = growth.predict(bench.ours, services)
    if bench.too_long(predicted):
        say(f"{name}: our build not run, {predicted:.0f} s predicted")
        result["ours_predicted"] = predicted
        return result
    result["ours_predicted"] = predicted
    say(f"{name}: our build")
    build = ["build", "--no-pdfs", "--no-reuse", "--out", str(site)]
    ours = _quickest(runner, f"{name}-ours", runner.handbook(root, *build))
    result["ours"] = asdict(ours)
    if not ours.ok:
        return result
    bench.ours.append((services, ours.wall))
    dataset, _ = load_dataset(root)
    borough = dataset.boroughs[0]
    result["site"] = weight.figures(site / borough.id, weight.service_pages(dataset, borough.id))
    docs = site.with_name(site.name + ".stage") / borough.id
    result.update(_plain(bench, name, services, docs, borough.name))
    shutil.rmtree(bench.work / name, ignore_errors=True)  # gigabytes at 10,000 services
    return result


def _plain(bench: Bench, name: str, services: int, docs: Path, site_name: str) -> dict:
    predicted = growth.predict(bench.plain, services)
    # Above PLAIN_UP_TO a plain build is predicted (it grows with the square of the size, so
    # it would take most of the benchmark's time), unless --full runs it.
    if services > PLAIN_UP_TO and not bench.full:
        say(f"{name}: plain build not run (predicted: {predicted or 0:.0f} s)")
        return {"plain_predicted": predicted}
    run = _plain_build(bench, name, docs, site_name)
    if run.ok:
        bench.plain.append((services, run.wall))
    return {"plain": asdict(run), "plain_predicted": predicted}


def _quickest(runner: Runner, label: str, command: list[str]) -> Run:
    first = runner.run(f"{label}-0", command)
    if not first.ok or first.wall > REPEAT_UNDER_S:
        return first
    return min(first, runner.run(f"{label}-1", command), key=lambda r: (not r.ok, r.wall))


# --- the real data


def real(bench: Bench) -> dict:
    """This repository's data: check, builds without and with PDFs, one number changed."""
    runner = bench.runner
    root = edits.copy_real_project(bench.work / "real" / "project")
    say("real: check")
    result: dict = {"check": asdict(runner.best("real-check", runner.handbook(root, "check"), 3))}
    dataset, _ = load_dataset(root)
    result["services"] = len(dataset.services)
    say("real: our build without PDFs")
    quick = bench.work / "real" / "quick"
    ours = _quickest(
        runner,
        "real-ours",
        runner.handbook(root, "build", "--no-pdfs", "--no-reuse", "--out", str(quick)),
    )
    result["ours"] = asdict(ours)
    if ours.ok:
        result["site"] = {
            b.id: weight.figures(quick / b.id, weight.service_pages(dataset, b.id))
            for b in dataset.boroughs
        }
        plains = [
            _plain_build(bench, f"real-{b.id}", quick.with_name("quick.stage") / b.id, b.name)
            for b in dataset.boroughs
        ]
        if all(run.ok for run in plains):
            result["plain"] = {
                "wall": sum(r.wall for r in plains),
                "cpu": sum(r.cpu for r in plains),
                "status": 0,
            }
    result.update(incremental(bench, "real", root, pdfs=True))
    return result


def _plain_build(bench: Bench, name: str, docs: Path, site_name: str) -> Run:
    say(f"{name}: plain MkDocs + Material build")
    folder = bench.work / name / "plain"
    config = plain.write_config(docs, site_name, folder / "mkdocs.yml")
    command = [script("mkdocs"), "build", "--quiet", "--config-file", str(config)]
    return _quickest(bench.runner, f"{name}-plain", [*command, "--site-dir", str(folder / "site")])


def incremental(bench: Bench, name: str, root: Path, *, pdfs: bool) -> dict:
    """A clean build, then one number changed and the build run again.

    The rebuild must rebuild exactly the edited borough and show the new number: a benchmark
    that timed a build which had silently not picked up the change would be worse than none.
    """
    runner = bench.runner
    site = bench.work / name / "site"
    options = [] if pdfs else ["--no-pdfs"]
    say(f"{name}: clean build{' with PDFs' if pdfs else ''}")
    clean = runner.run(
        f"{name}-clean", runner.handbook(root, "build", *options, "--no-reuse", "--out", str(site))
    )
    result: dict = {"clean": asdict(clean), "pdf_seconds": _seconds(PDFS, clean)}
    if not clean.ok:
        return result
    borough, contact, old, new = edits.change_one_number(root)
    say(f"{name}: {contact} changed from {old} to {new}; rebuild")
    again = runner.run(
        f"{name}-rebuild", runner.handbook(root, "build", *options, "--out", str(site))
    )
    rebuilt = sorted(_seconds(BUILT, again))
    result.update(
        edit={"borough": borough, "contact": contact, "old": old, "new": new},
        rebuild=asdict(again),
        rebuilt=rebuilt,
        boroughs=len(_seconds(BUILT, clean)),
    )
    if again.ok and rebuilt != [borough]:
        # Also when this package's code changed between the two builds: it is an input.
        runner.fail(f"{name}: the rebuild built {len(rebuilt)} boroughs, not just {borough}")
    if again.ok and not _shows(site / borough, new):
        runner.fail(f"{name}: no page of {borough} shows the new number {new}")
    return result


def _seconds(pattern: re.Pattern, run: Run) -> dict[str, float]:
    return {m[1]: float(m[2]) for m in pattern.finditer(run.output())}


def _shows(site: Path, number: str) -> bool:
    return any(number in page.read_text(encoding="utf-8") for page in site.rglob("*.html"))


# --- England


def england(bench: Bench, boroughs: int, services: int) -> dict:
    """Every borough of England at `services` services each: a full build, then one number.

    With PDFs that would take longer than the whole benchmark may (about 20 s of PDFs per
    borough), so unless --full the whole country is built without PDFs, a sample of
    boroughs with them, and the full build with PDFs predicted from the two.
    """
    result: dict = {"boroughs": boroughs, "services_per_borough": services}
    root = synthetic.generate(bench.work / "england" / "project", boroughs * services, boroughs)
    result["check"] = asdict(
        bench.runner.run("england-check", bench.runner.handbook(root, "check"))
    )
    result["country"] = incremental(bench, "england", root, pdfs=bench.full)
    shutil.rmtree(bench.work / "england", ignore_errors=True)
    if bench.full:
        return result
    sample = min(ENGLAND_SAMPLE, boroughs)
    root = synthetic.generate(bench.work / "england-sample" / "project", sample * services, sample)
    result["sample"] = incremental(bench, "england-sample", root, pdfs=True)
    shutil.rmtree(bench.work / "england-sample", ignore_errors=True)
    result["predicted"] = _england_with_pdfs(result, boroughs)
    return result


def _england_with_pdfs(result: dict, boroughs: int) -> dict | None:
    """The country's builds with PDFs: without them, plus each borough's PDFs as measured
    in the sample, shared between the cores as the build shares them."""
    country, sample = result["country"], result["sample"]
    if "rebuild" not in country or not sample.get("pdf_seconds"):
        return None
    per_borough = sum(sample["pdf_seconds"].values()) / len(sample["pdf_seconds"])
    cores = os.cpu_count() or 1
    return {
        "pdf_seconds_per_borough": per_borough,
        "clean": country["clean"]["wall"] + boroughs * per_borough / cores,
        "rebuild": country["rebuild"]["wall"] + per_borough,
    }
