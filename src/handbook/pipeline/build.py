"""Build every borough's site into site/<id>/, plus the landing page listing them.

The one way through, for a data set that has already been checked once:

1. render each borough to a stage folder on disk: its Markdown pages, its builder
   configuration and its manifest (src/handbook/site/stage.py);
2. for each borough, a hash of everything its site is made from; a borough whose hash is
   the one recorded with the previous site/ is taken from there as it is;
3. the others are built, each in its own process up to the machine's cores: the builder,
   then our after-build steps (src/handbook/pipeline/steps.py);
4. the landing page, and the result swapped in for the previous site/.

Everything is built into a staging folder and swapped in only when every borough built, so a
failed build leaves the previous site/ as it was.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .. import builders
from ..data.dataset import Dataset
from ..editions.changes import since_published
from ..editions.edition import Edition, current_edition
from ..postbuild.hardening import harden_page
from ..site.render import environment, render_borough
from ..site.stage import THEME_DIR, Stage, write_stage
from .inputs import HASHES_FILE, input_hash
from .steps import run_steps

log = logging.getLogger("handbook")

BuildFailed = builders.BuildFailed


@dataclass(frozen=True)
class Options:
    """How to build: which builder, whether to print the PDFs, how many processes."""

    builder: str = builders.DEFAULT
    pdfs: bool = True
    jobs: int | None = None  # default: one per core
    reuse: bool = True  # take unchanged boroughs from the previous site


@dataclass(frozen=True)
class Job:
    """One borough to build: plain values, so that it can be sent to another process."""

    stage: Stage
    site_dir: Path
    builder: str
    pdfs: bool


@dataclass(frozen=True)
class Report:
    built: list[str]
    reused: list[str]
    seconds: dict[str, float]


def build_all(
    dataset: Dataset, out: Path, options: Options | None = None, edition: Edition | None = None
) -> Report:
    options = options or Options()
    builder = builders.get(options.builder)
    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        stages = render_all(dataset, out.with_name(out.name + ".stage"), edition)
        previous = _recorded_hashes(out) if options.reuse else {}
        hashes = {stage.borough: input_hash(stage, builder, options.pdfs) for stage in stages}
        reused = [b for b, h in hashes.items() if previous.get(b) == h and (out / b).is_dir()]
        for borough_id in reused:
            _copy_tree(out / borough_id, staging / borough_id)
            log.info("%s unchanged: taken from the previous site", borough_id)
        jobs = [
            Job(stage, staging / stage.borough, options.builder, options.pdfs)
            for stage in stages
            if stage.borough not in reused
        ]
        seconds = _run(jobs, options.jobs)
        write_landing(dataset, staging)
        (staging / HASHES_FILE).write_text(json.dumps(hashes, indent=1, sort_keys=True) + "\n")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, out)
    return Report([job.stage.borough for job in jobs], reused, seconds)


def render_all(dataset: Dataset, stage_root: Path, edition: Edition | None = None) -> list[Stage]:
    """Render every borough to disk under `stage_root`; boroughs no longer in the data go."""
    edition = edition or current_edition(dataset.root)
    stage_root.mkdir(parents=True, exist_ok=True)
    stages = []
    for borough in dataset.boroughs:
        changes = since_published(dataset, borough.id, edition.version)
        site = render_borough(dataset, borough.id, edition, changes)
        stages.append(write_stage(dataset, site, stage_root))
    wanted = {s.docs.name for s in stages} | {s.config.name for s in stages}
    wanted |= {s.manifest.name for s in stages}
    for leftover in stage_root.iterdir():
        if leftover.name not in wanted:
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    return stages


def build_one(job: Job) -> float:
    """Build one borough and run the after-build steps on it; the seconds it took."""
    started = time.perf_counter()
    builders.get(job.builder).build(job.stage.config, job.site_dir)
    run_steps(job.site_dir, job.stage.read_manifest(), pdfs=job.pdfs)
    return time.perf_counter() - started


def _run(jobs: list[Job], processes: int | None) -> dict[str, float]:
    processes = min(processes or os.cpu_count() or 1, len(jobs))
    seconds: dict[str, float] = {}
    if processes <= 1:
        for job in jobs:
            seconds[job.stage.borough] = _built(job, build_one(job))
        return seconds
    with ProcessPoolExecutor(max_workers=processes) as pool:
        futures = {job.stage.borough: (job, pool.submit(build_one, job)) for job in jobs}
        for borough_id, (job, future) in futures.items():
            seconds[borough_id] = _built(job, future.result())
    return seconds


def _built(job: Job, seconds: float) -> float:
    log.info("built %s in %.1f s", job.stage.borough, seconds)
    return seconds


def _recorded_hashes(out: Path) -> dict[str, str]:
    try:
        return json.loads((out / HASHES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _copy_tree(source: Path, target: Path) -> None:
    """A copy that costs nothing where it can: hard links to the previous site's files,
    which nothing writes to again."""
    try:
        shutil.copytree(source, target, copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)


def landing_html(dataset: Dataset, inside: str = "") -> str:
    """The page listing the boroughs, with one search box over all of them: the box is the
    one every borough's pages have (a theme override, so read from the project's overrides/).
    `inside` is where a borough's site sits in its folder: '' in site/, 'latest/' where mike
    published versions."""
    overrides = jinja2.FileSystemLoader(dataset.root / THEME_DIR)
    env = environment().overlay(loader=jinja2.ChoiceLoader([environment().loader, overrides]))
    sites = [{"root": f"{b.id}/{inside}", "name": b.name} for b in dataset.boroughs]
    page = env.get_template("landing.html.j2").render(
        boroughs=dataset.boroughs, sites=sites, assets=sites[0]["root"]
    )
    return harden_page(page)


def write_landing(dataset: Dataset, site_dir: Path) -> None:
    (site_dir / "index.html").write_text(landing_html(dataset), encoding="utf-8")


def _swap_in(staging: Path, out: Path) -> None:
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
