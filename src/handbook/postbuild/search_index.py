"""The search index of one built borough: Pagefind's, and the words for correcting typos.

Pagefind (PyPI `pagefind[bin]`, its binary in the wheel) reads the finished pages and
writes `pagefind/`: the index in small chunks, so a search fetches only the few it needs,
and the script that searches it. It reads each page's `<article>` only (the part made from
the data), with the weights and details the site stage put there (src/handbook/site/search.py).

Pagefind corrects no typing mistakes, so this step also writes the words a mistake may be
corrected into (`search-vocabulary/<length>.json`): those that name something on the pages,
in a service's names, acronyms and needs and in the pages' titles. A word the index has
anywhere is never corrected (the search box asks the index first); one it does not have is
corrected only into a word that names something, so that "bullying", which the guide does not
mention, is not taken for "building", which it does in passing.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from ..site.search import VOCABULARY_FOLDER

BUNDLE = "pagefind"
ROOT_SELECTOR = "article"
# Not part of what a page says: its heading anchors, the theme's buttons, the finder's and
# What's changed's long lists (every service, every change), which would match everything.
EXCLUDE = ".headerlink, .md-content__button, .finder-results, .handbook-not-indexed"
# Pagefind's ready-made interfaces: the site has its own search box (overrides/).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
          "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-highlight.js")  # fmt: skip
SHORTEST = 5  # shorter words are never corrected
MOST_WORDS = 60_000  # the vocabulary's bound, most frequent first, whatever the data's size
ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL)
# The parts of an article that name things: its title, and the weighted words of a page.
NAMING = re.compile(
    r"<(h1)\b[^>]*>(.*?)</\1>|<p data-pagefind-weight=\"[^\"]*\">(.*?)</p>", re.DOTALL
)
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


class IndexFailed(Exception):
    pass


def index_site(folder: Path, manifest: dict | None = None) -> None:
    """Index one built borough in place: `folder`/pagefind/ and `folder`/search-vocabulary/."""
    shutil.rmtree(folder / BUNDLE, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(folder),
               "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDE,
               "--force-language", "en"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not (folder / BUNDLE / "pagefind.js").is_file():
        raise IndexFailed(f"Pagefind could not index {folder}:\n{result.stderr.strip()}")
    for name in UNUSED:
        (folder / BUNDLE / name).unlink(missing_ok=True)
    write_vocabulary(folder, vocabulary(folder), _indexed_pages(result.stdout))


def vocabulary(folder: Path) -> Counter:
    """How often each naming word of five letters or more appears in the pages' articles."""
    counts: Counter = Counter()
    for page in sorted(folder.rglob("*.html")):
        if page.relative_to(folder).parts[0] in (BUNDLE, "assets"):
            continue
        found = ARTICLE.search(page.read_text(encoding="utf-8"))
        if found is None:
            continue
        for match in NAMING.finditer(found.group(1)):
            text = html.unescape(TAG.sub(" ", match.group(2) or match.group(3))).lower()
            counts.update(w for w in WORD.findall(text.replace("’", "'")) if len(w) >= SHORTEST)
    return counts


def _indexed_pages(log: str) -> int:
    """How many pages Pagefind indexed, from what it printed ("Indexed 47 pages")."""
    found = re.search(r"Indexed (\d+) pages?", log)
    if found is None:
        raise IndexFailed(f"Pagefind did not say how many pages it indexed:\n{log[-500:]}")
    return int(found.group(1))


def write_vocabulary(folder: Path, counts: Counter, pages: int) -> None:
    """One file per word length, most frequent first: a word is corrected against words of
    about its own length, so a search fetches two or three small files, never all of them."""
    out = folder / VOCABULARY_FOLDER
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    kept = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MOST_WORDS]
    by_length: dict[int, list[str]] = {}
    for word, _ in kept:
        by_length.setdefault(len(word), []).append(word)
    for length, words in sorted(by_length.items()):
        (out / f"{length}.json").write_text(json.dumps(words) + "\n", encoding="utf-8")
    lengths = sorted(by_length)
    # The number of pages tells the search box how common a word is from how many pages have
    # it, without asking the index for every page (which would fetch all of it).
    summary = {"lengths": lengths, "pages": pages}
    (out / "index.json").write_text(json.dumps(summary) + "\n", encoding="utf-8")
