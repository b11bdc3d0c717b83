"""Works with no signal: the service worker, the web app manifest and the icons of one built
borough, written at its root, so the worker's scope is the borough's folder.

Runs last of the after-build steps: the worker's list of files to keep is every file the
other steps wrote (pages, assets, search index, vocabulary), less those kept only once fetched
(the PDFs, the open data, the data snapshots), and its VERSION is the edition with a hash of
the contents of every file it keeps, so a build that changes any page replaces the cache,
even with no new version number. The worker's code is offline_worker.js beside this module;
the pages link the manifest and register the worker (overrides/).

The icons are drawn with Pillow at build time: nothing comes from another host, and the same
build gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PIL import Image, ImageDraw

from ..site import webapp
from ..site.open_data import FOLDER as OPEN_DATA_FOLDER
from ..site.render import CHANGES_FILE, PDF_FOLDER, SNAPSHOT_FILE

WORKER_SOURCE = Path(__file__).with_name("offline_worker.js")
# Kept in the offline copy only once fetched (their pages aside): large, and not needed to find
# help.
ON_DEMAND = (f"{PDF_FOLDER}/", f"{OPEN_DATA_FOLDER}/")
# Never kept: the worker itself (the browser checks it for updates), data for other systems,
# and files for search engines.
SKIPPED = {webapp.WORKER, SNAPSHOT_FILE, CHANGES_FILE, "sitemap.xml", "sitemap.xml.gz"}
# What the theme ships that no page asks for: Material's own search (the site's plugins are
# none; search is Pagefind's) and the source maps of its minified files.
UNUSED = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
UNUSED_SUFFIXES = (".map",)


def write_offline(folder: Path, manifest: dict) -> list[str]:
    """Write the icons, the manifest and the worker; the files the worker keeps."""
    for size in webapp.ICON_SIZES:
        _write_icon(folder / webapp.icon_path(size), size)
    text = json.dumps(webapp.manifest(manifest["borough"]["name"]), indent=2, sort_keys=True)
    (folder / webapp.MANIFEST).write_text(text + "\n", encoding="utf-8")
    kept = precache(folder)
    version = f"{manifest['edition']['version'] or 'unreleased'}-{content_hash(folder, kept)}"
    (folder / webapp.WORKER).write_text(worker(version, kept), encoding="utf-8")
    return kept


def precache(folder: Path) -> list[str]:
    """Every file to keep, as the worker asks for it: relative to the borough's root, a page
    by its folder ('finder/'), in a stable order."""
    kept = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        relative = path.relative_to(folder).as_posix()
        page = relative == "index.html" or relative.endswith("/index.html")
        if (
            relative in SKIPPED
            or relative.startswith((*UNUSED, "."))
            or relative.endswith(UNUSED_SUFFIXES)
            or (relative.startswith(ON_DEMAND) and not page)  # the Open data page is a page
        ):
            continue
        if relative == "index.html":
            relative = "./"
        elif relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html")
        kept.append(relative)
    return kept


def content_hash(folder: Path, kept: list[str]) -> str:
    """A hash of every kept file's address and bytes: it changes when any of them does."""
    digest = hashlib.sha256()
    for relative in kept:
        for part in (relative.encode(), _file(folder, relative).read_bytes()):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return digest.hexdigest()[:16]


def _file(folder: Path, address: str) -> Path:
    if address == "./":
        return folder / "index.html"
    return folder / (f"{address}index.html" if address.endswith("/") else address)


def worker(version: str, kept: list[str]) -> str:
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    for name, value in (("VERSION", version), ("PRECACHE", kept), ("ON_DEMAND", list(ON_DEMAND))):
        source = source.replace(f"__{name}__", json.dumps(value), 1)
    return source


def _write_icon(path: Path, size: int) -> None:
    """The app's icon: an open book, white on the site's indigo, inside the middle 60% so a
    round or squircle mask never cuts it (a "maskable" icon)."""
    image = Image.new("RGB", (size, size), webapp.THEME_COLOUR)
    draw = ImageDraw.Draw(image)
    s = size / 100

    def points(*xy: float) -> list[tuple[float, float]]:
        return [(xy[i] * s, xy[i + 1] * s) for i in range(0, len(xy), 2)]

    draw.polygon(points(22, 32, 48, 36, 48, 72, 22, 68), fill="#ffffff")
    draw.polygon(points(52, 36, 78, 32, 78, 68, 52, 72), fill="#ffffff")
    for y in (44, 52, 60):
        draw.line(points(27, y - 4, 43, y - 1), fill=webapp.THEME_COLOUR, width=max(1, int(2 * s)))
        draw.line(points(57, y - 1, 73, y - 4), fill=webapp.THEME_COLOUR, width=max(1, int(2 * s)))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", optimize=False)
