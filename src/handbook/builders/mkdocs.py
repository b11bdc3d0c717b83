"""MkDocs 1.6 with Material for MkDocs: the default builder, run in this process."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from .base import Builder, BuildFailed


class MkDocsBuilder(Builder):
    name = "mkdocs"
    packages = ("mkdocs", "mkdocs-material")

    def build(self, config: Path, site_dir: Path) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        shutil.rmtree(site_dir, ignore_errors=True)
        try:
            build(load_config(str(config), site_dir=str(site_dir)))
        except MkDocsException as error:
            raise BuildFailed(f"MkDocs: {error}") from None
