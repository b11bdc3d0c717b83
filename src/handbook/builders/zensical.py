"""Zensical, the successor to Material for MkDocs by its authors (0.0.x, an optional extra).

It reads mkdocs.yml but ignores hooks and plugins, which is why every page is rendered to
disk before any builder runs. Its command line has no option for the output folder, so it
builds where the configuration says and the site is moved into place afterwards.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .base import Builder, BuildFailed, run_command, script


class ZensicalBuilder(Builder):
    name = "zensical"
    packages = ("zensical",)

    def build(self, config: Path, site_dir: Path) -> None:
        if shutil.which(script("zensical")) is None:
            raise BuildFailed("Zensical is not installed (pip install -e '.[zensical]')")
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
        built = (config.parent / settings["site_dir"]).resolve()
        shutil.rmtree(built, ignore_errors=True)
        run_command("Zensical", [script("zensical"), "build", "--clean", "--config-file",
                                 str(config)], cwd=config.parent)  # fmt: skip
        if not (built / "index.html").is_file():
            raise BuildFailed(f"Zensical wrote no home page into {built}")
        if built != site_dir.resolve():
            shutil.rmtree(site_dir, ignore_errors=True)
            shutil.move(str(built), str(site_dir))
