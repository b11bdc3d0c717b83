"""Publish a numbered version of every borough's site with mike, on the local gh-pages branch.

Every borough is built by our own pipeline (the builder, then search, PDFs and the other
after-build steps) for this version, then committed by mike under its own prefix, so each
borough has its own versions.json and its version selector lists only its own versions.
The `latest` alias moves to the new version and is the default. mike writes nothing at the
branch root, so the landing page listing the boroughs is committed there separately.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import subprocess
import tempfile
from pathlib import Path

from ..data.dataset import Dataset
from ..editions.edition import current_edition
from ..editions.published import BRANCH
from .build import Options, build_all, landing_html

LATEST = "latest"


class PublishFailed(Exception):
    pass


def publish(dataset: Dataset, version: str, branch: str = BRANCH, options: Options | None = None):
    from mike import commands, git_utils

    root = dataset.root
    _require_clean_checkout(root)
    edition = current_edition(root, version)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "site"
        build_all(dataset, out, dataclasses.replace(options or Options(), reuse=False), edition)
        # mike commits with git in the current folder: the project's.
        with contextlib.chdir(root):
            for borough in dataset.boroughs:
                cfg = {"site_dir": str(out / borough.id), "use_directory_urls": True}
                # Publishing what is already there changes nothing: mike says so by raising.
                with contextlib.suppress(git_utils.GitEmptyCommit), commands.deploy(
                    cfg, version, version, [LATEST], update_aliases=True,
                    alias_type=commands.AliasType.redirect, branch=branch,
                    deploy_prefix=borough.id,
                ):  # fmt: skip
                    pass  # the site is already built; mike commits it as it stands
                with contextlib.suppress(git_utils.GitEmptyCommit):
                    commands.set_default(LATEST, branch=branch, deploy_prefix=borough.id)
    _commit_landing(root, branch, landing_html(dataset, f"{LATEST}/"), version)


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
