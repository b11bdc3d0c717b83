"""The site-side wall: whatever got past the check, no built page runs a script it should not,
or loads anything from another host.

`harden(folder)` runs over one borough's built folder, after any builder:

- each page's article (the part made from data and content: in Material's output,
  `<article class="md-content__inner ...">`) is passed through nh3 with an allowlist of
  what our templates and Markdown extensions legitimately make, so a tag or attribute that
  the check did not catch is removed rather than run;
- every page gets a Content-Security-Policy as the first child of its <head>: it names no
  other host, runs only the site's own script files and the theme's own inline scripts (by
  their sha256 hashes, computed from the built page), never an inline event handler, and
  allows WebAssembly (the search engine, Pagefind, needs it);
- a page's <title> holds text only, and no page redirects itself elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import nh3

from ..data.sanitize import TEXT_ATTRIBUTES, TEXT_TAGS, URL_SCHEMES, filter_attribute

# What the templates add to Markdown's HTML inside an article: the finder's form, the
# contact block's hidden search words, the provenance line, the PDF links.
PAGE_TAGS = TEXT_TAGS | {
    "button", "caption", "col", "colgroup", "del", "details", "figcaption", "figure", "form",
    "input", "ins", "kbd", "label", "mark", "option", "section", "select", "small", "span",
    "sub", "summary", "sup", "tfoot",
}  # fmt: skip
PAGE_ATTRIBUTES = {
    **TEXT_ATTRIBUTES,
    "*": TEXT_ATTRIBUTES["*"] | {"hidden", "title", "role", "lang", "dir"},
    "a": TEXT_ATTRIBUTES["a"] | {"download"},
    "button": {"type"},
    "input": {
        "type",
        "name",
        "min",
        "max",
        "step",
        "inputmode",
        "value",
        "placeholder",
        "checked",
        "autocomplete",
    },  # fmt: skip
    "label": {"for"},
    "option": {"value", "selected"},
    "select": {"name", "multiple"},
    "td": TEXT_ATTRIBUTES["td"] | {"colspan", "rowspan"},
    "th": TEXT_ATTRIBUTES["th"] | {"colspan", "rowspan", "scope"},
}
# data-* carries the finder's facts (ages, levels, needs); aria-* the pages' accessibility.
ATTRIBUTE_PREFIXES = {"data-", "aria-"}

ARTICLE_START = re.compile(r'<article\b[^>]*\bclass="md-content__inner[^"]*"[^>]*>')
ARTICLE_END = "</article>"
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
TITLE = re.compile(r"(<title\b[^>]*>)(.*)(</title\s*>)", re.IGNORECASE | re.DOTALL)
HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SCRIPT_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
JAVASCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")
REDIRECT = re.compile(r"""<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>""", re.IGNORECASE)
BASE = re.compile(r"<base\b[^>]*>", re.IGNORECASE)

# Everything from this site only; no inline script but the hashed ones; no plugins, frames or
# <base>; forms post nowhere else. Styles may be inline (the theme and table alignment use
# them); images may be data: URLs (the theme's icons are).
POLICY = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; media-src 'self'; "
    "object-src 'none'; frame-src 'none'; form-action 'self'; base-uri 'none'"
)


def harden(folder: Path) -> None:
    """Sanitize the article and add the policy on every HTML page of one built borough."""
    for path in sorted(folder.rglob("*.html")):
        if path.is_symlink() or not path.is_file():
            continue
        page = path.read_text(encoding="utf-8")
        hardened = harden_page(page)
        if hardened != page:
            path.write_text(hardened, encoding="utf-8")


def harden_page(page: str) -> str:
    """One page, hardened; running it again changes nothing."""
    page = POLICY_META.sub("", page)
    page = sanitize_article(page)
    page = REDIRECT.sub("", BASE.sub("", page))
    page = _plain_title(page)
    return _with_policy(page)


def sanitize_article(page: str) -> str:
    start = ARTICLE_START.search(page)
    if start is None:
        return page
    # The last end tag, not the first: a '</article>' written into the content must not end
    # what is sanitized early and leave the rest as it was.
    end = page.rfind(ARTICLE_END)
    if end < start.end():
        end = len(page)
    inner = page_cleaner().clean(page[start.end() : end])
    return page[: start.end()] + inner + page[end:]


@lru_cache(maxsize=1)
def page_cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=PAGE_TAGS,
        clean_content_tags={"script", "style"},
        attributes=PAGE_ATTRIBUTES,
        generic_attribute_prefixes=ATTRIBUTE_PREFIXES,
        attribute_filter=filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )


def policy(page: str) -> str:
    """The page's Content-Security-Policy: its own inline scripts hashed, nothing else."""
    hashes = sorted({f" 'sha256-{_hash(body)}'" for body in inline_scripts(page)})
    return POLICY.format(hashes="".join(hashes))


def inline_scripts(page: str) -> list[str]:
    """The bodies of the page's inline scripts that run (not its JSON data blocks)."""
    bodies = []
    for match in SCRIPT.finditer(page):
        attributes, body = match.groups()
        kind = SCRIPT_TYPE.search(attributes)
        if SCRIPT_SRC.search(attributes) or not body:
            continue
        if (kind.group(1).lower() if kind else "") in JAVASCRIPT_TYPES:
            bodies.append(body)
    return bodies


def _hash(body: str) -> str:
    # The browser hashes the script as parsed, after turning CRLF and CR into LF.
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _with_policy(page: str) -> str:
    head = HEAD.search(page)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page)}">\n'
    if head is None:  # a page without <head>: the policy still comes before anything else
        return meta + page
    return page[: head.end()] + "\n" + meta + page[head.end() :].lstrip("\n")


def _plain_title(page: str) -> str:
    """A <title> holds text: a '</title>' or a tag decoded into it (a page title written
    with '&lt;') must not open elements in the <head>."""
    head_end = HEAD_END.search(page)
    head = page[: head_end.start()] if head_end else page
    match = TITLE.search(head)  # greedy: from the first <title> to the last </title>
    if match is None or "<" not in match.group(2):
        return page
    text = match.group(2).replace("<", "&lt;").replace(">", "&gt;")
    return page[: match.start(2)] + text + page[match.end(2) :]
