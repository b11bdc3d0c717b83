"""No two pages of a borough's site share an address: one would silently replace the other
(a content page called `index.md` replacing its section's index, a content page named like a
service's page)."""

from __future__ import annotations

from collections.abc import Iterator

from ..addresses import GENERATED, RESERVED_FOLDERS, Page, borough_pages, html_path, shown_address
from ..dataset import Dataset
from ..model import Service
from ..problems import Location, Problem


def check(dataset: Dataset) -> Iterator[Problem]:
    reported: set[tuple[Location, str]] = set()
    for borough in dataset.boroughs:
        for where, message in _clashes(dataset, borough):
            if (where, message) not in reported:  # a shared page clashes in every borough
                reported.add((where, message))
                yield Problem(where, message, "addresses")


def _clashes(dataset: Dataset, borough) -> Iterator[tuple[Location, str]]:
    skipped = _reported_elsewhere(dataset, borough)
    first_service = {s.id: s for s in reversed(dataset.services)}
    taken: dict[str, Page] = {}
    for page in borough_pages(dataset, borough):
        if page.section is not None and id(page.section) in skipped:
            continue
        if isinstance(page.entry, Service) and first_service[page.entry.id] is not page.entry:
            continue  # a repeated service id: the identifiers rule's
        address = html_path(page.md_path)
        other = taken.setdefault(address, page)
        if other is page:
            continue
        at = ""
        if other.entry is not None:  # found only for a clash: rare, among thousands of pages
            other_where = dataset.locate(other.entry, *other.key)
            at = f" ({other_where.path}:{other_where.line})"
        yield (
            dataset.locate(page.entry, *page.key),
            (
                f"two pages at one address '{shown_address(page.md_path)}': {page.what} and "
                f"{other.what}{at}; rename one of them"
            ),
        )


def _reported_elsewhere(dataset: Dataset, borough) -> set[int]:
    """Sections whose clash another rule reports: a repeated id (identifiers), an id that is
    a generated page's or a reserved folder's (pages)."""
    seen: set[str] = set()
    skipped: set[int] = set()
    for section in [*dataset.shared_sections, *borough.sections]:
        if section.id in seen or section.id in GENERATED or section.id in RESERVED_FOLDERS:
            skipped.add(id(section))
        seen.add(section.id)
    return skipped
