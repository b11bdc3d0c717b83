"""What has been published: read from the versions branch that `mike` writes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

BRANCH = "gh-pages"
SNAPSHOT = "handbook-data.json"


def show(root: Path, path: str, branch: str = BRANCH) -> str | None:
    """A file's text on the versions branch, or None if the branch or file is not there."""
    result = subprocess.run(
        ["git", "-C", str(root), "show", f"{branch}:{path}"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return result.stdout if result.returncode == 0 else None


def versions(root: Path, borough_id: str, branch: str = BRANCH) -> list[dict]:
    """The borough's published versions, newest first, as mike lists them."""
    text = show(root, f"{borough_id}/versions.json", branch)
    return json.loads(text) if text else []


def previous(root: Path, borough_id: str, current: str | None, branch: str = BRANCH):
    """(version, data snapshot) of the newest published version other than `current`."""
    for entry in versions(root, borough_id, branch):
        if entry["version"] != current:
            text = show(root, f"{borough_id}/{entry['version']}/{SNAPSHOT}", branch)
            return entry["version"], (json.loads(text) if text else None)
    return None, None
