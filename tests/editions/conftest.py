"""Temporary git repositories made from tests/fixtures/minimal, for the edition tests."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from ..conftest import FIXTURES, REPO, Project


def git(root, *args) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def git_identity():
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (("NAME", "Test Editor"), ("EMAIL", "editor@example.org")):
            patch.setenv(f"GIT_AUTHOR_{name}", value)
            patch.setenv(f"GIT_COMMITTER_{name}", value)
        yield


def new_repo(root) -> Project:
    """The fixture project with a second borough, committed in a new git repository."""
    shutil.copytree(FIXTURES / "minimal", root)
    for name in ("mkdocs.yml", "hooks", "overrides"):
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy
        copy(REPO / name, root / name)
    repo = Project(root)
    repo.add_borough("southshire", "Southshire", section="help")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first edition")
    return repo
