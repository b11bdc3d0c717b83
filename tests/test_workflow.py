"""The GitHub workflow: valid by actionlint, and only the job that comments may write."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "ci.yml"


def _actionlint() -> str | None:
    scripts = Path(sys.executable).parent  # pip install -e '.[workflows]' puts it here
    return shutil.which("actionlint", path=f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}")


def test_the_workflow_passes_actionlint():
    actionlint = _actionlint()
    if actionlint is None:
        pytest.skip(
            "actionlint is not installed: `pip install -e '.[workflows]'` (its install "
            "downloads actionlint from GitHub; CI on GitHub runs this test)"
        )
    result = subprocess.run(
        [actionlint, "-no-color", str(WORKFLOW.relative_to(REPO))],
        cwd=REPO, capture_output=True, text=True,
    )  # fmt: skip
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_only_the_comment_job_may_write_to_the_pull_request():
    # The jobs that run the pull request's own code keep the read-only token.
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    writers = {
        name: job["permissions"] for name, job in workflow["jobs"].items() if "permissions" in job
    }
    assert writers == {"comment": {"pull-requests": "write"}}
    steps = workflow["jobs"]["comment"]["steps"]
    assert not any("run" in step for step in steps), "the comment job must run no code of ours"
