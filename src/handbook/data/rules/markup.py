"""Text is Markdown only and safe: no raw HTML, no scripts, no links or images that lead
where a page must not (another host's images, `http:`, `data:` or `javascript:` links).

Every text field and every content page is pasted into the pages as Markdown, and Markdown
passes HTML through untouched, so a `<script>`, an `onclick` or a `javascript:` link written
in the data would run in every practitioner's browser. The patterns below name the common
faults; then each text that could make HTML is rendered as the site renders it and passed
through the site's sanitizer, and any change it would make is reported, so that no edit is
silently eaten on the page (and no trick the patterns miss gets through). Autolinks such as
`<https://example.org>` and `<name@example.org>` are Markdown, not HTML, and stay allowed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from .. import blocks, sanitize
from ..dataset import Dataset
from ..loader import LoadedFile, PathKey
from ..problems import Location, Problem

RAW_HTML = "raw HTML is not allowed {where} (write Markdown instead)"
ENCODED_HTML = (
    "HTML written with '&lt;' is not allowed {where} (write Markdown instead; a '<' on its "
    "own, as in '<5', is fine)"
)
SCRIPT_LINK = (
    "'{found}' links are not allowed {where} (link to a web address starting with https://)"
)
EVENT_ATTRIBUTE = (
    "'{found}' attributes are not allowed {where} (they run scripts; remove the {{ ... }} part)"
)
HTTP_LINK = (
    "'{found}' must start with https:// {where} (websites must be https, so that no one can "
    "change the page on its way)"
)
OTHER_LINK = (
    "'{found}' links are not allowed {where} (link to a web address starting with https://, "
    "an email address, a phone number or a page of this site)"
)
FOREIGN_IMAGE = (
    "images from other hosts are not allowed {where} ('{found}'): put the image in content/ "
    "and show it from there"
)
ATTRIBUTE = (
    "'{found}' attributes are not allowed {where} (remove it from the {{ ... }} part; "
    "#id and .class are fine)"
)
THEME_ID = "the id '{found}' is not allowed {where} (ids starting '__' belong to the theme)"
CHANGED = (
    "this text would not show as written {where}: the site's safety filter would change it "
    "(write plain Markdown)"
)

# Where a tag begins: '<' and a letter, '/', '!' or '?'; whether or not a '>' follows, since
# another field printed beside it may close it. Markdown's autolinks are not tags.
TAG_START = re.compile(r"<[A-Za-z/!?]")
AUTOLINK = re.compile(r"<(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp])://[^<>]*>|<[^<> !]+@[^@<> ]+>")
LINK_TARGET = re.compile(r"(?:\]\(|\]:[ \t]*)$")
# '&lt;b&gt;' is shown as text by Markdown, but page titles decode it into a tag.
ENCODED_TAG = re.compile(r"&(?:lt;?|#0*60;?|#[xX]0*3[cC];?)(?=\s*[A-Za-z/!?])", re.IGNORECASE)
# Where a link target begins: a link or image "](", a reference definition "]:", an
# autolink "<", or an attribute written with Markdown's attr_list.
LINK_START = re.compile(r"\]\(|\]:|<|\b(?:href|src)\s*=", re.IGNORECASE)
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
# attr_list turns `{ onclick="..." }` after a link or heading into an HTML attribute; a
# brace inside its value ("x{") does not end it.
EVENT = re.compile(r"\{[^}\n]*?\b(on[a-z]+)\s*=", re.IGNORECASE)
# Code is shown as written, never run: blank it out (keeping line breaks) before checking.
CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]+`", re.DOTALL)
# Text that can make more HTML than paragraphs, headings and emphasis: links, images, tags,
# attributes. Only such text is rendered and compared (rendering every text would be most of
# a check's time; a third of the services' texts have headings).
MAKES_HTML = re.compile(r"[<\]{]")
# A heading's id is made from its words: '## __config' would take the id of the theme's
# settings, which its script reads.
THEME_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(__\w*)", re.MULTILINE)


def check(dataset: Dataset) -> Iterator[Problem]:
    for loaded in dataset.files.values():
        if loaded.data is not None:
            yield from _data_file(dataset.root, loaded)
    for key, text in sorted(dataset.pages.items()):
        yield from _content_page(dataset.root, f"content/{key}", text)


def faults(text: str, root: Path) -> Iterator[tuple[int, str, str]]:
    """(offset, message template, what was found) for each fault in one piece of Markdown."""
    if not may_have_faults(text):
        return
    text = _without_blocks(text)
    found = list(_patterns(text))
    if found:
        yield from found
    elif MAKES_HTML.search(text):
        yield from _sanitizer(text, root)


def may_have_faults(text: str) -> bool:
    """Every pattern below needs one of these characters; most text has none (a third of the
    check's time at 10,000 services went on scanning such text). Written out: a loop over
    the characters costs more than the tests."""
    return "<" in text or "]" in text or "=" in text or "&" in text or "{" in text or "_" in text


def _without_blocks(text: str) -> str:
    """The text with the per-borough syntax (data/blocks.py) blanked out, character for
    character so that offsets still point at the same place: a fence line, the `{blackpool:`
    and `}` around inline words, and a placeholder such as `{front-door}` are filled in from
    the data before any Markdown is made, so they are not attribute lists."""

    def blank(match) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    def inline(match) -> str:
        body = match.group("body")
        opening = len(match.group()) - len(body) - 1
        return " " * opening + body + " "

    if "{" in text:
        text = blocks.INLINE.sub(inline, text)
        text = blocks.PLACEHOLDER.sub(lambda m: "x" * len(m.group()), text)
    if ":::" in text:
        text = blocks.FENCE.sub(blank, text)
    return text


def _patterns(text: str) -> Iterator[tuple[int, str, str]]:
    text = CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    script_links = set()
    for match in LINK_START.finditer(text):
        scheme = _script_scheme(text[match.end() : match.end() + 80])
        if scheme:
            script_links.add(match.start())
            yield match.start(), SCRIPT_LINK, scheme
    for match in TAG_START.finditer(text):
        at = match.start()
        # A link's target may be written in angle brackets: `[a](<url>)`, `[a]: <url>`.
        in_link = LINK_TARGET.search(text, max(0, at - 8), at) is not None
        if not (AUTOLINK.match(text, at) or in_link or at in script_links):
            yield at, RAW_HTML, match.group()
    for match in ENCODED_TAG.finditer(text):
        yield match.start(), ENCODED_HTML, match.group()
    for match in EVENT.finditer(text):
        yield match.start(), EVENT_ATTRIBUTE, match.group(1).lower()
    for match in THEME_HEADING.finditer(text):
        yield match.start(1), THEME_ID, match.group(1)


def _sanitizer(text: str, root: Path) -> Iterator[tuple[int, str, str]]:
    """The first thing the site's sanitizer would change in this text's HTML, if any."""
    rendered = sanitize.to_html(text, root)
    change = sanitize.first_change(rendered, sanitize.text_cleaner().clean(rendered))
    if change is None:
        return
    template, found, needle = CHANGED, "", ""
    if change.kind == "tag":
        template, found, needle = RAW_HTML, f"<{change.tag}", f"<{change.tag}"
    elif change.kind in ("link", "image"):
        found = needle = change.value
        scheme = sanitize.SCHEME.match(change.value)
        if change.kind == "image":
            template = FOREIGN_IMAGE
        elif scheme and scheme.group(1).lower() == "http":
            template = HTTP_LINK
        else:
            found = f"{scheme.group(1).lower()}:" if scheme else change.value
            template = OTHER_LINK
    elif change.kind == "attribute":
        template, found, needle = ATTRIBUTE, change.name, change.name
        if change.name in ("id", "for", "name"):
            template, found, needle = THEME_ID, change.value, change.value
    offset = text.lower().find(needle.lower()) if needle else -1
    yield max(offset, 0), template, found


def _script_scheme(target: str) -> str | None:
    # Browsers ignore whitespace and control characters inside a scheme and decode entities
    # first ("java&#115;cript:"); Markdown drops backslash escapes ("javascript\:").
    plain = re.sub(r"[\s\x00-\x1f\\\"'<]", "", html.unescape(target)).lower()
    return next((scheme for scheme in SCRIPT_SCHEMES if plain.startswith(scheme)), None)


def _data_file(root: Path, loaded: LoadedFile) -> Iterator[Problem]:
    lines: list[str] = []  # read once, at the file's first fault: most files have none
    for key, text in _strings(loaded.data):
        found_here = sorted(faults(text, root))
        if not found_here:
            continue
        lines = lines or (root / loaded.path).read_text(encoding="utf-8").splitlines()
        where = f"in '{_field(key)}'"
        label = _label(loaded.data, key)
        start = loaded.locate(key)
        last = _value_end(loaded, key, len(lines))
        for offset, template, found in found_here:
            snippet = _snippet(text, offset)
            # The third <br> of a text is the third <br> in the file from the field's line on.
            nth = text.count(snippet, 0, offset) if snippet else 0
            line = _line_holding(snippet, nth, lines, start.line, last) or start.line
            message = label + template.format(where=where, found=found)
            yield Problem(Location(start.path, line), message, "markup")


def _content_page(root: Path, shown: str, text: str) -> Iterator[Problem]:
    for offset, template, found in faults(text, root):
        line = text.count("\n", 0, offset) + 1
        message = template.format(where="in this page", found=found)
        yield Problem(Location(shown, line), message, "markup")


def _strings(data) -> list[tuple[PathKey, str]]:
    """Every text value in a loaded file that `may_have_faults`, with its path."""
    if isinstance(data, str):
        return [((), data)] if may_have_faults(data) else []
    found: list[tuple[PathKey, str]] = []
    if isinstance(data, (dict, list)):
        _collect(data, (), found)
    return found


def _collect(data: dict | list, key: PathKey, found: list[tuple[PathKey, str]]) -> None:
    # A plain recursive walk that makes a value's path only where it is needed: a generator
    # of every value with its path was the most of this rule's time at 10,000 services.
    for name, value in data.items() if isinstance(data, dict) else enumerate(data):
        if isinstance(value, str):
            if may_have_faults(value):
                found.append((key + (name,), value))
        elif isinstance(value, (dict, list)):
            _collect(value, key + (name,), found)


def _field(key: PathKey) -> str:
    names = [part for part in key if isinstance(part, str)]
    return names[-1] if names else "entry"


def _label(data, key: PathKey) -> str:
    """'ns-engage: ' (or 'level 3: ') for a value inside an entry."""
    label = ""
    for part in key:
        data = data[part]
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            label = f"{data['id']}: "
        elif isinstance(data, dict) and isinstance(data.get("level"), int):
            label = f"level {data['level']}: "
    return label


def _value_end(loaded: LoadedFile, key: PathKey, last_line: int) -> int:
    """The last line the value at `key` can reach: the line before whatever follows it in the
    file, which is its next sibling, or the next sibling of the nearest ancestor that has one."""
    while key:
        parent_key, part = key[:-1], key[-1]
        parent = _value_at(loaded.data, parent_key)
        following = list(parent) if isinstance(parent, dict) else list(range(len(parent)))
        position = following.index(part) + 1
        if position < len(following):
            return loaded.locate(parent_key + (following[position],)).line - 1
        key = parent_key
    return last_line


def _value_at(data, key: PathKey):
    for part in key:
        data = data[part]
    return data


def _snippet(text: str, offset: int) -> str:
    # The start of what was found, up to a quote or a line break, which YAML may have escaped
    # or folded, so that it can be found as written in the file.
    return re.split(r"[\"'\\\n]", text[offset : offset + 12])[0]


def _line_holding(snippet: str, nth: int, lines: list[str], first: int, last: int) -> int | None:
    """The line, from `first` to `last`, holding the `nth` (from 0) `snippet`: where in a long
    value its fault is. None where YAML wrote it otherwise (escaped, or folded across lines)."""
    if not snippet:
        return None
    seen = 0
    for number in range(first, min(last, len(lines)) + 1):
        seen += lines[number - 1].count(snippet)
        if seen > nth:
            return number
    return None
