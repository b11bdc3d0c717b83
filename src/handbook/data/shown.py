"""What each borough's site shows, and where an editor wrote it.

The rules that keep each site speaking for its own borough (right numbers, the glossary for
the words it uses, per-borough blocks) look at the same texts the templates put on the
pages. This module lists them, once, with the sites that show each: a shared page and a
shared entry (levels, Parts One and Two, terms and contacts for every borough) on every
site, a borough's own entries and pages on its site only. `SHOWN` mirrors the templates:
a field the pages show is listed there; editors' `notes` on levels and terms are not shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel

from .dataset import Dataset
from .loader import LoadedFile, PathKey, collector_paused
from .model import SHARED, Borough, Contact, Level, Section, Service, Term
from .problems import Location

# The fields of each kind of entry that the pages show, as the templates use them.
SHOWN: dict[type[BaseModel], tuple[str, ...]] = {
    Service: (
        "name", "summary", "ages", "referral", "consent", "eligibility",
        "timescales", "what_we_do", "why", "how", "description", "notes", "alert", "source",
    ),
    Contact: ("name", "hours", "notes"),
    Level: (
        "name", "also_called", "definition", "response", "assessment", "information_sharing",
        "consent", "indicators", "resilient_factors",
    ),
    Term: ("term", "expansion", "meaning"),
    Section: ("title", "intro"),
    Borough: ("name", "intro", "out_of_hours_gap"),
}  # fmt: skip
INSIDE = {"ages": ("note",), "referral": ("who", "how")}
SHARED_PAGES = f"content/{SHARED}/"


@dataclass(slots=True)
class Shown:
    """One text a site shows: the sites that show it and where it is written."""

    text: str
    boroughs: frozenset[str]
    shared: bool  # written once for every borough: Parts One and Two, shared entries
    label: str  # how messages name the entry: 'ns-engage: ', 'level 2: ', ''
    field: str  # the field's name, or 'this page'
    source: Source
    foreign: bool = False  # another area's front door, shown with its area's name

    def locate(self, offset: int, snippet: str = "") -> Location:
        return self.source.locate(self.text, offset, snippet)


class Source:
    """Where a text is written: a content page, or a value in a data file."""

    __slots__ = ("path", "loaded", "key", "root")

    def __init__(
        self,
        path: str,
        loaded: LoadedFile | None = None,
        key: PathKey = (),
        root: Path | None = None,
    ):
        self.path, self.loaded, self.key, self.root = path, loaded, key, root

    def locate(self, text: str, offset: int, snippet: str = "") -> Location:
        if self.loaded is None:  # a content page: the text is the file
            return Location(self.path, text.count("\n", 0, offset) + 1)
        start = self.loaded.locate(self.key)
        snippet = re.split(r"[\"'\\\n]", snippet)[0]
        if not snippet:
            return start
        # YAML may fold or indent a long value: find the snippet where the value is written.
        lines = _lines(self.root, self.loaded)
        nth = text.count(snippet, 0, offset)
        seen = 0
        for number in range(start.line, min(_value_end(self.loaded, self.key), len(lines)) + 1):
            seen += lines[number - 1].count(snippet)
            if seen > nth:
                return Location(start.path, number)
        return start


def texts(dataset: Dataset) -> list[Shown]:
    """Every text any site shows, with the sites that show it (listed once per data set:
    several rules ask)."""
    listed = getattr(dataset, "_shown_texts", None)
    if listed is None:
        with collector_paused():  # many small objects that all live on, as in the loader
            listed = list(_texts(dataset))
        dataset._shown_texts = listed
    return listed


def _texts(dataset: Dataset) -> Iterator[Shown]:
    everyone = frozenset(b.id for b in dataset.boroughs)
    for path, text, shown_on in content_pages(dataset):
        yield Shown(text, shown_on, path.startswith(SHARED_PAGES), "", "this page", Source(path))
    for section in dataset.shared_sections:
        yield from _entry(dataset, section, everyone, True)
    for borough in dataset.boroughs:
        mine = frozenset({borough.id})
        yield from _entry(dataset, borough, mine, False)
        for section in borough.sections:
            yield from _entry(dataset, section, mine, False)
        for key, value in borough.wording.items():
            yield _value(dataset, borough, ("wording", key), value, mine, False, "wording")
    if dataset.levels_file is not None:
        levels_file = dataset.files["levels.yaml"]
        for name in ("intro", "straight_to_level_4"):
            value = getattr(dataset.levels_file, name)
            if value:
                source = Source(levels_file.path, levels_file, (name,), dataset.root)
                yield Shown(value, everyone, True, "", name, source)
    for level in dataset.levels:
        yield from _entry(dataset, level, everyone, True)
        for borough_id, name in level.local_names.items():
            if borough_id in everyone:
                yield _value(
                    dataset,
                    level,
                    ("local_names", borough_id),
                    name,
                    frozenset({borough_id}),
                    False,
                    "local_names",
                )
    for term in dataset.terms:
        shown_on = frozenset(term.boroughs) & everyone if term.boroughs else everyone
        yield from _entry(dataset, term, shown_on, not term.boroughs)
    # Who to call lists every area's front door on every site.
    front_doors = {b.front_door for b in dataset.boroughs}
    for contact in dataset.contacts:
        shared = contact.borough == SHARED
        shown_on = everyone if shared else frozenset({contact.borough}) & everyone
        yield from _entry(dataset, contact, shown_on, shared)
        if not shared and contact.id in front_doors:
            # Who to call lists every other area's front door, by its name, labelled.
            for item in _entry(dataset, contact, everyone - shown_on, False):
                if item.field == "name":
                    yield replace(item, foreign=True)
    for service in dataset.services:
        yield from _entry(dataset, service, frozenset({service.borough}) & everyone, False)


def content_pages(dataset: Dataset) -> list[tuple[str, str, frozenset[str]]]:
    """(path as shown, text, the sites that show it) for each content page a section lists."""
    everyone = frozenset(b.id for b in dataset.boroughs)
    listed = [("shared", section, everyone) for section in dataset.shared_sections]
    listed += [(b.id, s, frozenset({b.id})) for b in dataset.boroughs for s in b.sections]
    pages: dict[str, tuple[str, frozenset[str]]] = {}
    for folder, section, shown_on in listed:
        for page in section.pages:
            # Pages as the dataset read them: a page that could not be read is reported there.
            text = dataset.pages.get(f"{folder}/{page}")
            if page.endswith(".md") and text is not None:
                pages[f"content/{folder}/{page}"] = (text, shown_on)
    return [(shown, text, on) for shown, (text, on) in sorted(pages.items())]


def for_borough(shown: list[Shown], borough_id: str) -> list[Shown]:
    return [item for item in shown if borough_id in item.boroughs]


def _entry(dataset, entry: BaseModel, shown_on: frozenset[str], shared: bool) -> Iterator[Shown]:
    if not shown_on:
        return
    place = _Place(dataset, entry)
    for name in SHOWN[type(entry)]:
        value = getattr(entry, name)
        if isinstance(value, BaseModel):  # ages, referral: their text fields
            for inner in INSIDE[name]:
                text = getattr(value, inner)
                if text:
                    yield place.shown((name, inner), text, shown_on, shared, inner)
        elif isinstance(value, list):
            for index, text in enumerate(value):
                yield place.shown((name, index), text, shown_on, shared, name)
        elif value:
            yield place.shown((name,), value, shown_on, shared, name)


def _value(dataset, entry, key: tuple, text: str, shown_on, shared: bool, field: str) -> Shown:
    return _Place(dataset, entry).shown(key, text, shown_on, shared, field)


class _Place:
    """One entry's file, path and label, looked up once for all its texts."""

    def __init__(self, dataset: Dataset, entry: BaseModel):
        file_name, self.base = entry._where
        self.loaded, self.root = dataset.files[file_name], dataset.root
        self.label = _label(entry)

    def shown(self, key: tuple, text: str, shown_on, shared: bool, field: str) -> Shown:
        source = Source(self.loaded.path, self.loaded, self.base + key, self.root)
        return Shown(text, shown_on, shared, self.label, field, source)


def _label(entry: BaseModel) -> str:
    if isinstance(entry, Level):
        return f"level {entry.level}: "
    if isinstance(entry, Section):
        return f"section '{entry.id}': "
    return f"{entry.id}: " if getattr(entry, "id", None) else ""


def _lines(root: Path | None, loaded: LoadedFile) -> list[str]:
    # Read only when a fault is found in the file, and once per file.
    lines = getattr(loaded, "_shown_lines", None)
    if lines is None:
        lines = (Path(root or ".") / loaded.path).read_text(encoding="utf-8").splitlines()
        loaded._shown_lines = lines
    return lines


def _value_end(loaded: LoadedFile, key: PathKey) -> int:
    """The last line a value can reach: the line before whatever follows it in its file."""
    while key:
        parent_key, part = key[:-1], key[-1]
        parent = loaded.data
        for step in parent_key:
            parent = parent[step]
        following = list(parent) if isinstance(parent, dict) else list(range(len(parent)))
        position = following.index(part) + 1
        if position < len(following):
            return loaded.locate(parent_key + (following[position],)).line - 1
        key = parent_key
    return 10**9
