"""Publish a numbered version of every borough's site with mike, on the local gh-pages branch.

Each borough is deployed under its own prefix, so each has its own versions.json and its
version selector lists only its own versions. The `latest` alias moves to the new version
and is the default. mike writes nothing at the branch root, so the landing page listing the
boroughs is committed there separately.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ..data.dataset import Dataset
from ..editions.edition import VERSION_ENV
from ..editions.published import BRANCH
from .build import borough_env, landing_html

LATEST = "latest"


class PublishFailed(Exception):
    pass


def publish(dataset: Dataset, version: str, branch: str = BRANCH) -> None:
    root = dataset.root
    _require_clean_checkout(root)
    for borough in dataset.boroughs:
        with borough_env(borough.id, {VERSION_ENV: version}):
            _mike(root, "deploy", "--deploy-prefix", borough.id, "--branch", branch,
                  "--config-file", str(root / "mkdocs.yml"), "--update-aliases",
                  "--alias-type", "redirect", "--title", version, version, LATEST)  # fmt: skip
            _mike(root, "set-default", "--deploy-prefix", borough.id, "--branch", branch,
                  "--config-file", str(root / "mkdocs.yml"), LATEST)  # fmt: skip
    _commit_landing(root, branch, landing_html(dataset), version)


def _mike(root: Path, *args: str) -> None:
    # mike has no `python -m` entry point and runs `mkdocs` by name: both scripts sit
    # beside this interpreter, which need not be on PATH (`.venv/bin/handbook publish`).
    scripts = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        [str(scripts / "mike"), *args], cwd=root, capture_output=True, text=True, env=env
    )
    if result.returncode != 0:
        raise PublishFailed(f"mike {args[0]} failed:\n{result.stderr.strip()}")


def _require_clean_checkout(root: Path) -> None:
    # A published version must be reproducible from a commit: refuse uncommitted data.
    status = _git(root, "status", "--porcelain", "--", "data", "content", "mkdocs.yml")
    if status:
        raise PublishFailed(
            "commit your changes to data/, content/ and mkdocs.yml before publishing:\n" + status
        )


def _commit_landing(root: Path, branch: str, html: str, version: str) -> None:
    """Commit index.html at the branch root without touching the working tree."""
    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "index"
        env = {"GIT_INDEX_FILE": str(index)}
        _git(root, "read-tree", branch, env=env)
        blob = _git(root, "hash-object", "-w", "--stdin", input_text=html)
        _git(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},index.html", env=env)
        tree = _git(root, "write-tree", env=env)
        parent = _git(root, "rev-parse", branch)
        message = f"Landing page listing the boroughs (version {version})"
        commit = _git(root, "commit-tree", tree, "-p", parent, "-m", message)
        _git(root, "update-ref", f"refs/heads/{branch}", commit, parent)


def _git(root: Path, *args: str, env: dict | None = None, input_text: str | None = None) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True, text=True, input=input_text,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    if result.returncode != 0:
        raise PublishFailed(f"git {args[0]} failed: {result.stderr.strip()}")
    return result.stdout.strip()
