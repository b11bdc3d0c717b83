"""The interface every builder meets, and the helpers the command-line ones share."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path


class BuildFailed(Exception):
    """A builder could not build a borough; the message says why, for the person building."""


class Builder:
    """Builds one borough's site from the configuration the render stage wrote.

    `build(config, site_dir)` writes the site into `site_dir` (created, or emptied first).
    `versions()` names what the output depends on besides the rendered files, so that a
    borough is rebuilt when a builder or its theme is upgraded.
    """

    name = "builder"
    packages: tuple[str, ...] = ()

    def build(self, config: Path, site_dir: Path) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def versions(self) -> dict[str, str | None]:
        return versions_of(self.packages)


def run_command(name: str, command: list[str], cwd: Path) -> None:
    """Run a builder's own command line; its output becomes the error when it fails."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip().splitlines()
        raise BuildFailed(f"{name} failed:\n" + "\n".join(output[-30:]))


def script(name: str) -> str:
    """A console script installed beside this interpreter (the venv's bin/)."""
    return str(Path(sys.executable).with_name(name))


def versions_of(packages: tuple[str, ...]) -> dict[str, str | None]:
    """Each installed package's version (None where it is not installed)."""
    found: dict[str, str | None] = {}
    for package in packages:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    return found
