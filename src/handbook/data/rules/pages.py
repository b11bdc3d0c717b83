"""Every page a section lists exists: a content file, or one of the generated pages."""

from __future__ import annotations

from collections.abc import Iterator

from ..dataset import Dataset
from ..problems import Problem

# Pages the generator writes from the data; a section may list them by bare name.
GENERATED_PAGES = ("levels-of-need", "contacts", "whats-changed", "finder", "glossary")


def check(dataset: Dataset) -> Iterator[Problem]:
    for section in dataset.shared_sections:
        yield from _name(dataset, section)
        yield from _pages(dataset, section, "shared")
    for borough in dataset.boroughs:
        for section in borough.sections:
            yield from _name(dataset, section)
            yield from _pages(dataset, section, borough.id)


def _name(dataset: Dataset, section) -> Iterator[Problem]:
    # A section's index page would sit at the same address as the generated page.
    if section.id in GENERATED_PAGES:
        yield Problem(
            dataset.locate(section, "id"),
            f"section id '{section.id}' is taken by a generated page; choose another id",
            "pages",
        )


def _pages(dataset: Dataset, section, folder: str) -> Iterator[Problem]:
    for index, page in enumerate(section.pages):
        where = dataset.locate(section, "pages", index)
        if page.endswith(".md"):
            path = dataset.content_dir / folder / page
            if not path.is_file():
                yield Problem(
                    where,
                    f"section '{section.id}': page 'content/{folder}/{page}' does not exist",
                    "pages",
                )
            elif not path.read_text(encoding="utf-8").lstrip().startswith("# "):
                yield Problem(
                    where,
                    f"section '{section.id}': 'content/{folder}/{page}' must start with a "
                    "'# Title' line",
                    "pages",
                )
        elif page not in GENERATED_PAGES:
            yield Problem(
                where,
                f"section '{section.id}': '{page}' is neither a content page (name.md) nor "
                f"a generated page ({', '.join(GENERATED_PAGES)})",
                "pages",
            )
