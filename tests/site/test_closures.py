"""Temporary closures and services that no longer run, as a practitioner meets them on the
built site: the banner on the page, the marks in every list, the finder's order, What's
changed; and a service that no longer runs nowhere as a live one."""

from __future__ import annotations

from datetime import date

from handbook.data.validate import check as validate
from handbook.editions.changes import compare, snapshot
from handbook.editions.edition import current_edition
from handbook.site.render import render_borough, render_for_build

from ..conftest import CLOSED_ALERT, closures_project, soup
from ..data.test_reviews import today_is


def _text(path) -> str:
    article = soup(path).select_one("article")
    for hidden in article.select(".handbook-search-data, .headerlink"):
        hidden.decompose()
    return " ".join(article.get_text(" ").split())


def test_a_closed_service_page_opens_with_a_banner_and_its_alert(closures_site):
    article = soup(closures_site / "teams" / "ns-engage" / "index.html").select_one("article")
    banner = article.select_one(".admonition.warning")
    assert banner.select_one(".admonition-title").get_text() == (
        "Temporarily closed until 31 January 2099"
    )
    assert CLOSED_ALERT in banner.get_text()
    # Before anything else the page says: first after the title.
    assert article.select_one("h1").find_next_sibling() is banner


def test_every_list_marks_the_closed_service(closures_site):
    section = _text(closures_site / "teams" / "index.html")
    assert "Engage ( Temporarily closed until 31 January 2099 ): Helps children" in section
    assert "Family Time : Supports" in section  # an open one carries no mark
    related = _text(closures_site / "teams" / "ns-family-time" / "index.html")
    assert "Engage ( Temporarily closed until 31 January 2099 )" in related
    who = _text(closures_site / "contacts" / "index.html")
    assert "Engage Team : 0113 496 0001 extension 21 · email engage@northshire.example · " \
        "Temporarily closed until 31 January 2099 (Engage)" in who  # fmt: skip
    assert "Northshire Duty Team : 01254 666400 Northshire" in who  # the front door: no mark


def test_the_finder_lists_the_closed_service_last_labelled(closures_site):
    page = soup(closures_site / "finder" / "index.html")
    blocks = page.select(".finder-service")
    assert [b["data-service"] for b in blocks] == ["ns-family-time", "ns-engage"]
    closed = blocks[-1].select_one(".finder-closed").get_text(" ", strip=True)
    assert closed.startswith("Temporarily closed until 31 January 2099")
    assert CLOSED_ALERT in closed


def test_search_knows_the_status_of_each_service_page(closures_site):
    meta = soup(closures_site / "teams" / "ns-engage" / "index.html").select_one(
        '[data-pagefind-meta="status"]'
    )
    assert meta.get_text() == "temporarily-closed"


def test_a_service_that_no_longer_runs_is_nowhere_a_live_service(closures_site):
    assert not (closures_site / "teams" / "ns-old-service").exists()
    for page in closures_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "ns-old-service" not in text, page
        if page.parent.name != "contacts":
            assert "Old Drop-in" not in text, page
    # Its direct line is still in the A to Z, marked, so no one rings it unawares.
    who = _text(closures_site / "contacts" / "index.html")
    assert "Old Drop-in Line : 0113 496 0002 · No longer running (Old Drop-in)" in who


def test_a_link_to_a_service_that_no_longer_runs_is_an_error(project, check):
    project.replace("data/services.yaml", "    source: test fixture\n",
                    "    status: inactive\n    source: test fixture\n")  # fmt: skip
    project.append("content/northshire/about.md", "\n[Engage](../teams/ns-engage.md)\n")
    status, lines = check(project)
    assert status == 1
    assert any("link '../teams/ns-engage.md' leads to no page" in line for line in lines)


def test_a_passed_until_says_to_check_with_the_service(tmp_path, monkeypatch):
    project = closures_project(tmp_path / "project")
    today_is(monkeypatch, date(2099, 3, 1))
    dataset, _ = validate(project.root)
    page = render_for_build(dataset, "northshire").pages["teams/ns-engage.md"]
    assert '!!! warning "Temporarily closed"' in page
    assert "It was expected to reopen on 31 January 2099: check with the service" in page


def test_an_alert_on_an_open_service_is_a_notice(project):
    alert = "    alert: New referral form from May.\n"
    project.replace(
        "data/services.yaml", "    source: test fixture\n", f"{alert}    source: test fixture\n"
    )
    dataset, problems = validate(project.root)
    assert problems == []
    page = render_for_build(dataset, "northshire").pages["teams/ns-engage.md"]
    assert '!!! info "Notice"\n    New referral form from May.' in page
    assert "Temporarily closed" not in page


def test_whats_changed_reports_the_closure(tmp_path):
    open_project = closures_project(tmp_path / "before")
    open_project.replace("data/services.yaml", "    status: temporarily-closed\n", "")
    before, _ = validate(open_project.root)
    after, _ = validate(closures_project(tmp_path / "after").root)
    changes = compare(snapshot(before, "northshire"), snapshot(after, "northshire"), "2026.1", None)
    edition = current_edition(after.root)
    page = render_borough(after, "northshire", edition, changes).pages["whats-changed.md"]
    assert (
        "- [Engage](teams/ns-engage.md): was open, now temporarily closed until 31 January 2099."
        f" {CLOSED_ALERT}"
    ) in page
