"""No two pages of a borough's site share an address: one would silently replace the other
(a content page called `index.md` replacing its section's index, a content page named like a
service's page)."""

from __future__ import annotations

from collections.abc import Iterator

from ..addresses import (
    GENERATED,
    HOME,
    RESERVED_FOLDERS,
    content_page,
    html_path,
    is_page_name,
    section_index,
    service_page,
    shown_address,
)  # fmt: skip
from ..dataset import Dataset
from ..model import SHARED
from ..problems import Location, Problem

GENERATED_TITLES = {
    "levels-of-need": "the Levels of need page", "contacts": "the Who to call page",
    "whats-changed": "the What's changed page", "finder": "the Find a service page",
    "glossary": "the Glossary page",
}  # fmt: skip


def check(dataset: Dataset) -> Iterator[Problem]:
    reported: set[tuple[Location, str]] = set()
    for borough in dataset.boroughs:
        for where, message in _clashes(dataset, borough):
            if (where, message) not in reported:  # a shared page clashes in every borough
                reported.add((where, message))
                yield Problem(where, message, "addresses")


def _clashes(dataset: Dataset, borough) -> Iterator[tuple[Location, str]]:
    # Each address, who has it, and where that is written (found only for a clash: there are
    # thousands of services and rarely a clash).
    taken: dict[str, tuple] = {html_path(HOME): ("the home page", None)}
    for name, path in GENERATED.items():
        taken[html_path(path)] = (GENERATED_TITLES[name], None)

    def claim(md_path: str, what: str, entry, *key) -> Iterator[tuple[Location, str]]:
        address = html_path(md_path)
        if address not in taken:
            taken[address] = (what, (entry, key))
            return
        other, other_entry = taken[address]
        at = ""
        if other_entry is not None:
            other_where = dataset.locate(other_entry[0], *other_entry[1])
            at = f" ({other_where.path}:{other_where.line})"
        yield dataset.locate(entry, *key), (
            f"two pages at one address '{shown_address(md_path)}': {what} and {other}{at}; "
            "rename one of them"
        )

    sections = [(s, SHARED) for s in dataset.shared_sections]
    sections += [(s, borough.id) for s in borough.sections]
    seen_ids: set[str] = set()
    own = []
    for section, folder in sections:
        # A repeated section id is the identifiers rule's; a reserved one the pages rule's.
        if section.id in seen_ids or section.id in GENERATED or section.id in RESERVED_FOLDERS:
            continue
        seen_ids.add(section.id)
        own.append((section, folder))
        yield from claim(
            section_index(section.id), f"the index page of section '{section.id}'", section, "id"
        )
    first = {s.id: s for s in reversed(dataset.services)}  # a repeated id: identifiers
    for service in dataset.services:
        if service.borough != borough.id or first[service.id] is not service:
            continue
        if service.section in seen_ids:
            yield from claim(
                service_page(service.section, service.id), f"service '{service.id}'", service, "id"
            )
    for section, folder in own:
        for index, name in enumerate(section.pages):
            if name.endswith(".md") and is_page_name(name):
                yield from claim(
                    content_page(section.id, name),
                    f"content page 'content/{folder}/{name}'",
                    section, "pages", index,
                )  # fmt: skip
