"""Glossary terms in text: what counts as an acronym, and where a term is used.

The glossary gives every acronym a tooltip and a definition; the `glossary` rule checks that
each acronym a site shows is defined for that site. Both decide what an acronym is here.
"""

from __future__ import annotations

import re
from functools import lru_cache

# An acronym term is one word with at least two capitals ("CADS", "CiN", "GCP2", "C&F").
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9&/]+$")
# A word as written in text with two capitals or more: letters, digits and '&' ("C&F");
# '/' separates ("CSE/CCE"). Only such words can be acronyms, or shouted words.
WORD = re.compile(r"(?<![\w&])(?=[a-z0-9&]*[A-Z][A-Za-z0-9&]*[A-Z])[A-Za-z][A-Za-z0-9&]*(?![\w&])")


def looks_like_acronym(word: str) -> bool:
    """'CADS', 'CiN', 'BwD', 'GCP2': at least two capitals, and more than half its letters.
    ('McAlister' and 'AssetPlus' are names, and 'JaVaScRiPt' a trick, not acronyms.)"""
    letters = [ch for ch in word if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return capitals >= 2 and capitals * 2 > len(letters)


TWO_CAPITALS = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z]")


def has_two_capitals(text: str) -> bool:
    """Whether a word of `text` has two capitals: without one, `text` has no acronym."""
    return TWO_CAPITALS.search(text) is not None


@lru_cache(maxsize=2**18)  # each text is searched once for every borough that shows it
def acronyms_in(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, word) for every word in `text` that looks like an acronym, leaving out words
    in capitals written as a sentence ("ALL OF THIS WILL HAPPEN"): three or more in a row."""
    if not has_two_capitals(text):  # most text
        return ()
    found = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    shouted = _shouted(text, found)
    return tuple(
        (start, word)
        for start, _, word in found
        if looks_like_acronym(word) and start not in shouted
    )


def _shouted(text: str, words: list[tuple[int, int, str]]) -> set[int]:
    """Where the words in capitals written one space apart, three or more in a row, start."""
    shouted: set[int] = set()
    run: list[int] = []
    previous_end = 0
    for start, end, word in [*words, (len(text) + 1, 0, "")]:  # a last non-word ends a run
        if word.isupper() and run and text[previous_end:start] == " ":
            run.append(start)
        else:
            shouted.update(run if len(run) >= 3 else ())
            run = [start] if word.isupper() else []
        previous_end = end
    return shouted


def acronyms_of(term: str) -> set[str]:
    """The acronyms a glossary term defines: 'VCF / VCFS / VCS', 'C&F assessment'."""
    return {word for _, word in acronyms_in(term)}


def phrases(many: list[str]) -> re.Pattern:
    """Any of several terms, as whole words or phrases, as written."""
    return re.compile(rf"(?<![\w&])(?:{'|'.join(map(re.escape, many))})(?![\w&])")


@lru_cache(maxsize=1024)
def phrase(term: str) -> re.Pattern:
    """A term as a whole word or phrase, as written (capitals matter: 'Intensive' is a name,
    'intensive' an ordinary word)."""
    return re.compile(rf"(?<![\w&]){re.escape(term)}(?![\w&])")
