"""Finding the right help fast, in the real browser: search, the urgent bar on every page,
and acronym tooltips (the service finder's tests are in test_finder.py)."""

from __future__ import annotations

import pytest

from .search_eval import answers

BWD = "blackburn-with-darwen"
BPL = "blackpool"


def _search(page, borough: str, query: str) -> list[str]:
    """Type a query into the search box like a person; the result links, best first."""
    page.page.goto(f"{borough}/")
    return answers(page.page, query)


@pytest.mark.parametrize(
    "borough, query, expected",
    [
        (BWD, "CADS", "contacts-and-referrals/bwd-cads-service/"),
        (BWD, "666400", "contacts-and-referrals/bwd-cads-service/"),
        (BWD, "01254 666400", "contacts-and-referrals/bwd-cads-service/"),
        (BWD, "01254666400", "contacts-and-referrals/bwd-cads-service/"),
        (BPL, "477299", "request-for-service/bpl-request-for-support-hub/"),
        (BPL, "01253 477299", "request-for-service/bpl-request-for-support-hub/"),
        (BPL, "01253477299", "request-for-service/bpl-request-for-support-hub/"),
        (BPL, "MASH", "request-for-service/bpl-request-for-support-hub/"),
        (BWD, "260 465", "partnership-working/bwd-wish-centre/"),
        (BWD, "LADO", "core-teams/bwd-safeguarding-review-quality/"),
        (BWD, "IRO", "core-teams/bwd-safeguarding-review-quality/"),
        (BWD, "TYS", "targeted-intervention/bwd-targeted-youth-support/"),
        (BWD, "exploitation", "targeted-intervention/bwd-engage/"),
        (BPL, "exploitation", "core-teams/bpl-awaken/"),
        (BWD, "homeless", "targeted-intervention/bwd-homeless-young-people/"),
        (BPL, "homeless", "support-for-all-families/bpl-homelessness-16-17/"),
        (BWD, "domestic abuse", "partnership-working/bwd-wish-centre/"),
        (BWD, "disability", "core-teams/bwd-children-with-disabilities/"),
        (BPL, "disability", "core-teams/bpl-complex-needs/"),
        (BWD, "drugs", "partnership-working/bwd-go2/"),
        (BPL, "drugs", "support-for-all-families/bpl-family-practitioner-support/"),
        (BWD, "pregnant", "early-help/bwd-pre-birth/"),
        (BWD, "care leaver", "targeted-intervention/bwd-leaving-care/"),
        (BPL, "care leaver", "core-teams/bpl-leaving-care/"),
    ],
)
def test_search_puts_the_right_service_first(page, borough, query, expected):
    results = _search(page, borough, query)
    assert results, f"no results for {query!r}"
    assert results[0] == f"/{borough}/{expected}", results[:3]


@pytest.mark.parametrize(
    "path",
    [f"{BWD}/", f"{BWD}/targeted-intervention/bwd-engage/", f"{BPL}/levels-of-need/",
     f"{BPL}/glossary/", f"{BPL}/working-in-blackpool/families-rock/"],
)  # fmt: skip
def test_who_to_call_is_one_tap_from_every_page(page, path):
    page.page.goto(path)
    bar = page.page.locator(".handbook-urgent")
    assert bar.locator('a[href="tel:999"]').count() == 1
    page.page.click(".handbook-urgent >> text=Who to call")
    assert page.page.locator("article h1").inner_text().startswith("Who to call")
    assert page.page.locator("article a[href^='tel:']").count() >= 3


def test_acronyms_have_tooltips_and_a_glossary(page):
    page.page.goto(f"{BWD}/targeted-intervention/bwd-engage/")
    titles = dict(
        page.page.eval_on_selector_all(
            "article abbr[title]", "els => els.map(e => [e.textContent, e.title])"
        )
    )
    assert titles["CADS"] == "Children's Advice & Duty Service"
    assert titles["CSE"] == "Child Sexual Exploitation"
    page.page.goto(f"{BWD}/glossary/")
    terms = page.page.eval_on_selector_all(
        "article dt", "els => els.map(e => e.textContent.trim())"
    )
    assert "CADS" in terms and "LADO" in terms
