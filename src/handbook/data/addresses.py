"""Where each page of a borough's site lives: one scheme for the renderer that writes the pages
and for the rules that check no two pages share an address and every link finds its page.

Pages are named by their Markdown path ('teams/bwd-engage.md'); a builder with directory
addresses writes each to a folder of its own ('teams/bwd-engage/index.html').
"""

from __future__ import annotations

import posixpath
import re

HOME = "index.md"
# Pages the generator writes from the data, by the bare name a section may list them under.
GENERATED = {
    "levels-of-need": "levels-of-need.md",
    "contacts": "contacts.md",
    "whats-changed": "whats-changed.md",
    "finder": "finder.md",
    "glossary": "glossary.md",
}
# Folders the builder and the after-build steps write into: no section may take their names.
RESERVED_FOLDERS = ("assets", "search", "pdf", "pagefind")
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
