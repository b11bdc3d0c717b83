"""Per-borough blocks and placeholders are written so that every site can be built.

Each block opens and closes, names boroughs that exist and is shown somewhere; each
placeholder is one the data can fill in, on every site that shows it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from .. import blocks, placeholders
from ..dataset import Dataset
from ..problems import Problem
from ..shown import Shown, texts

RULE = "blocks"


def check(dataset: Dataset) -> Iterator[Problem]:
    known_boroughs = dataset.raw_ids.get("boroughs", set())
    known_names = placeholders.names(dataset)
    boroughs = dataset.by_id("boroughs")
    for item in texts(dataset):
        if not blocks.has_syntax(item.text):
            continue
        parsed = blocks.parse(item.text)
        where = _where(item)
        for offset, message in parsed.faults:
            yield _problem(item, offset, message.replace("{where}", where))
        for named in parsed.boroughs:
            if named.name not in known_boroughs:
                hint = _hint(named.name, known_boroughs, "'{}'")
                yield _problem(
                    item,
                    named.offset,
                    f"unknown borough '{named.name}' in a per-borough block {where}{hint}",
                )
        yield from _never_shown(item, parsed, where, known_boroughs)
        for named, part in parsed.placeholders():
            yield from _placeholder(dataset, item, named, part, where, known_names, boroughs)


def _placeholder(dataset, item: Shown, named, part, where, known, boroughs) -> Iterator[Problem]:
    shown = f"{{{named.name}}}"
    if named.name not in known:
        hint = _hint(named.name, known, "'{{{}}}'")
        listed = ", ".join(f"{{{name}}}" for name in sorted(placeholders.BUILT_IN))
        yield _problem(
            item,
            named.offset,
            f"unknown placeholder '{shown}' {where}{hint} "
            f"(placeholders are {listed}, the levels' names such as "
            f"{{level-2-name}}, and each borough's 'wording')",
        )
        return
    if named.name in placeholders.OWN_LINE and not _alone(item.text, named.offset, shown):
        yield _problem(
            item,
            named.offset,
            f"'{shown}' {where} must be on a line of its own (it fills in a table)",
        )
    sites = item.boroughs if part.boroughs is None else item.boroughs & part.boroughs
    for borough_id in sorted(sites):
        fill = placeholders.fill(dataset, boroughs[borough_id], named.name)
        if fill.text is None:
            yield _problem(
                item,
                named.offset,
                f"'{shown}' {where} cannot be filled in on {borough_id}'s site: {fill.missing}",
            )


def _never_shown(item: Shown, parsed, where: str, known: set[str]) -> Iterator[Problem]:
    """A block for boroughs whose sites do not show the text at all: a mistake."""
    for part in parsed.parts:
        named = part.boroughs
        if named and named <= known and not named & item.boroughs:
            names = ", ".join(sorted(part.boroughs))
            sites = ", ".join(sorted(item.boroughs))
            yield _problem(
                item,
                part.start,
                f"the per-borough block for {names} {where} is "
                f"never shown: the text is only on {sites}'s site",
            )


def _alone(text: str, offset: int, shown: str) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    return text[line_start : len(text) if line_end < 0 else line_end].strip() == shown


def _where(item: Shown) -> str:
    return "in this page" if item.field == "this page" else f"in '{item.field}'"


def _hint(name: str, known, pattern: str) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {pattern.format(close[0])}?)" if close else ""


def _problem(item: Shown, offset: int, message: str) -> Problem:
    snippet = item.text[offset : offset + 24]
    return Problem(item.locate(offset, snippet), item.label + message, RULE)
