"""PDFs: one per section and one of the whole guide, each with every number of what it prints,
dated and versioned; read back as text the way a safeguarding lead's printer would see it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.cli import main

from ..conftest import borough_ids, soup


def _text(pdf: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(pdf).pages)


def _sections(site: Path, borough: str) -> dict[str, list[Path]]:
    """Each section id and the built pages it prints, as a reader finds them: the sections
    listed on the home page, and the pages each section's own page lists."""
    home = site / borough / "index.html"
    sections = {}
    for link in soup(home).select("article li > a[href$='/']"):
        index = (home.parent / link["href"] / "index.html").resolve()
        section_id = index.parent.name
        listed = [
            (index.parent / a["href"] / "index.html").resolve()
            for a in soup(index).select("article li > a[href]")
        ]
        sections[section_id] = [index, *listed]
    return sections


def _numbers_on(pages: list[Path]) -> set[str]:
    return {a.get_text() for page in pages for a in soup(page).select('article a[href^="tel:"]')}


@pytest.mark.parametrize("borough", borough_ids())
def test_every_section_pdf_has_every_number_of_its_pages(real_site, borough):
    sections = _sections(real_site, borough)
    assert len(sections) >= 4
    for section_id, pages in sections.items():
        text = _text(real_site / borough / "pdf" / f"{section_id}.pdf")
        missing = {n for n in _numbers_on(pages) if n not in text}
        assert not missing, f"{section_id}.pdf lacks {missing}"


@pytest.mark.parametrize("borough", borough_ids())
def test_pdfs_carry_borough_version_date_and_the_out_of_date_warning(real_site, borough):
    name = soup(real_site / borough / "index.html").select_one("h1").get_text().rstrip("¶")
    for pdf in (real_site / borough / "pdf").glob("*.pdf"):
        cover = PdfReader(pdf).pages[0].extract_text()
        assert name.removeprefix("Working Well with Children and Families in ") in cover
        assert "Unreleased (not a published version)" in cover
        assert re.search(r"Data last changed \d+ \w+ \d{4}", cover)
        assert "Printed copies may be out of date" in cover


@pytest.mark.parametrize("borough", borough_ids())
def test_page_counts_are_plausible(real_site, borough):
    folder = real_site / borough / "pdf"
    counts = {pdf.stem: len(PdfReader(pdf).pages) for pdf in folder.glob("*.pdf")}
    whole = counts.pop("whole-guide")
    assert all(2 <= n <= 80 for n in counts.values()), counts
    # The whole guide is every section plus a contents page, give or take shared page breaks.
    assert sum(counts.values()) - len(counts) <= whole <= sum(counts.values()) + 2
    pages = PdfReader(folder / "whole-guide.pdf").pages
    assert f"Page {whole} of {whole}" in pages[-1].extract_text()


@pytest.mark.parametrize("borough", borough_ids())
def test_whole_guide_contents_lists_every_section_with_its_page(real_site, borough):
    contents = PdfReader(real_site / borough / "pdf" / "whole-guide.pdf").pages[1].extract_text()
    assert contents.startswith("Contents")
    titles = [
        soup(pages[0]).select_one("article h1").get_text().rstrip("¶")
        for pages in _sections(real_site, borough).values()
    ]
    for title in titles:
        assert re.search(re.escape(title[:40]) + r".*page \d+", contents, re.S), title


def test_numbers_are_live_links_in_the_pdf(real_site):
    reader = PdfReader(real_site / "blackburn-with-darwen" / "pdf" / "contacts-and-referrals.pdf")
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert "tel:+441254666400" in uris


def test_section_pages_link_to_their_pdf(real_site):
    page = real_site / "blackburn-with-darwen" / "targeted-intervention" / "index.html"
    link = soup(page).select_one("a.handbook-pdf-link")
    assert link.get_text() == "Download PDF of this section"
    assert (page.parent / link["href"]).resolve() == (
        real_site / "blackburn-with-darwen" / "pdf" / "targeted-intervention.pdf"
    )
    home = real_site / "blackburn-with-darwen" / "index.html"
    whole = soup(home).select_one("a.handbook-pdf-link")
    assert (home.parent / whole["href"]).resolve().is_file()


def test_same_data_gives_the_same_pdfs(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    builds = []
    for name in ("first", "second"):
        out = project.root / name
        assert main(["--root", str(project.root), "build", "--out", str(out)]) == 0
        builds.append({p.name: p.read_bytes() for p in (out / "northshire" / "pdf").iterdir()})
    assert builds[0] == builds[1]
    assert len(builds[0]) == 4  # two sections, Part One, and the whole guide


def test_pdf_footer_gives_the_sites_address(project):
    project.replace(
        "data/boroughs.yaml",
        "shared_sections:",
        "site_url: https://guide.example/\nshared_sections:",
    )
    out = project.root / "site"
    assert main(["--root", str(project.root), "build", "--out", str(out)]) == 0
    second_page = PdfReader(out / "northshire" / "pdf" / "teams.pdf").pages[1].extract_text()
    assert "Printed copies may be out of date: https://guide.example/northshire/" in second_page


def test_a_section_pdf_is_the_whole_guides_pages_with_their_numbers(real_site):
    # Laid out once: a section's PDF is its cover and pages as they are in the whole guide.
    folder = real_site / "blackburn-with-darwen" / "pdf"
    whole = [page.extract_text() for page in PdfReader(folder / "whole-guide.pdf").pages]
    section = [page.extract_text() for page in PdfReader(folder / "core-teams.pdf").pages]
    start = whole.index(section[0])
    assert whole[start : start + len(section)] == section
    assert f"Page {start + 2} of {len(whole)}" in section[1]
    assert "core teams" in section[0] and "Printed copies may be out of date" in section[0]


@pytest.mark.parametrize("borough", borough_ids())
def test_pdfs_are_tagged_for_screen_readers_with_language_title_and_outline(real_site, borough):
    for pdf in (real_site / borough / "pdf").glob("*.pdf"):
        reader = PdfReader(pdf)
        catalog = reader.trailer["/Root"]
        assert bool(catalog["/MarkInfo"]["/Marked"]), pdf.name
        assert "/StructTreeRoot" in catalog, pdf.name
        assert str(catalog["/Lang"]).startswith("en"), pdf.name
        assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"]), pdf.name
        assert reader.metadata.title.startswith("Working Well with Children and Families: ")
        assert reader.outline, f"{pdf.name} has no outline"


def test_no_link_in_a_pdf_points_nowhere(real_site, caplog):
    # A link into a page that is not in the PDF goes online (or is plain text); one within it
    # jumps to its place. pypdf shows named destinations as the PDF's /Dests.
    reader = PdfReader(real_site / "blackburn-with-darwen" / "pdf" / "core-teams.pdf")
    names = set(reader.named_destinations)
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            target = annotation.get_object().get("/Dest")
            if target is not None:
                assert str(target) in names, target
