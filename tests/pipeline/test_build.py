"""Whole builds: the real data into one site per borough, and what a failed build leaves."""

from __future__ import annotations

import re

from handbook.cli import main

from ..conftest import borough_ids as _borough_ids
from ..conftest import soup as _soup


def test_cads_number_is_a_tap_to_call_link(real_site):
    page = real_site / "blackburn-with-darwen" / "contacts-and-referrals" / "bwd-cads-service"
    links = _soup(page / "index.html").select('a[href="tel:+441254666400"]')
    assert [a.get_text() for a in links][:1] == ["01254 666400"]
    home = _soup(real_site / "blackburn-with-darwen" / "index.html")
    assert home.select_one('a[href="tel:+441254666400"]').get_text() == "01254 666400"


def test_every_borough_has_a_site_and_the_landing_page_lists_it(real_site):
    landing = _soup(real_site / "index.html")
    links = {a["href"] for a in landing.select("main li a")}
    for borough_id in _borough_ids():
        assert (real_site / borough_id / "index.html").is_file()
        assert f"{borough_id}/" in links


def test_each_site_carries_the_shared_levels_of_need(real_site):
    for borough_id in _borough_ids():
        page = _soup(real_site / borough_id / "levels-of-need" / "index.html")
        headings = [h.get_text(" ", strip=True) for h in page.select("h2")]
        assert [h for h in headings if h.startswith("Level ")][:4] == [
            h for h in headings if re.match(r"Level [1-4]:", h)
        ][:4]
        assert len([h for h in headings if re.match(r"Level [1-4]:", h)]) == 4


def test_nothing_is_loaded_from_another_host(real_site):
    for page in real_site.rglob("*.html"):
        soup = _soup(page)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                url = element.get(attribute) or ""
                assert not re.match(r"^(https?:)?//", url), f"{page}: {url}"


def test_failed_validation_leaves_the_previous_site(project, capsys):
    out = project.root / "site"
    assert main(["--root", str(project.root), "build", "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    project.replace("data/contacts.yaml", '"01254 666400"', '"01254 66640"')
    assert main(["--root", str(project.root), "build", "--out", str(out)]) == 1

    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert "'01254 66640' is not a valid UK number" in capsys.readouterr().err
    assert not (project.root / "site.staging").exists()


def test_a_borough_is_added_by_data_and_content_alone(project):
    project.add_borough("southshire", "Southshire", section="help", page="welcome.md")
    out = project.root / "site"
    assert main(["--root", str(project.root), "build", "--out", str(out)]) == 0
    home = _soup(out / "southshire" / "index.html")
    assert home.select_one('a[href="tel:+441253477299"]').get_text() == "01253 477299"
    assert (out / "southshire" / "help" / "welcome" / "index.html").is_file()
    # Northshire's pages stay Northshire's.
    assert not (out / "southshire" / "about").exists()
