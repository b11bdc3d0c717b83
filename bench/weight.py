"""What a built site weighs: its service pages, what a page loads, and the search bundle."""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from handbook.data.addresses import html_path
from handbook.postbuild.search_index import BUNDLE


def service_pages(dataset, borough_id: str) -> list[str]:
    """Each service page of a borough, as a path in its built site."""
    return [
        html_path(f"{s.section}/{s.id}.md")
        for s in dataset.services
        if s.borough == borough_id and s.status != "inactive"
    ]


def figures(site: Path, pages: list[str]) -> dict:
    """Service page sizes (median and largest), a typical page's load, the search bundle."""
    sizes = sorted((site / page).stat().st_size for page in pages if (site / page).is_file())
    if not sizes:
        return {}
    median = statistics.median_low(sizes)
    typical = next(p for p in pages if (site / p).is_file() and (site / p).stat().st_size == median)
    return {
        "service_pages": len(sizes),
        "median_html": median,
        "largest_html": sizes[-1],
        "typical_page": page_load(site, typical),
        "search_bundle": folder_bytes(site / BUNDLE),
        "site_bytes": folder_bytes(site),
    }


def page_load(site: Path, page: str) -> dict:
    """Bytes of one page's HTML and of the CSS and JS it loads, raw and gzipped.

    The search bundle is fetched only when someone searches, a piece at a time, so it is
    counted apart (`search_bundle`).
    """
    html_file = site / page
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    css = [link["href"] for link in soup.select("link[rel~=stylesheet][href]")]
    js = [script["src"] for script in soup.select("script[src]")]
    return {
        "page": page,
        "html": _sizes([html_file]),
        "css": _sizes(_local_files(html_file, css)),
        "js": _sizes(_local_files(html_file, js)),
    }


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


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
