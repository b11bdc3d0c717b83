"""The data as it was at a git commit: name the commit, then read data/ and content/ from it.

`handbook changes` compares that with the working tree. Nothing here touches the working
tree or the index: the files come out of `git archive` into a temporary folder.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MAIN_BRANCHES = ("main", "origin/main")  # a clone has the first; CI's detached checkout the second
DATA_PATHS = ("data", "content")


class RefError(Exception):
    """A commit that cannot be compared with, in one line a person can act on."""


def resolve(root: Path, ref: str) -> str:
    """The full hash of the commit `ref` names (a branch, tag, hash or HEAD~1)."""
    commit = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if commit is None:
        raise RefError(
            f"'{ref}' is not a branch, tag or commit in this repository "
            "(check the name; a branch of another clone needs `git fetch` first)"
        )
    return commit


def default_base(root: Path) -> tuple[str, str]:
    """(branch, commit): where this branch left main, where a pull request starts."""
    for branch in MAIN_BRANCHES:
        if _git(root, "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}") is None:
            continue
        merge_base = _git(root, "merge-base", "HEAD", branch)
        if merge_base:
            return branch, merge_base
    raise RefError(
        f"there is no branch {' or '.join(MAIN_BRANCHES)} to compare with: name a commit with "
        "--base (for example --base HEAD~1)"
    )


def short(root: Path, commit: str) -> str:
    return _git(root, "rev-parse", "--short", commit) or commit[:7]


@contextmanager
def data_at(root: Path, commit: str) -> Iterator[Path | None]:
    """A temporary folder holding data/ and content/ as they were at `commit`.

    None when the commit has no data/ at all (it comes from before the handbook had data).
    """
    present = _folders(root, commit)
    if "data" not in present:
        yield None
        return
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", commit, "--", *present],
        capture_output=True, check=False,
    )  # fmt: skip
    if archive.returncode != 0:
        raise RefError(f"git could not read data/ at {commit[:12]}: {archive.stderr.decode()}")
    with tempfile.TemporaryDirectory(prefix="handbook-base-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter=_inside)
        yield Path(folder)


def _folders(root: Path, commit: str) -> list[str]:
    """Which of data/ and content/ the commit has as folders."""
    listing = _git(root, "ls-tree", commit, "--", *DATA_PATHS) or ""
    entries = (line.split("\t", 1) for line in listing.splitlines() if "\t" in line)
    return [path for info, path in entries if info.split()[1] == "tree"]


def _inside(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """Python's safe extraction, leaving out (not failing on) a link that leads outside."""
    try:
        return tarfile.data_filter(member, path)
    except tarfile.FilterError:
        return None


def _git(root: Path, *args: str) -> str | None:
    """A git command's output, or None when it fails (or git is missing)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise RefError("git is not installed: `handbook changes` reads the data from git") from None
    if result.returncode == 128 and "not a git repository" in result.stderr:
        raise RefError(f"{root} is not a git repository: `handbook changes` compares commits")
    return result.stdout.strip() if result.returncode == 0 else None
