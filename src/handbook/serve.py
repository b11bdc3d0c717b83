"""Live preview of one borough: MkDocs' own server, rebuilding on data and content changes."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve

from .build import borough_env


def serve(root: Path, borough_id: str, dev_addr: str) -> int:
    with borough_env(borough_id):
        mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
    return 0
