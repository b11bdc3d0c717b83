"""Previews: one borough live from the data, or the published versions as a host serves them."""

from __future__ import annotations

import contextlib
import functools
import http.server
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..data.dataset import Dataset
from ..site.render import render_for_build
from ..site.stage import write_stage

PREVIEW_STAGE = Path("build") / "preview"


def serve(dataset: Dataset, borough_id: str, dev_addr: str) -> int:
    """MkDocs' live server for one borough, rebuilding on data, content and template edits.

    The slow after-build steps (the PDFs) are left out: a preview rebuilds on every save.
    """
    from mkdocs.commands.serve import serve as mkdocs_serve

    site = render_for_build(dataset, borough_id)
    stage = write_stage(dataset, site, dataset.root / PREVIEW_STAGE, preview=True)
    mkdocs_serve(config_file=str(stage.config), dev_addr=dev_addr, livereload=True)
    return 0


def preview_published(root: Path, branch: str, dev_addr: str) -> int:
    """Serve the versions branch as any static host would: every borough, every version."""
    host, _, port = dev_addr.rpartition(":")
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "branch.tar"
        result = subprocess.run(
            ["git", "-C", str(root), "archive", "--output", str(archive), branch],
            capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            print(f"nothing published yet on branch {branch}: {result.stderr.strip()}")
            return 1
        site = Path(folder) / "site"
        with tarfile.open(archive) as tar:
            tar.extractall(site, filter="data")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        with http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), handler) as httpd:
            print(f"serving branch {branch} at http://{dev_addr}/ (Ctrl-C to stop)")
            with contextlib.suppress(KeyboardInterrupt):
                httpd.serve_forever()
    return 0
