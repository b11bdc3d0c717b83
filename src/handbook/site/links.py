"""Every link in a content page leads somewhere: to a page of its borough's site (and to a
heading or anchor on it, after '#'), to a file the site publishes, or to another host.

Checked on the data after it passed every other rule, since a link may lead to a generated
page, whose headings only the renderer knows: those pages are rendered only when a link asks
for one of their anchors. Links are relative to the page's place in the site, as the builder
resolves them ('../teams/bwd-engage.md' from 'working-with-children/vision.md').
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import unquote

from ..data import blocks, sanitize
from ..data.addresses import borough_pages, html_path
from ..data.content import IMAGE_SUFFIXES, is_real_file
from ..data.dataset import Dataset
from ..data.problems import Location, Problem
from .render import CHANGES_FILE, PDF_FOLDER, SNAPSHOT_FILE, WHOLE_GUIDE, render_for_build

NO_PAGE = (
    "link '{href}' leads to no page of {site} (links are relative to this page's place in "
    "the site: a page of another section starts '../')"
)
NO_ANCHOR = "link '{href}' leads to a page with no heading or anchor '#{anchor}'"
ROOTED = (
    "link '{href}' starts with '/': write it relative to this page, such as "
    "'../teams/bwd-engage.md', so that it works wherever the site is published"
)
OUTSIDE = "link '{href}' leads outside the site"
NO_FILE = "{what} '{href}' is not a file the site publishes (images are kept in content/)"


def check(dataset: Dataset) -> Iterator[Problem]:
    seen: set[Problem] = set()
    for borough in dataset.boroughs:
        for problem in _BoroughLinks(dataset, borough).problems():
            if problem not in seen:  # a shared page is checked once per borough
                seen.add(problem)
                yield problem


class _BoroughLinks:
    def __init__(self, dataset: Dataset, borough):
        self.dataset = dataset
        self.borough = borough
        self.pages = list(borough_pages(dataset, borough))
        self.by_address = {html_path(p.md_path): p for p in self.pages}
        self.files = {SNAPSHOT_FILE, CHANGES_FILE, f"{PDF_FOLDER}/{WHOLE_GUIDE}.pdf"}
        self.files |= {f"{PDF_FOLDER}/{p.section.id}.pdf" for p in self.pages if p.section}
        self._site = None

    def problems(self) -> Iterator[Problem]:
        for page in self.pages:
            text = self.dataset.pages.get(page.source) if page.source else None
            if text is None:
                continue
            shown = f"content/{page.source}"
            lines = text.splitlines()
            after = 0
            # A shared page's per-borough block links only on that borough's site.
            here = blocks.select(text, self.borough.id).text
            for kind, href in _parsed(sanitize.to_html(here, self.dataset.root)).links:
                message = self._fault(page, kind, href)
                line = _line_of(href, lines, after)
                after = line - 1
                if message:
                    yield Problem(Location(shown, line), message, "links")

    def _fault(self, page, kind: str, href: str) -> str | None:
        if sanitize.SCHEME.match(href) or href.startswith("//"):
            return None  # another host, an email or a phone: the markup rule's
        if href.startswith("/"):
            return ROOTED.format(href=href)
        target, _, anchor = href.partition("#")
        anchor = unquote(anchor)
        if not target:
            return self._anchor(page, href, anchor) if kind == "link" else None
        resolved = posixpath.normpath(
            posixpath.join(posixpath.dirname(page.md_path), unquote(target.split("?")[0]))
        )
        if resolved == ".." or resolved.startswith("../"):
            return OUTSIDE.format(href=href)
        if kind == "image" or posixpath.splitext(resolved)[1] not in ("", ".md", ".html"):
            return self._file(resolved, href, kind)
        target_page = self.by_address.get(_address(resolved))
        if target_page is None:
            site = f"the site of {self.borough.name}"
            return NO_PAGE.format(href=href, site=site)
        return self._anchor(target_page, href, anchor) if anchor else None

    def _anchor(self, page, href: str, anchor: str) -> str | None:
        if anchor and anchor not in self._ids(page.md_path):
            return NO_ANCHOR.format(href=href, anchor=anchor)
        return None

    def _file(self, resolved: str, href: str, kind: str) -> str | None:
        content = self.dataset.content_dir
        path = content / resolved
        published = resolved in self.files or (
            path.suffix.lower() in IMAGE_SUFFIXES and is_real_file(content, path)
        )
        if published:
            return None
        return NO_FILE.format(what="image" if kind == "image" else "link", href=href)

    def _ids(self, md_path: str) -> set[str]:
        page = next(p for p in self.pages if p.md_path == md_path)
        if page.source is not None:
            text = self.dataset.pages.get(page.source, "")
        else:
            text = self._rendered().pages.get(md_path, "")
        return _parsed(sanitize.to_html(text, self.dataset.root)).ids

    def _rendered(self):
        # Once per borough, and only when a link asks for an anchor on a generated page.
        if self._site is None:
            self._site = render_for_build(self.dataset, self.borough.id)
        return self._site


def _address(resolved: str) -> str:
    """The built address a link leads to: a page's Markdown path, its folder or its HTML."""
    if resolved.endswith(".md"):
        return html_path(resolved)
    if resolved.endswith(".html"):
        return resolved
    return "index.html" if resolved == "." else f"{resolved}/index.html"


def _line_of(href: str, lines: list[str], after: int) -> int:
    """The line holding a link, searching on from the previous link's line."""
    for start in (after, 0):
        for number in range(start, len(lines)):
            if href in lines[number] or unquote(href) in lines[number]:
                return number + 1
    return after + 1 if after < len(lines) else 1


def _parsed(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser


class _Links(HTMLParser):
    """The links, images and ids of a page's HTML, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        # The headings' own permalinks ('#engage' on the heading 'engage') are the site's.
        if tag == "a" and values.get("href") and values.get("class") != "headerlink":
            self.links.append(("link", values["href"]))
        elif tag == "img" and values.get("src"):
            self.links.append(("image", values["src"]))

    handle_startendtag = handle_starttag
