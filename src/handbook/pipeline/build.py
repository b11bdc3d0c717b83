"""Build every borough's site into site/<id>/, plus the landing page listing them.

Everything is built into a staging folder first and swapped in only when every borough
built, so data that fails validation, or a failed build, leaves the previous site/ as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..builders.mkdocs_hooks import BOROUGH_ENV
from ..data.dataset import Dataset
from ..postbuild.hardening import harden
from ..site.render import environment

log = logging.getLogger("handbook")


class BuildFailed(Exception):
    pass


@contextmanager
def borough_env(borough_id: str, extra: dict[str, str] | None = None):
    """Set the environment the MkDocs hook reads for one borough's build, then restore it."""
    values = {BOROUGH_ENV: borough_id, **(extra or {})}
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_borough(root: Path, borough_id: str, site_dir: Path) -> None:
    with borough_env(borough_id):
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        try:
            mkdocs_build(config)
        except MkDocsException as error:
            raise BuildFailed(f"{borough_id}: {error}") from None


def build_all(dataset: Dataset, out: Path) -> None:
    root = dataset.root
    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        for borough in dataset.boroughs:
            started = time.perf_counter()
            build_borough(root, borough.id, staging / borough.id)
            harden(staging / borough.id)
            log.info("built %s in %.1f s", borough.id, time.perf_counter() - started)
        write_landing(dataset, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, out)


def landing_html(dataset: Dataset) -> str:
    return environment().get_template("landing.html.j2").render(boroughs=dataset.boroughs)


def write_landing(dataset: Dataset, site_dir: Path) -> None:
    (site_dir / "index.html").write_text(landing_html(dataset), encoding="utf-8")


def _swap_in(staging: Path, out: Path) -> None:
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
