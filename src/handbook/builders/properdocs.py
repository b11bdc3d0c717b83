"""ProperDocs, the maintained fork of MkDocs 1.6: the same configuration, theme and plugins.

Run through its own command line in a separate process, because it works by redirecting
every `mkdocs` import of the process to itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .base import Builder, run_command, script


class ProperDocsBuilder(Builder):
    name = "properdocs"
    packages = ("properdocs", "mkdocs-material")

    def build(self, config: Path, site_dir: Path) -> None:
        shutil.rmtree(site_dir, ignore_errors=True)
        command = [script("properdocs"), "build", "--quiet", "--strict",
                   "--config-file", str(config), "--site-dir", str(site_dir)]  # fmt: skip
        run_command("ProperDocs", command, cwd=config.parent)
