"""The glossary explains every acronym a site shows, on that site.

A term with `boroughs:` is in those boroughs' glossaries only; so an acronym (or a term
scoped to one borough, such as 'Universal Plus') that another borough's pages use must be
defined for that borough too. Each missing definition is reported once per site, where the
word is first used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import blocks, placeholders, terms
from ..areas import masked
from ..dataset import Dataset
from ..problems import Problem
from ..shown import Shown, for_borough, texts

RULE = "glossary"
# Where a sentence or list item starts: nothing but spaces and marks since a stop or a line.
SENTENCE_START = re.compile(r"(?:^|[.!?:]\s|\n)[\s\-*#>|]*$")


def check(dataset: Dataset) -> Iterator[Problem]:
    shown = list(texts(dataset))
    ignored = {word.casefold() for word in dataset.not_acronyms}
    for borough in dataset.boroughs:
        mine = [t for t in dataset.terms if not t.boroughs or borough.id in t.boroughs]
        others = [t for t in dataset.terms if t.boroughs and borough.id not in t.boroughs]
        defined = {word.casefold() for t in mine for word in terms.acronyms_of(t.term)}
        elsewhere = _defined_elsewhere(others, defined)
        scoped_phrases = [t for t in others if not terms.acronyms_of(t.term)
                          and t.term not in {m.term for m in mine}]  # fmt: skip
        first: dict[str, Problem] = {}
        for item, offset, word in _words(dataset, borough, for_borough(shown, borough.id)):
            key = word.casefold().removesuffix("s") if word.endswith("s") else word.casefold()
            if word.casefold() in defined or key in defined or word.casefold() in ignored:
                continue
            message = _message(borough.id, word, elsewhere.get(key) or elsewhere.get(
                word.casefold()), item)  # fmt: skip
            _keep_first(first, key, Problem(item.locate(offset, word), message, RULE))
        for item in for_borough(shown, borough.id):
            if item.foreign:  # another area's front door, by its own name
                continue
            text = masked(blocks.select(item.text, borough.id).text)
            for term in scoped_phrases:
                match = _use(term.term, text)
                if match:
                    where = item.locate(_origin(item, borough.id, match.start()), term.term)
                    message = _message(borough.id, term.term, term.boroughs, item)
                    _keep_first(first, term.term, Problem(where, message, RULE))
        yield from first.values()


def _words(dataset, borough, shown: list[Shown]) -> Iterator[tuple[Shown, int, str]]:
    """Each acronym-like word the borough's site shows, with the text and offset it is at;
    a placeholder's words are found at the placeholder."""
    for item in shown:
        selected = blocks.select(item.text, borough.id)
        text = masked(selected.text)
        if "{" not in text:  # nearly every text: no placeholder to fill in
            for offset, word in terms.acronyms_in(text):
                yield item, selected.origin(offset), word
            continue
        for offset, word in terms.acronyms_in(blocks.PLACEHOLDER.sub(_blank, text)):
            yield item, selected.origin(offset), word
        for match in blocks.PLACEHOLDER.finditer(text):
            fill = placeholders.fill(dataset, borough, match.group("name"))
            for _, word in terms.acronyms_in(masked(fill.text or "")):
                yield item, selected.origin(match.start()), word


def _use(term: str, text: str):
    """The first use of a scoped term in `text`. A one-word term ('Intensive') is not counted
    where it starts a sentence, as an ordinary word does ('Intensive practical support')."""
    for match in terms.phrase(term).finditer(text):
        if " " in term or not SENTENCE_START.search(text[: match.start()]):
            return match
    return None


def _defined_elsewhere(others, defined: set[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for term in others:
        for word in terms.acronyms_of(term.term):
            if word.casefold() not in defined:
                found.setdefault(word.casefold(), []).extend(term.boroughs)
    return found


def _message(borough_id: str, word: str, scoped: list[str] | None, item: Shown) -> str:
    where = "in this page" if item.field == "this page" else f"in '{item.field}'"
    if scoped:
        only = ", ".join(sorted(set(scoped)))
        return (
            f"{item.label}'{word}' {where} is on {borough_id}'s site, but data/glossary.yaml "
            f"defines it only for {only} (add {borough_id} to the term's 'boroughs', or leave "
            "'boroughs' out)"
        )
    return (
        f"{item.label}'{word}' {where} is on {borough_id}'s site, but data/glossary.yaml does "
        "not define it (add the term; if it is not an acronym, add it to 'not_acronyms')"
    )


def _keep_first(first: dict[str, Problem], key: str, problem: Problem) -> None:
    if key not in first or problem < first[key]:
        first[key] = problem


def _origin(item: Shown, borough_id: str, offset: int) -> int:
    return blocks.select(item.text, borough_id).origin(offset)


def _blank(match) -> str:
    return " " * len(match.group())
