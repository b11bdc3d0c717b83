"""What WeasyPrint may read while it prints a borough's PDFs: files of the built site, and
data: URLs (which fetch nothing). Never another host, never a file outside the site, so no
edit to data or content can make a build request anything or print a file it should not."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher


class SiteOnlyFetcher(URLFetcher):
    """A URLFetcher that refuses every URL but data: and files inside `site_dir`.

    WeasyPrint catches the refusal, warns and leaves the resource out of the PDF.
    """

    def __init__(self, site_dir: Path, **kwargs):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False, **kwargs)
        self.site_dir = Path(site_dir).resolve()

    def fetch(self, url, headers=None):
        if not self.allows(url):
            raise ValueError(f"not part of the built site, so not fetched: {url[:200]}")
        return super().fetch(url, headers)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme == "data":
            return True
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return False
        path = Path(unquote(parts.path)).resolve()  # resolves '..' and symbolic links
        return path.is_relative_to(self.site_dir) and path.is_file()


def site_fetcher(site_dir: Path) -> SiteOnlyFetcher:
    return SiteOnlyFetcher(site_dir)
