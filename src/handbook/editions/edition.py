"""Which edition a build is: its version (or unreleased), when the data last changed, and
when it was built. Shown in every page's footer and on the PDFs."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..data.clock import build_date
from ..data.words import long_date

DATA_PATHS = ("data", "content")


@dataclass(frozen=True)
class Edition:
    version: str | None
    data_changed: date
    built: date

    @property
    def label(self) -> str:
        return f"Version {self.version}" if self.version else "Unreleased (not a published version)"

    def as_dict(self) -> dict:
        return {
            "version": self.version,
            "label": self.label,
            "data_changed": long_date(self.data_changed),
            "built": long_date(self.built),
        }


def current_edition(root: Path, version: str | None = None) -> Edition:
    """This build's edition: `version` when publishing one, otherwise unreleased."""
    return Edition(
        version=version,
        data_changed=data_changed(root),
        built=build_date(),
    )


def data_changed(root: Path) -> date:
    """The date of the last commit touching the data, or of the newest uncommitted edit."""
    dirty = _git(root, "status", "--porcelain", "--", *DATA_PATHS)
    committed = _git(root, "log", "-1", "--format=%cs", "--", *DATA_PATHS)
    if committed and dirty == "":
        return date.fromisoformat(committed)
    return _newest_file_date(root)


def _newest_file_date(root: Path) -> date:
    stamps = [
        path.stat().st_mtime
        for folder in DATA_PATHS
        for path in (root / folder).rglob("*")
        if path.is_file()
    ]
    return datetime.fromtimestamp(max(stamps, default=0), UTC).date()


def _git(root: Path, *args: str) -> str | None:
    """A git command's output, or None where root is not a git checkout."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None
