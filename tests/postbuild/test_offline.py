"""Works with no signal: after one visit, with the network cut, every page (visited or not),
the finder, Who to call and search still work in Chromium; a new build replaces the cache,
and online a page is never older than the one published. Installable: a manifest and icons
made at build time, nothing from another host."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image

from handbook.data.validate import check as validate
from handbook.pipeline.build import Options, build_all

from ..browser import WatchedPage, serve
from ..conftest import borough_ids, copy_project, soup

# An unvisited page of each kind, per borough.
UNVISITED = {
    "blackburn-with-darwen": "targeted-intervention/bwd-engage/",
    "blackpool": "core-teams/bpl-awaken/",
}
READY = """async () => {
    const registration = await navigator.serviceWorker.ready;
    return [registration.scope, registration.active.scriptURL, await caches.keys()];
}"""


def _kept(page) -> None:
    """Wait until the worker has installed: it keeps the whole site before it is active."""
    scope, script, caches = page.evaluate(READY)
    assert script == scope + "sw.js"
    assert len(caches) == 1 and caches[0].startswith(f"handbook {scope} ")


def _wait_for(page, condition, seconds: float = 20) -> None:
    """Poll from Python: the pages' policy lets no test code be evaluated from a string."""
    for _ in range(int(seconds * 10)):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page never got there")


@pytest.mark.parametrize("borough", borough_ids())
def test_after_one_visit_every_page_the_finder_who_to_call_and_search_work_offline(page, borough):
    page.page.goto(f"{borough}/", wait_until="networkidle")
    _kept(page.page)
    page.page.context.set_offline(True)
    try:
        # A page never visited.
        page.page.goto(f"{borough}/{UNVISITED[borough]}")
        assert page.page.locator("article h1").inner_text()
        assert page.page.locator(".handbook-report a").inner_text() == (
            "Report a problem with this page"
        )
        # Who to call: the front door's number, as a tap-to-call link.
        page.page.goto(f"{borough}/contacts/")
        urgent = page.page.locator("article ul").first.inner_text()
        assert "Worried about a child" in urgent and re.search(r"\d{4,5} \d{6}", urgent)
        # The finder, from a shared link, filtering in the page.
        page.page.goto(f"{borough}/finder/?age=15&need=exploitation")
        count = page.page.locator("#finder-count")
        _wait_for(page.page, lambda: "match" in count.inner_text())
        visible = page.page.locator(".finder-service:visible").count()
        assert 0 < visible < page.page.locator(".finder-service").count()
        # Search: the index, its chunks and the words for typos all come from the cache.
        page.page.goto(f"{borough}/")
        box = page.page.locator("#handbook-search-input")
        box.fill("exploitaton")
        box.press("Enter")
        results = page.page.locator("#handbook-search-results")
        results.locator("a").first.wait_for()
        assert "exploitation" in results.inner_text().lower()
    finally:
        page.page.context.set_offline(False)


def test_a_pdf_is_kept_once_fetched(page):
    page.page.goto("blackpool/", wait_until="networkidle")
    _kept(page.page)
    fetch = "(path) => fetch(path).then((r) => [r.status, r.headers.get('content-type')])"
    assert page.page.evaluate(fetch, "pdf/whole-guide.pdf")[0] == 200
    page.page.context.set_offline(True)
    try:
        assert page.page.evaluate(fetch, "pdf/whole-guide.pdf") == [200, "application/pdf"]
    finally:
        page.page.context.set_offline(False)


