"""Previews: one borough live from the data, or the published versions as a host serves them."""

from __future__ import annotations

import contextlib
import functools
import http.server
import subprocess
import tarfile
import tempfile
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve

from ..builders.mkdocs_hooks import PDF_ENV
from .build import borough_env


def serve(root: Path, borough_id: str, dev_addr: str) -> int:
    """MkDocs' live server for one borough, rebuilding on data and content changes."""
    # PDFs take seconds; a live preview rebuilds on every save, so it goes without them.
    with borough_env(borough_id, {PDF_ENV: "0"}):
        mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
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
