"""What WeasyPrint may read while it prints: files of the built site, and nothing else.

Printing runs at build time on a machine that may reach the network; an image in a page that
points at another host would be fetched from there (and tell it the build ran), and a link to
a file outside the site would put that file in a PDF. Only files inside the built folder are
read; anything else is refused and the PDF goes without it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher

log = logging.getLogger("handbook")


class SiteOnlyFetcher(URLFetcher):
    """A URL fetcher that opens file: URLs inside one folder and refuses every other URL."""

    def __init__(self, folder: Path):
        super().__init__(allowed_protocols={"file"})
        self.folder = folder.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"not fetched, not part of the site: {url}")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.folder) or not path.is_file():
            raise ValueError(f"not fetched, outside the built site: {url}")
        return super().fetch(path.as_uri(), headers)


def url_fetcher(folder: Path) -> SiteOnlyFetcher:
    return SiteOnlyFetcher(folder)
