"""No id is defined twice: across the whole data set, and sections within a borough."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from ..dataset import Dataset
from ..problems import Problem

KINDS = ("boroughs", "contacts", "services", "terms")


def check(dataset: Dataset) -> Iterator[Problem]:
    first_seen: dict[str, BaseModel] = {}
    for kind in KINDS:
        for entry in getattr(dataset, kind):
            yield from _once(dataset, entry, entry.id, first_seen, "id")
    for borough in dataset.boroughs:
        seen: dict[str, BaseModel] = {}
        for section in [*dataset.shared_sections, *borough.sections]:
            yield from _once(dataset, section, section.id, seen, "section id")
    levels_seen: dict[str, BaseModel] = {}
    for level in dataset.levels:
        yield from _once(dataset, level, str(level.level), levels_seen, "level")


def _once(dataset, entry, key: str, seen: dict[str, BaseModel], what: str) -> Iterator[Problem]:
    """`entry`'s id is the first `key` in `seen`, or a problem (entries are located only
    then: a data set has tens of thousands of ids and nearly none twice)."""
    first = seen.setdefault(key, entry)
    if first is not entry:
        where = dataset.locate(first)
        yield Problem(
            dataset.locate(entry, "id"),
            f"{what} '{key}' is already defined at {where.path}:{where.line} (ids must be unique)",
            "duplicates",
        )
