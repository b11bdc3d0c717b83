"""Every page a section lists exists: a content file in its own folder, or a generated page."""

from __future__ import annotations

from collections.abc import Iterator

from ..addresses import GENERATED, RESERVED_FOLDERS, is_page_name
from ..content import is_real_file, through_link
from ..dataset import Dataset
from ..model import SHARED
from ..problems import Location, Problem

# Pages the generator writes from the data; a section may list them by bare name.
GENERATED_PAGES = tuple(GENERATED)


def check(dataset: Dataset) -> Iterator[Problem]:
    for section in dataset.shared_sections:
        yield from _name(dataset, section)
        yield from _pages(dataset, section, SHARED)
    for borough in dataset.boroughs:
        for section in borough.sections:
            yield from _name(dataset, section)
            yield from _pages(dataset, section, borough.id)


def _name(dataset: Dataset, section) -> Iterator[Problem]:
    # A section's index page would sit at the same address as the generated page, or in a
    # folder the builder writes its own files into.
    if section.id in GENERATED_PAGES:
        taken = "a generated page"
    elif section.id in RESERVED_FOLDERS:
        taken = "the site's own files"
    else:
        return
    yield Problem(
        dataset.locate(section, "id"),
        f"section id '{section.id}' is taken by {taken}; choose another id",
        "pages",
    )


def _pages(dataset: Dataset, section, folder: str) -> Iterator[Problem]:
    for index, page in enumerate(section.pages):
        where = dataset.locate(section, "pages", index)
        shown = f"content/{folder}/{page}"
        if not page.endswith(".md"):
            if page not in GENERATED_PAGES:
                yield Problem(
                    where,
                    f"section '{section.id}': '{page}' is neither a content page (name.md) "
                    f"nor a generated page ({', '.join(GENERATED_PAGES)})",
                    "pages",
                )
        elif not is_page_name(page):
            yield Problem(
                where,
                f"section '{section.id}': '{page}' must be the name of a page in "
                f"content/{folder}/, such as 'vision.md' (no '/' at the start, no '..', "
                "letters, digits and hyphens only)",
                "pages",
            )
        elif not is_real_file(dataset.content_dir, dataset.content_dir / folder / page):
            # A link on the way is the content rule's to report; anything else is no page.
            if not through_link(dataset.content_dir, dataset.content_dir / folder / page):
                yield Problem(
                    where, f"section '{section.id}': page '{shown}' does not exist", "pages"
                )
        else:
            text = dataset.pages.get(f"{folder}/{page}")
            if text is not None and not text.lstrip().startswith("# "):
                yield Problem(
                    Location(shown, _first_line(text)),
                    "the page must start with a '# Title' line (a '#', a space and its title)",
                    "pages",
                )


def _first_line(text: str) -> int:
    """The line of the first text on the page, where its title should be."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            return number
    return 1
