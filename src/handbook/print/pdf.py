"""PDFs of a built borough: one per top-level section and one of the whole guide.

The whole guide is composed from the built pages (their `<article>`, the part made from the
data) and laid out once by WeasyPrint with the site's print stylesheet, the same one the
browser's own print uses; each section's PDF is then written from that layout's pages
(`Document.copy`), so no page is laid out twice. Each section opens with a cover of its own,
which is also its divider page in the whole guide, and page numbers are the whole guide's.

The PDFs are tagged PDF/UA-1, as the public sector accessibility regulations ask of
published documents: the document's language and title, headings as an outline, and links
whose text is where they go.
"""

from __future__ import annotations

import copy
import logging
import posixpath
import time
from pathlib import Path

from bs4 import BeautifulSoup

from ..site.render import PDF_FOLDER, WHOLE_GUIDE, SiteSection, environment, html_path
from .fetch import site_fetcher

log = logging.getLogger("handbook")

PRINT_CSS = "assets/stylesheets/print.css"
GUIDE_TITLE = "Working Well with Children and Families"
PDF_VARIANT = "pdf/ua-1"
ARTICLE_START = '<article class="md-content__inner'


def write_pdfs(folder: Path, manifest: dict) -> list[Path]:
    """Write every PDF of one built borough into `folder`/pdf/; return their paths."""
    from weasyprint import CSS, HTML  # imported here: it takes ~0.5 s and only PDFs need it

    started = time.perf_counter()
    sections = [SiteSection(s["id"], s["title"], s["paths"]) for s in manifest["sections"]]
    html = compose(folder, manifest, sections)
    fetcher = site_fetcher(folder)
    stylesheet = CSS(filename=str(folder / PRINT_CSS), url_fetcher=fetcher)
    whole = HTML(string=html, base_url=str(folder), url_fetcher=fetcher).render(
        stylesheets=[stylesheet]
    )
    out = folder / PDF_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for section, pages in zip(sections, _section_pages(whole, sections), strict=True):
        part = whole.copy(pages)
        part.metadata = copy.copy(whole.metadata)
        part.metadata.title = _title(manifest, section.title)
        written.append(_write(part, out / f"{section.id}.pdf"))
    written.append(_write(whole, out / f"{WHOLE_GUIDE}.pdf"))
    log.info(
        "PDFs for %s: %d files, %d pages laid out, in %.1f s",
        manifest["borough"]["id"], len(written), len(whole.pages), time.perf_counter() - started,
    )  # fmt: skip
    return written


def compose(folder: Path, manifest: dict, sections: list[SiteSection]) -> str:
    """The HTML of the whole guide: its cover and contents, then each section's cover and
    pages."""
    borough_url = _borough_url(manifest)
    chapters = []
    for section in sections:
        # Only links within the section stay links within the PDF: the section's own PDF
        # has no other pages to jump to. The rest go to the page online, or stay as text.
        in_section = {html_path(path): _anchor(path) for path in section.paths}
        articles = [
            (_anchor(path), _article(folder, path, in_section, borough_url))
            for path in section.paths
        ]
        chapters.append(
            {"section": section, "anchor": section_anchor(section), "articles": articles}
        )
    return (
        environment()
        .get_template("pdf.html.j2")
        .render(
            guide_title=GUIDE_TITLE,
            title=_title(manifest, "The whole guide"),
            borough=manifest["borough"],
            edition=manifest["edition"],
            chapters=chapters,
            site_url=borough_url,
        )
    )


def _section_pages(whole, sections: list[SiteSection]) -> list[list]:
    """Each section's pages of the laid-out guide: from its cover to the next one's."""
    starts = []
    for section in sections:
        starts.append(
            next(i for i, p in enumerate(whole.pages) if section_anchor(section) in p.anchors)
        )
    ends = [*starts[1:], len(whole.pages)]
    return [whole.pages[start:end] for start, end in zip(starts, ends, strict=True)]


def section_anchor(section: SiteSection) -> str:
    """Where a section's cover is in the whole guide: its PDF starts there."""
    return f"section-{section.id}"


def _write(document, target: Path) -> Path:
    # uncompressed_pdf=False and no timestamps: the same data gives the same bytes.
    document.write_pdf(target, pdf_variant=PDF_VARIANT)
    return target


def _title(manifest: dict, part: str) -> str:
    return f"{GUIDE_TITLE}: {manifest['borough']['name']}: {part}"


def _anchor(md_path: str) -> str:
    return "page-" + md_path.removesuffix(".md").replace("/", "-")


def _borough_url(manifest: dict) -> str | None:
    site_url = manifest.get("site_url")
    return f"{site_url.rstrip('/')}/{manifest['borough']['id']}/" if site_url else None


def _article(folder: Path, md_path: str, in_pdf: dict, borough_url: str | None) -> str:
    page = html_path(md_path)
    html = (folder / page).read_text(encoding="utf-8")
    # Parse only the article: the rest of a built page is mostly navigation, and parsing it
    # was a third of the PDF step's time at 1,000 services.
    start = html.index(ARTICLE_START)
    end = html.index("</article>", start) + len("</article>")
    article = BeautifulSoup(html[start:end], "html.parser").article
    for chrome in article.select(
        ".headerlink, .handbook-pdf-link, .md-content__button, .handbook-not-in-print"
    ):
        chrome.decompose()
    prefix = _anchor(md_path)
    for element in article.select("[id]"):
        element["id"] = f"{prefix}--{element['id']}"
    for link in article.select("a[href]"):
        _retarget(link, page, prefix, in_pdf, borough_url)
    return article.decode_contents()


def _retarget(link, page: str, prefix: str, in_pdf: dict, borough_url: str | None) -> None:
    """Point a link at its place in this PDF, at the online page, or keep only its text."""
    href = link["href"]
    if href.startswith(("tel:", "mailto:", "http://", "https://")):
        return
    if href.startswith("#"):
        link["href"] = f"#{prefix}--{href[1:]}"
        return
    target, _, fragment = href.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    if not resolved.endswith(".html") and not posixpath.splitext(resolved)[1]:
        resolved = posixpath.join(resolved, "index.html")
    if resolved in in_pdf:
        anchor = in_pdf[resolved]
        link["href"] = f"#{anchor}--{fragment}" if fragment else f"#{anchor}"
    elif borough_url:
        link["href"] = borough_url + resolved.removesuffix("index.html")
    else:
        link.unwrap()