@pytest.mark.parametrize("borough", borough_ids())
def test_the_worker_keeps_every_page_and_the_search_index_but_not_the_pdfs(real_site, borough):
    site = real_site / borough
    worker = (site / "sw.js").read_text(encoding="utf-8")
    kept = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker).group(1))
    pages = {
        ("./" if p.parent == site else p.parent.relative_to(site).as_posix() + "/")
        for p in site.rglob("index.html")
        if "assets" not in p.parts
    }
    assert pages <= set(kept)
    search = {p.relative_to(site).as_posix() for p in (site / "pagefind").rglob("*") if p.is_file()}
    search |= {p.relative_to(site).as_posix() for p in (site / "search-vocabulary").glob("*")}
    assert search <= set(kept)
    assert {"search-model.json", "manifest.webmanifest", "icons/icon-192.png"} <= set(kept)
    on_demand = [k for k in kept if k.startswith(("pdf/", "open-data/")) and k != "open-data/"]
    assert on_demand == [] and "sw.js" not in kept
    assert re.search(r'const VERSION = "unreleased-[0-9a-f]{16}";', worker)


@pytest.mark.parametrize("borough", borough_ids())
def test_installable_with_a_manifest_and_icons_made_here(real_site, borough):
    site = real_site / borough
    home = soup(site / "index.html")
    link = home.select_one('link[rel="manifest"]')
    assert link["href"] == "manifest.webmanifest" and link["data-worker"] == "sw.js"
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert manifest["display"] == "standalone"
    assert borough.replace("-", " ") in manifest["name"].lower()
    assert len(manifest["short_name"]) <= 30
    for icon in manifest["icons"]:
        assert "://" not in icon["src"]  # nothing from another host
        with Image.open(site / icon["src"]) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]
    page = soup(site / "contacts" / "index.html")
    assert page.select_one('link[rel="manifest"]')["href"] == "../manifest.webmanifest"


def test_a_new_build_replaces_the_cache_and_online_pages_are_never_older(
    browser, tmp_path, monkeypatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    project = copy_project(tmp_path / "project")
    out = tmp_path / "site"
    build_all(validate(project.root)[0], out, Options(pdfs=False))
    server = serve(out)
    origin = f"127.0.0.1:{server.server_address[1]}"
    context = browser.new_context(base_url=f"http://{origin}/")
    watched = WatchedPage(context.new_page(), origin)
    page = watched.page
    try:
        page.goto("northshire/", wait_until="networkidle")
        _kept(page)
        first = page.evaluate("caches.keys()")

        new = "Works with children at risk of exploitation, and their families."
        project.replace("data/services.yaml", "Helps children at risk of exploitation.", new)
        build_all(validate(project.root)[0], out, Options(pdfs=False))
        # Online, the page is the one just published, not the kept one.
        page.goto("northshire/teams/ns-engage/")
        assert "and their families" in page.locator("article").inner_text()
        # The browser finds the new worker; it keeps the new build and drops the old copy.
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        # Installed, then active: the new copy is kept, and the old one gone.
        _wait_for(page, lambda: len(keys := page.evaluate("caches.keys()")) == 1 and keys != first)
        context.set_offline(True)
        page.goto("northshire/teams/ns-engage/")
        assert "and their families" in page.locator("article").inner_text()
        page.goto("northshire/finder/")  # never visited since the new build
        assert "and their families" in page.locator(".finder-results").inner_text()
    finally:
        context.close()
        server.shutdown()
    watched.assert_clean()


def test_no_worker_in_the_live_preview(project):
    from handbook.site.render import render_for_build
    from handbook.site.stage import builder_config

    dataset, _ = validate(project.root)
    site = render_for_build(dataset, "northshire")
    preview = builder_config(dataset, site, docs_dir="northshire", preview=True)
    built = builder_config(dataset, site, docs_dir="northshire")
    assert "webapp" not in preview["extra"] and built["extra"]["webapp"]["worker"] == "sw.js"


def test_the_registration_script_is_a_file_not_an_inline_script(real_site):
    page = (real_site / "blackpool" / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/offline.js"></script>' in page
    assert "serviceWorker" not in re.sub(r"<script src=[^>]*></script>", "", page)
    assert Path(real_site / "blackpool" / "assets" / "javascripts" / "offline.js").is_file()
