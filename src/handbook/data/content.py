"""The content folder: the Markdown pages the sections list, read once and safely.

content/ holds real files only. A page is read only when it is a regular file reached
without following a symbolic link, so that no edit can publish a file from outside the
project (a link to the system password file) by listing it as a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .addresses import is_page_name
from .loader import MAX_BYTES
from .model import SHARED, Section
from .problems import Location, Problem

# What content/ may hold besides Markdown pages: the images they show. Not SVG: an SVG file
# can carry a script, which runs when it is opened from the site.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
BOM = "\ufeff"


def listed_pages(dataset) -> Iterator[tuple[str, Section, int, str]]:
    """(folder, section, index in `pages`, name) for every content page a section lists."""
    for section in dataset.shared_sections:
        for index, name in enumerate(section.pages):
            if name.endswith(".md"):
                yield SHARED, section, index, name
    for borough in dataset.boroughs:
        for section in borough.sections:
            for index, name in enumerate(section.pages):
                if name.endswith(".md"):
                    yield borough.id, section, index, name


def load_pages(dataset) -> list[Problem]:
    """Read every listed page into `dataset.pages` ('folder/name.md': text)."""
    problems = []
    for folder, _, _, name in listed_pages(dataset):
        key = f"{folder}/{name}"
        if key in dataset.pages or not is_page_name(name):
            continue
        path = dataset.content_dir / folder / name
        if not is_real_file(dataset.content_dir, path):
            continue  # the pages rule says it is missing; the content rule names a link
        text, problem = read_page(path, f"content/{key}")
        if problem is not None:
            problems.append(problem)
        else:
            dataset.pages[key] = text
    return problems


def is_real_file(content_dir: Path, path: Path) -> bool:
    """A regular file under content_dir, with no symbolic link on the way to it."""
    return not through_link(content_dir, path) and path.is_file()


def through_link(content_dir: Path, path: Path) -> bool:
    """Whether reaching `path` from content_dir (or content_dir itself) follows a link; a
    path outside content_dir counts as one."""
    try:
        relative = path.relative_to(content_dir)
    except ValueError:
        return True
    current = content_dir
    if current.is_symlink():
        return True
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def read_page(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """A page's text (without the byte-order mark some editors add), or what is wrong."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, Problem(Location(shown, 1), "the page is too large", "pages")
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(Location(shown, 1), f"cannot be read ({exc.strerror})", "pages")
    try:
        return raw.decode("utf-8").removeprefix(BOM), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"not UTF-8 text ({exc.reason}); save the page as UTF-8"
        return None, Problem(Location(shown, line), message, "pages")
