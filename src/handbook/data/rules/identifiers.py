"""No id is defined twice: across the whole data set, and sections within a borough."""

from __future__ import annotations

from collections.abc import Iterator

from ..dataset import Dataset
from ..problems import Problem

KINDS = ("boroughs", "contacts", "services", "terms")


def check(dataset: Dataset) -> Iterator[Problem]:
    first_seen: dict[str, str] = {}
    for kind in KINDS:
        for entry in getattr(dataset, kind):
            yield from _once(dataset, entry, entry.id, first_seen, "id")
    for borough in dataset.boroughs:
        seen: dict[str, str] = {}
        for section in [*dataset.shared_sections, *borough.sections]:
            yield from _once(dataset, section, section.id, seen, "section id")
    levels_seen: dict[str, str] = {}
    for level in dataset.levels:
        yield from _once(dataset, level, str(level.level), levels_seen, "level")


def _once(dataset, entry, key: str, seen: dict[str, str], what: str) -> Iterator[Problem]:
    where = dataset.locate(entry)
    here = f"{where.path}:{where.line}"
    if key in seen:
        yield Problem(
            dataset.locate(entry, "id"),
            f"{what} '{key}' is already defined at {seen[key]} (ids must be unique)",
            "duplicates",
        )
    else:
        seen[key] = here
