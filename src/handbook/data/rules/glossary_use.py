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
    shown = texts(dataset)
    ignored = {word.casefold() for word in dataset.not_acronyms}
    for borough in dataset.boroughs:
        glossary = _Glossary(dataset.terms, borough.id)
        on_site = for_borough(shown, borough.id)
        first: dict[str, Problem] = {}
        for item, offset, word in _words(dataset, borough, on_site):
            if not (glossary.defines(word) or word.casefold() in ignored):
                message = _message(borough.id, word, glossary.scoped_elsewhere(word), item)
                where = item.locate(offset, word)
                _keep_first(first, word.casefold(), Problem(where, message, RULE))
        for item, offset, term in _scoped_uses(glossary, borough.id, on_site):
            message = _message(borough.id, term.term, term.boroughs, item)
            _keep_first(first, term.term, Problem(item.locate(offset, term.term), message, RULE))
        yield from first.values()


class _Glossary:
    """One borough's glossary: the acronyms it defines, and the terms only others have."""

    def __init__(self, all_terms, borough_id: str):
        mine = [t for t in all_terms if not t.boroughs or borough_id in t.boroughs]
        others = [t for t in all_terms if t.boroughs and borough_id not in t.boroughs]
        self.defined = {word.casefold() for t in mine for word in terms.acronyms_of(t.term)}
        self.elsewhere: dict[str, list[str]] = {}
        for term in others:
            for word in terms.acronyms_of(term.term):
                if word.casefold() not in self.defined:
                    self.elsewhere.setdefault(word.casefold(), []).extend(term.boroughs)
        own_terms = {t.term for t in mine}
        self.scoped_phrases = {
            t.term: t for t in others if not terms.acronyms_of(t.term) and t.term not in own_terms
        }
        # One search finds any of them: a text is searched once, not once for each term.
        self.any_phrase = (
            terms.phrases(sorted(self.scoped_phrases, key=len, reverse=True))
            if self.scoped_phrases
            else None
        )

    def defines(self, word: str) -> bool:
        """'CIN' is defined by 'CiN', and 'CSEs' by 'CSE'."""
        return any(form in self.defined for form in _forms(word))

    def scoped_elsewhere(self, word: str) -> list[str] | None:
        return next((self.elsewhere[f] for f in _forms(word) if f in self.elsewhere), None)


def _forms(word: str) -> list[str]:
    folded = word.casefold()
    return [folded, folded[:-1]] if word.endswith("s") else [folded]


def _scoped_uses(glossary: _Glossary, borough_id: str, shown: list[Shown]):
    """(text, offset, term) for the first use in each text of a term only others define."""
    if glossary.any_phrase is None:
        return
    for item in shown:
        if item.foreign:  # another area's front door, by its own name
            continue
        selected, text = _on_site(item.text, borough_id)
        text = masked(text)
        if not glossary.any_phrase.search(text):
            continue
        for name, term in glossary.scoped_phrases.items():
            match = _use(name, text)
            if match:
                yield item, _origin(selected, match.start()), term


def _words(dataset, borough, shown: list[Shown]) -> Iterator[tuple[Shown, int, str]]:
    """Each acronym-like word the borough's site shows, with the text and offset it is at;
    a placeholder's words are found at the placeholder."""
    for item in shown:
        selected, text = _on_site(item.text, borough.id)
        # Masking only blanks text out, so it never makes a word with two capitals: a text
        # with none and no placeholder (most texts) has no acronym, masked or not.
        if "{" not in text and not terms.has_two_capitals(text):
            continue
        text = masked(text)
        if "{" not in text:  # nearly every text: no placeholder to fill in
            for offset, word in terms.acronyms_in(text):
                yield item, _origin(selected, offset), word
            continue
        for offset, word in terms.acronyms_in(blocks.PLACEHOLDER.sub(_blank, text)):
            yield item, selected.origin(offset), word
        for match in blocks.PLACEHOLDER.finditer(text):
            fill = placeholders.fill(dataset, borough, match.group("name"))
            for _, word in terms.acronyms_in(masked(fill.text or "")):
                yield item, selected.origin(match.start()), word


def _on_site(text: str, borough_id: str) -> tuple[blocks.Selected | None, str]:
    """What the borough's site shows of `text`, and where each of its characters was
    written: None where it is the text as written, as nearly every text is (no per-borough
    block or placeholder), which then needs no selecting."""
    if not blocks.has_syntax(text):
        return None, text
    selected = blocks.select(text, borough_id)
    return selected, selected.text


def _origin(selected: blocks.Selected | None, offset: int) -> int:
    return offset if selected is None else selected.origin(offset)


def _use(term: str, text: str):
    """The first use of a scoped term in `text`. A one-word term ('Intensive') is not counted
    where it starts a sentence, as an ordinary word does ('Intensive practical support')."""
    for match in terms.phrase(term).finditer(text):
        if " " in term or not SENTENCE_START.search(text[: match.start()]):
            return match
    return None


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


def _blank(match) -> str:
    return " " * len(match.group())
