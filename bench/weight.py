"""What a built site weighs: a typical service page with what it loads, and the search index."""

from __future__ import annotations

import gzip
import json
import statistics
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup


def typical_page(site: Path, pages: list[str]) -> str | None:
    """The page of median HTML size among `pages` (paths relative to the site)."""
    sized = sorted((site / page).stat().st_size for page in pages if (site / page).is_file())
    if not sized:
        return None
    middle = sized[len(sized) // 2]
    return next(page for page in pages if (site / page).stat().st_size == middle)


def page_weight(site: Path, page: str) -> dict:
    """Bytes of the page's HTML and of the CSS and JS it loads, raw and gzipped.

    Material also starts its search worker on every page, which fetches the search index:
    both are counted apart (`search_worker` here, `search_index` below).
    """
    html_file = site / page
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    css = [link["href"] for link in soup.select("link[rel~=stylesheet][href]")]
    js = [script["src"] for script in soup.select("script[src]")]
    config = soup.select_one("script#__config")
    settings = json.loads(config.string) if config and config.string else {}
    worker = [settings["search"]] if "search" in settings else []  # relative to the page
    return {
        "page": page,
        "html": _sizes([html_file]),
        "css": _sizes(_local_files(html_file, css)),
        "js": _sizes(_local_files(html_file, js)),
        "css_files": len(css),
        "js_files": len(js),
        "search_worker": _sizes(_local_files(html_file, worker)),
    }


def search_index(site: Path) -> int:
    index = site / "search" / "search_index.json"
    return index.stat().st_size if index.is_file() else 0


def site_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def html_sizes(site: Path, pages: list[str]) -> dict:
    sizes = [(site / page).stat().st_size for page in pages if (site / page).is_file()]
    return {"median": statistics.median(sizes), "max": max(sizes)} if sizes else {}


def _local_files(html_file: Path, urls: list[str]) -> list[Path]:
    # The built site loads nothing from other hosts (a test checks it), so every URL is a file.
    paths = [urlsplit(url).path for url in urls if not urlsplit(url).netloc]
    return [(html_file.parent / path).resolve() for path in paths]


def _sizes(files: list[Path]) -> dict:
    present = [path for path in files if path.is_file()]
    return {
        "bytes": sum(path.stat().st_size for path in present),
        "gzip": sum(len(gzip.compress(path.read_bytes())) for path in present),
    }
