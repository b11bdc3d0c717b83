"""Per-borough blocks and placeholders: how shared text says "only on this borough's site"
and "your area's number here".

A shared page or field is shown on every borough's site. What speaks for one borough goes in
a per-borough block, shown only on the sites it names:

    ::: blackpool
    Text for Blackpool's site only (any Markdown: paragraphs, lists, table rows).
    :::

or, inside a sentence, `{blackpool: text for Blackpool's site only}` (the space after the
colon is part of the text, so write it with no space before the brace). Several boroughs are
written `::: blackpool, lancashire`. A placeholder such as `{front-door-phone}` is filled in
on each site from the data (see `placeholders`). Nothing here is ever run as a template:
the text is only cut into parts and searched for names, so an editor's text stays text.
A backslash keeps a brace as written: `\\{` shows `{`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

KEBAB = r"[a-z0-9]+(?:-[a-z0-9]+)*"
IDS = rf"{KEBAB}(?:[ \t]*,[ \t]*{KEBAB})*"
# A fence line: `::: blackpool` opens a block, `:::` alone closes it.
FENCE = re.compile(r"^[ \t]*:::(?P<rest>.*)$", re.MULTILINE)
OPENING = re.compile(rf"^[ \t]+(?P<ids>{IDS})[ \t]*$")
# `{blackpool: words}` on one line; the words may hold placeholders but no other braces.
# The words keep the space after the colon: "services{blackburn-with-darwen: (the CAF)};"
INLINE = re.compile(
    rf"(?<!\\)\{{(?P<ids>{IDS}):(?P<body>[ \t](?:[^{{}}\\\n]|\\.|\{{{KEBAB}\}})*)\}}"
)
PLACEHOLDER = re.compile(rf"(?<!\\)\{{(?P<name>{KEBAB})\}}")

# Messages for the editor; {where} is "in this page" or "in 'response'".
NOT_CLOSED = (
    "the per-borough block '::: {ids}' {where} is not closed (add a line ':::' after the text "
    "it holds)"
)
STRAY_CLOSE = (
    "':::' {where} closes no per-borough block (remove it, or open one above it with "
    "'::: <borough id>')"
)
NESTED = (
    "a per-borough block {where} cannot hold another one (close '{ids}' before opening the next)"
)
BAD_OPENING = (
    "'::: {rest}' {where} is not a per-borough block (write ':::' and borough ids, such as "
    "'::: blackpool' or '::: blackpool, blackburn-with-darwen')"
)


@dataclass(frozen=True)
class Part:
    """A run of the text: shown on every site (`boroughs` None) or only on those named."""

    start: int  # where the part's text begins in the whole text
    text: str
    boroughs: frozenset[str] | None = None

    def shown_on(self, borough_id: str) -> bool:
        return self.boroughs is None or borough_id in self.boroughs


@dataclass(frozen=True)
class Named:
    """A name written in the text (a borough id of a block, or a placeholder) and its place."""

    offset: int
    name: str


@dataclass
class Parsed:
    parts: list[Part] = field(default_factory=list)
    # (offset, message with '{where}' still to fill in: "in this page", "in 'response'")
    faults: list[tuple[int, str]] = field(default_factory=list)
    boroughs: list[Named] = field(default_factory=list)  # every borough id a block names

    def placeholders(self) -> list[tuple[Named, Part]]:
        """Every placeholder, with the part it is in (so: the sites that show it)."""
        return [
            (Named(part.start + m.start(), m.group("name")), part)
            for part in self.parts
            for m in PLACEHOLDER.finditer(part.text)
        ]


@dataclass(frozen=True)
class Selected:
    """The text one site shows, and where each of its characters was written."""

    text: str
    pieces: tuple[tuple[int, int], ...]  # (offset in `text`, offset in the whole text)

    def origin(self, offset: int) -> int:
        """Where the character at `offset` of the selected text is in the whole text."""
        for out_start, start in reversed(self.pieces):
            if out_start <= offset:
                return start + offset - out_start
        return offset


def has_syntax(text: str) -> bool:
    # Most text has neither a brace nor a fence: leave it untouched, cheaply.
    return "{" in text or ":::" in text


@lru_cache(maxsize=8192)  # each text is parsed for every borough and every rule
def parse(text: str) -> Parsed:
    parsed = Parsed()
    if not has_syntax(text):
        parsed.parts.append(Part(0, text))
        return parsed
    for part in _fenced(text, parsed):
        parsed.parts.extend(_inline(part, parsed))
    return parsed


def select(text: str, borough_id: str) -> Selected:
    """The text of `text` that `borough_id`'s site shows (placeholders not yet filled in)."""
    if not has_syntax(text):
        return Selected(text, ((0, 0),))
    parsed = parse(text)
    out: list[str] = []
    pieces: list[tuple[int, int]] = []
    length = 0
    for part in parsed.parts:
        if part.shown_on(borough_id) and part.text:
            pieces.append((length, part.start))
            out.append(part.text)
            length += len(part.text)
    return Selected("".join(out), tuple(pieces))


def _fenced(text: str, parsed: Parsed) -> list[Part]:
    """Cut the text at its fence lines into shared parts and per-borough blocks."""
    parts: list[Part] = []
    position = 0  # where the current part's text begins
    opened: tuple[int, str, frozenset[str]] | None = None  # (offset, ids as written, ids)
    for fence in FENCE.finditer(text):
        rest = fence.group("rest")
        line_end = min(fence.end() + 1, len(text))  # the fence line and its line break
        if not rest.strip():  # a closing fence
            if opened is None:
                parsed.faults.append((fence.start(), STRAY_CLOSE))
                continue
            parts.append(Part(position, text[position : fence.start()], opened[2]))
            opened, position = None, line_end
            continue
        match = OPENING.match(rest)
        if match is None:
            parsed.faults.append((fence.start(), BAD_OPENING.replace("{rest}", rest.strip())))
            continue
        if opened is not None:
            parsed.faults.append((fence.start(), NESTED.replace("{ids}", f"::: {opened[1]}")))
            continue
        ids = _ids(match.group("ids"), fence.start() + len(":::") + match.start("ids"), parsed)
        parts.append(Part(position, text[position : fence.start()]))
        opened, position = (fence.start(), match.group("ids"), ids), line_end
    if opened is not None:
        parsed.faults.append((opened[0], NOT_CLOSED.replace("{ids}", opened[1])))
        parts.append(Part(position, text[position:], opened[2]))
    else:
        parts.append(Part(position, text[position:]))
    return parts


def _inline(part: Part, parsed: Parsed) -> list[Part]:
    """Cut one part at its inline blocks, `{blackpool: words}`."""
    pieces: list[Part] = []
    position = 0
    for match in INLINE.finditer(part.text):
        if part.boroughs is not None:
            where = part.start + match.start()
            ids = "::: " + ", ".join(sorted(part.boroughs))
            parsed.faults.append((where, NESTED.replace("{ids}", ids)))
            continue
        ids = _ids(match.group("ids"), part.start + match.start("ids"), parsed)
        pieces.append(Part(part.start + position, part.text[position : match.start()]))
        pieces.append(Part(part.start + match.start("body"), match.group("body"), ids))
        position = match.end()
    pieces.append(Part(part.start + position, part.text[position:], part.boroughs))
    return pieces


def _ids(written: str, offset: int, parsed: Parsed) -> frozenset[str]:
    ids = []
    for match in re.finditer(KEBAB, written):
        parsed.boroughs.append(Named(offset + match.start(), match.group()))
        ids.append(match.group())
    return frozenset(ids)
