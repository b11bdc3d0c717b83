"""PDFs after the build: one per top-level section of a borough's guide and one of the whole
guide, composed from the built pages and printed by WeasyPrint with the site's print
stylesheet (the same one the browser's own print uses)."""

from __future__ import annotations

import logging
import posixpath
import time
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from ..site.render import PDF_FOLDER, WHOLE_GUIDE, RenderedSite, environment, html_path

log = logging.getLogger("handbook")

PRINT_CSS = "assets/stylesheets/print.css"
GUIDE_TITLE = "Working Well with Children and Families"


@dataclass(frozen=True)
class Document:
    """One PDF: its file name, its title, and the pages it prints, in order."""

    name: str
    title: str
    sections: list  # of render.SiteSection

    @property
    def file_name(self) -> str:
        return f"{self.name}.pdf"


def documents(site: RenderedSite) -> list[Document]:
    whole = Document(WHOLE_GUIDE, "The whole guide", list(site.sections))
    return [Document(s.id, s.title, [s]) for s in site.sections] + [whole]


def write_pdfs(site: RenderedSite, site_dir: Path, site_url: str | None) -> list[Path]:
    from weasyprint import CSS, HTML  # imported here: it takes ~0.5 s and only PDFs need it

    from .fetch import site_fetcher

    started = time.perf_counter()
    out = site_dir / PDF_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    stylesheet = CSS(filename=str(site_dir / PRINT_CSS))
    written = []
    for document in documents(site):
        html = compose(site, document, site_dir, site_url)
        target = out / document.file_name
        HTML(string=html, base_url=str(site_dir), url_fetcher=site_fetcher(site_dir)).write_pdf(
            target, stylesheets=[stylesheet]
        )
        written.append(target)
    log.info(
        "PDFs for %s: %d files in %.1f s",
        site.borough.id, len(written), time.perf_counter() - started,
    )  # fmt: skip
    return written


def compose(site: RenderedSite, document: Document, site_dir: Path, site_url: str | None) -> str:
    """The HTML of one PDF: a cover, a contents list for the whole guide, then the pages."""
    pages = [path for section in document.sections for path in section.paths]
    in_document = {html_path(path): _anchor(path) for path in pages}
    borough_url = _borough_url(site_url, site)
    chapters = []
    for section in document.sections:
        articles = [_article(site_dir, path, in_document, borough_url) for path in section.paths]
        chapters.append({"section": section, "articles": articles})
    return (
        environment()
        .get_template("pdf.html.j2")
        .render(
            guide_title=GUIDE_TITLE,
            borough=site.borough,
            edition=site.edition,
            document=document,
            chapters=chapters,
            with_contents=document.name == WHOLE_GUIDE,
            site_url=borough_url,
            anchor=_anchor,
        )
    )


def _anchor(md_path: str) -> str:
    return "page-" + md_path.removesuffix(".md").replace("/", "-")


def _borough_url(site_url: str | None, site: RenderedSite) -> str | None:
    return f"{site_url.rstrip('/')}/{site.borough.id}/" if site_url else None


def _article(site_dir, md_path, in_document, borough_url: str | None) -> str:
    page = html_path(md_path)
    html = (site_dir / page).read_text(encoding="utf-8")
    # Parse only the article: the rest of a built page is mostly navigation, and parsing it
    # was a third of the PDF step's time at 1,000 services.
    start = html.index('<article class="md-content__inner')
    end = html.index("</article>", start) + len("</article>")
    article = BeautifulSoup(html[start:end], "html.parser").article
    for chrome in article.select(".headerlink, .handbook-pdf-link, .md-content__button"):
        chrome.decompose()
    prefix = _anchor(md_path)
    for element in article.select("[id]"):
        element["id"] = f"{prefix}--{element['id']}"
    for link in article.select("a[href]"):
        _retarget(link, page, prefix, in_document, borough_url)
    return article.decode_contents()


def _retarget(link, page: str, prefix: str, in_document: dict, borough_url: str | None) -> None:
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
    if resolved in in_document:
        anchor = in_document[resolved]
        link["href"] = f"#{anchor}--{fragment}" if fragment else f"#{anchor}"
    elif borough_url:
        link["href"] = borough_url + resolved.removesuffix("index.html")
    else:
        link.unwrap()
