"""Where each page of a borough's site lives: one scheme for the renderer that writes the pages
and for the rules that check no two pages share an address and every link finds its page.

Pages are named by their Markdown path ('teams/bwd-engage.md'); a builder with directory
addresses writes each to a folder of its own ('teams/bwd-engage/index.html').
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .model import SHARED

HOME = "index.md"
# Pages the generator writes from the data, by the bare name a section may list them under.
GENERATED = {
    "levels-of-need": "levels-of-need.md",
    "contacts": "contacts.md",
    "whats-changed": "whats-changed.md",
    "finder": "finder.md",
    "glossary": "glossary.md",
}
GENERATED_TITLES = {
    "levels-of-need": "the Levels of need page", "contacts": "the Who to call page",
    "whats-changed": "the What's changed page", "finder": "the Find a service page",
    "glossary": "the Glossary page",
}  # fmt: skip
# The page about the borough's open data; the after-build step writes the data beside it.
OPEN_DATA = "open-data.md"
# Folders the builder and the after-build steps write into: no section may take their names.
RESERVED_FOLDERS = ("assets", "search", "pdf", "pagefind", "open-data", "icons")
# A content page is named by a path inside its borough's content folder: words, optionally
# in folders, ending '.md'. Nothing that could reach outside it (a leading '/', '..').
PAGE_NAME = re.compile(r"^(?:[A-Za-z0-9][A-Za-z0-9_-]*/)*[A-Za-z0-9][A-Za-z0-9_.-]*\.md$")


def html_path(md_path: str) -> str:
    """Where a page is written: 'a/b.md' -> 'a/b/index.html' (directory URLs)."""
    stem = md_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def section_index(section_id: str) -> str:
    return f"{section_id}/index.md"


def content_page(section_id: str, name: str) -> str:
    return f"{section_id}/{name}"


def service_page(section_id: str, service_id: str) -> str:
    return f"{section_id}/{service_id}.md"


def is_page_name(name: str) -> bool:
    """A content page's name as a section lists it: 'vision.md', 'practice/risk-model.md'."""
    return bool(PAGE_NAME.match(name)) and ".." not in name.split("/")


def shown_address(md_path: str) -> str:
    """The address a practitioner sees: 'teams/bwd-engage/' (the home page is '/')."""
    folder = posixpath.dirname(html_path(md_path))
    return f"{folder}/" if folder else "/"


@dataclass(frozen=True)
class Page:
    """One page of a borough's site: its Markdown path, what it is (in words), and the entry
    and key that name it in the data (for its line), if any."""

    md_path: str
    what: str
    section: Any = None  # the Section it belongs to, if any
    entry: Any = None
    key: tuple = ()
    source: str | None = None  # a content page's file in content/: 'shared/consent.md'


def borough_pages(dataset, borough) -> Iterator[Page]:
    """Every page of one borough's site: fixed pages, then each section's index, its
    services and its content pages (in that order: a clash is reported at the later one)."""
    yield Page(HOME, "the home page")
    for name, path in GENERATED.items():
        yield Page(path, GENERATED_TITLES[name])
    yield Page(OPEN_DATA, "the Open data page")
    sections = [(s, SHARED) for s in dataset.shared_sections]
    sections += [(s, borough.id) for s in borough.sections]
    for section, _ in sections:
        what = f"the index page of section '{section.id}'"
        yield Page(section_index(section.id), what, section, section, ("id",))
    by_id = {}
    for section, _ in sections:
        by_id.setdefault(section.id, section)
    for service in dataset.services:
        # A service that no longer runs has no page (its status says so in the open data).
        if service.status == "inactive":
            continue
        if service.borough == borough.id and service.section in by_id:
            path = service_page(service.section, service.id)
            yield Page(path, f"service '{service.id}'", by_id[service.section], service, ("id",))
    for section, folder in sections:
        for index, name in enumerate(section.pages):
            if name.endswith(".md") and is_page_name(name):
                source = f"{folder}/{name}"
                yield Page(
                    content_page(section.id, name), f"content page 'content/{source}'",
                    section, section, ("pages", index), source,
                )  # fmt: skip
