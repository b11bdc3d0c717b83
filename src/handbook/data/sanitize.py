"""Text as the pages show it, and the allowlist that keeps it safe.

Every text field and content page becomes HTML through Python-Markdown with the site's own
extensions (read from mkdocs.yml, so the check sees what the build makes). The allowlist is
what that Markdown legitimately makes: headings with ids, links to https, mailto and tel
addresses and to the site's own pages, images from the site itself, tables, definition
lists, abbreviations, admonitions. nh3 (Rust's ammonia) removes everything else; a text whose
HTML it would change is reported by the markup rule, so nothing is silently eaten, and the
built pages pass through the same sanitizer (handbook.postbuild.hardening) as a wall.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import nh3
import yaml

# MkDocs always adds these to the extensions mkdocs.yml names.
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
URL_SCHEMES = {"https", "mailto", "tel"}
SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
TEXT_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "strong", "table", "tbody", "td",
    "th", "thead", "tr", "ul",
}  # fmt: skip
TEXT_ATTRIBUTES = {
    "*": {"id", "class"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
}
# Python-Markdown aligns table columns with this, and with nothing else.
TABLE_ALIGN = re.compile(r"^text-align: (?:left|right|center);?$")
# The theme's own elements have ids starting '__' (`__config` holds its settings as JSON).
THEME_ID = re.compile(r"^\s*__")


def filter_attribute(tag: str, name: str, value: str) -> str | None:
    """What the allowlist cannot say by names alone: where a link and an image may point."""
    if name in ("href", "src"):
        plain = value.strip()
        if plain.startswith(("//", "\\", "/\\")):  # another host, whatever the scheme
            return None
        if name == "src" and SCHEME.match(plain):  # images only from the site itself
            return None
    if name == "style" and not TABLE_ALIGN.match(value.strip()):
        return None
    if name in ("id", "for", "name") and THEME_ID.match(value):
        return None
    return value


@lru_cache(maxsize=4)
def text_cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=TEXT_TAGS,
        attributes=TEXT_ATTRIBUTES,
        attribute_filter=filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )


@lru_cache(maxsize=8)
def _converter(root: Path) -> markdown.Markdown:
    extensions, configs = site_extensions(root)
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def site_extensions(root: Path) -> tuple[list, dict]:
    """The Markdown extensions the builder uses, from mkdocs.yml (and MkDocs' own)."""
    names: list = list(BUILTIN_EXTENSIONS)
    configs: dict = {}
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        listed = yaml.load(text, Loader=_ConfigLoader).get("markdown_extensions") or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError):
        listed = []
    for item in listed if isinstance(listed, list) else []:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if isinstance(name, str) and name not in names:
            names.append(name)
        if isinstance(name, str) and isinstance(config, dict):
            configs[name] = config
    return names, configs


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name: for extension settings: read past them
    (the extensions themselves are named by plain text)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@lru_cache(maxsize=512)  # a content page is read by the markup rule and the link check
def to_html(text: str, root: Path) -> str:
    converter = _converter(root.resolve())
    try:
        return converter.reset().convert(text)
    except Exception:  # an extension's fault on odd text must not stop a check with a traceback
        return ""


@dataclass(frozen=True)
class Change:
    """The first thing the sanitizer would change in a text's HTML."""

    kind: str  # "tag", "attribute", "link", "image" or "other"
    tag: str = ""
    name: str = ""
    value: str = ""


def first_change(html: str, cleaned: str) -> Change | None:
    """None when the sanitizer keeps the HTML as it is; else what it removes first."""
    before, after = _events(html), _events(cleaned)
    if before == after:
        return None
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed, kept = before[a1:a2], after[b1:b2]
        for event in removed:
            if event[0] != "start":
                continue
            match = next((k for k in kept if k[0] == "start" and k[1] == event[1]), None)
            if match is None:
                return Change("tag", event[1])
            return _attribute_change(event, match)
        return Change("other")
    return Change("other")  # pragma: no cover - unequal lists have a non-equal opcode


def _attribute_change(before: tuple, after: tuple) -> Change:
    tag, kept = before[1], dict(after[2])
    for name, value in before[2]:
        if kept.get(name) == value:
            continue
        if name == "src":
            return Change("image", tag, name, value)
        if name == "href":
            return Change("link", tag, name, value)
        return Change("attribute", tag, name, value)
    return Change("other", tag)


def _events(html: str) -> list[tuple]:
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.events


class _Events(HTMLParser):
    """HTML as a list of tags (with their attributes, sorted) and text, so that two ways of
    writing the same HTML (`<br />` and `<br>`, `&para;` and `¶`) compare equal."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "text":
            self.events[-1] = ("text", self.events[-1][1] + data)
        else:
            self.events.append(("text", data))

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_decl(self, decl):
        self.events.append(("decl", decl))

    handle_pi = handle_unknown_decl = handle_decl
