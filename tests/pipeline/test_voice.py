"""Both built sites speak for their own borough: the right numbers, labelled where they are
another area's, no other borough's words on the shared pages, one set of level names, the
glossary for the words each site uses, and the gaps said out loud."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import phonenumbers
import pytest

from handbook.data import terms
from handbook.data.areas import number_owners
from handbook.data.dataset import load_dataset
from handbook.data.model import SHARED

from ..conftest import REPO, borough_ids, soup

BWD = "blackburn-with-darwen"
BPL = "blackpool"
# Only one borough's, whatever the data says: the audit's examples (issue 14).
ONE_BOROUGHS_WORDS = {
    BPL: [
        "Blackpool Safeguarding Children Board",
        "the Blackpool approach",
        "Families Rock",
        "Resilient Therapy",
        "Early Help Strategy",
        "conception to 19",
        "Duty and Assessment",
    ],
    BWD: ["Children's Advice & Duty Service", "CADS", "CAF", "CoNR"],
}
# The elements a number and its label are read in: the innermost that holds a line of text.
LINES = ("li", "tr", "p", "dd", "dt", "h1", "h2", "h3", "h4", "td", "th")


@cache
def _dataset():
    dataset, _ = load_dataset(REPO)
    return dataset


def _pages(site: Path, borough: str) -> list[Path]:
    return sorted(p for p in (site / borough).rglob("index.html") if "pdf" not in p.parts)


def _article(page: Path):
    article = soup(page).select_one("article")
    # What a reader does not see: search's hidden number forms, the PDF button, anchors.
    for element in article.select("[hidden], .handbook-pdf-link, .headerlink"):
        element.decompose()
    return article


def _lines(article) -> list[str]:
    found = []
    for element in article.find_all(LINES):
        if element.name == "td" or element.name == "th":
            continue  # read with its row
        if element.find(LINES) and element.name != "tr":
            continue
        found.append(element.get_text(" ", strip=True))
    return found


def _numbers(text: str):
    for match in phonenumbers.PhoneNumberMatcher(text, "GB"):
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        yield match, e164


def _shared_pages(site: Path, borough: str) -> list[Path]:
    folders = [s.id for s in _dataset().shared_sections] + ["levels-of-need"]
    return [
        p for f in folders for p in _pages(site, borough) if p.is_relative_to(site / borough / f)
    ]


@pytest.mark.parametrize("borough", borough_ids())
def test_no_page_shows_another_areas_number_without_naming_the_area(real_site, borough):
    owners = number_owners(_dataset())
    unlabelled = []
    for page in _pages(real_site, borough):
        for line in _lines(_article(page)):
            previous_end = 0
            for match, e164 in _numbers(line):
                owner = owners.get(e164)
                before = line[previous_end : match.start]
                previous_end = match.end
                if owner and owner.borough_id != borough and not owner.named_in(before):
                    unlabelled.append(f"{page.relative_to(real_site)}: {line[:120]}")
    assert unlabelled == []


@pytest.mark.parametrize("borough, other", [(BWD, BPL), (BPL, BWD)])
def test_shared_pages_hold_no_other_boroughs_words_or_numbers(real_site, borough, other):
    dataset = _dataset()
    theirs = dataset.borough(other)
    words = [theirs.name, *theirs.other_names, *ONE_BOROUGHS_WORDS[other]]
    words += [t.term for t in dataset.terms if t.boroughs == [other]]
    numbers = {e164 for e164, owner in number_owners(dataset).items() if owner.borough_id == other}
    addresses = [c.email or c.website for c in dataset.contacts if c.borough == other]
    found = []
    pages = _shared_pages(real_site, borough)
    assert len(pages) >= 6  # both Parts, their pages and the levels of need
    for page in pages:
        text = _article(page).get_text(" ", strip=True)
        found += [f"{page.parent.name}: {w}" for w in words if terms.phrase(w).search(text)]
        found += [
            f"{page.parent.name}: {m.raw_string}" for m, e164 in _numbers(text) if e164 in numbers
        ]
        found += [f"{page.parent.name}: {a}" for a in addresses if a and a in text]
    assert found == []


def test_every_seed_number_is_on_its_own_boroughs_site(real_site):
    bwd = real_site / BWD
    cads = bwd / "contacts-and-referrals" / "bwd-cads-service" / "index.html"
    for page in (cads, bwd / "index.html", bwd / "levels-of-need" / "index.html"):
        assert (
            soup(page).select_one('article a[href="tel:+441254666400"]').get_text()
            == "01254 666400"
        )
    bpl = real_site / BPL
    hub = bpl / "request-for-service" / "bpl-request-for-support-hub" / "index.html"
    for page in (hub, bpl / "index.html", bpl / "levels-of-need" / "index.html"):
        assert (
            soup(page).select_one('article a[href="tel:+441253477299"]').get_text()
            == "01253 477299"
        )
    for borough in (BWD, BPL):
        levels = _article(real_site / borough / "levels-of-need" / "index.html")
        rows = [
            r.get_text(" ", strip=True)
            for r in levels.select("tr")
            if "0300 123 6720" in r.get_text()
        ]
        assert rows == [
            "If the child lives in Lancashire Lancashire Duty Social Worker (children's "
            "social care) 0300 123 6720"
        ]


def test_one_set_of_level_names_and_each_boroughs_own_on_its_site(real_site):
    levels = sorted(_dataset().levels, key=lambda level: level.level)
    expected = [f"Level {level.level}: {level.name}" for level in levels]
    for borough in (BWD, BPL):
        page = _article(real_site / borough / "levels-of-need" / "index.html")
        headings = [h.get_text(" ", strip=True) for h in page.select("h2")]
        assert [h for h in headings if h.startswith("Level ")] == expected
        texts = page.get_text(" ", strip=True)
        for level in levels:
            for other, name in level.local_names.items():
                said = f"In {_dataset().borough(other).name} this is called {name}."
                assert (said in texts) == (other == borough)
    families = _article(
        real_site / BPL / "support-for-all-families" / "bpl-families-in-need" / "index.html"
    )
    assert "2 (Early Help) and 3 (Child in Need)" in families.get_text(" ", strip=True)
    assert "In Blackpool, level 2 is called Universal Plus and level 3 is called Intensive." in (
        families.get_text(" ", strip=True)
    )
    for page in _pages(real_site, BWD):
        text = _article(page).get_text(" ", strip=True)
        assert "Universal Plus" not in text, page


def test_who_to_call_says_there_is_no_out_of_hours_number_and_what_to_do(real_site):
    for borough in (BWD, BPL):
        for name in ("contacts", "."):
            page = _article(real_site / borough / name / "index.html")
            text = page.get_text(" ", strip=True)
            assert "No out-of-hours number is known for" in text
            assert page.select_one('a[href="tel:999"]') is not None


@pytest.mark.parametrize("borough", borough_ids())
def test_every_acronym_a_site_shows_is_in_its_glossary(real_site, borough):
    glossary = _article(real_site / borough / "glossary" / "index.html")
    defined = set()
    for term in glossary.select("dt"):
        defined |= terms.acronyms_of(term.get_text(" ", strip=True))
    ignored = set(_dataset().not_acronyms)
    missing = set()
    for page in _pages(real_site, borough):
        for _, word in terms.acronyms_in(_article(page).get_text(" ", strip=True)):
            known = {word, word.removesuffix("s")} & defined
            capitals = word.isupper() and word.casefold() in {d.casefold() for d in defined}
            if not (known or capitals or word in ignored):
                missing.add(f"{word} ({page.relative_to(real_site).parent})")
    assert sorted(missing) == []


def test_shared_contacts_that_are_another_areas_say_so(real_site):
    # Every site lists the shared contacts: Lancashire's duty number is named Lancashire's.
    dataset = _dataset()
    owners = number_owners(dataset)
    for contact in dataset.contacts:
        if contact.borough == SHARED and contact.phone and not contact.emergency:
            owner = owners.get(next(_numbers(contact.phone))[1])
            assert owner is None or re.search(owner.name, contact.name), contact.id
