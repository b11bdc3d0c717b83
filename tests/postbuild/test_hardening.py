"""The site-side wall: a built page's article is sanitized, and every page carries a
Content-Security-Policy that names no other host and runs only the theme's own scripts."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from handbook.builders import MkDocsBuilder
from handbook.cli import main
from handbook.data.sanitize import _events
from handbook.data.validate import check
from handbook.pipeline.build import render_all
from handbook.postbuild.hardening import harden, harden_page

from ..conftest import REPO, soup

THEME_SCRIPT = "var theme=document.documentElement.dataset.theme"
EVIL = "http://127.0.0.1:9"  # another host: nothing must ever ask it for anything
INJECTED = f"""
<p>Before.</p>
<script>window.__pwned = "article script"</script>
<img src="{EVIL}/img.png" onerror="window.__pwned = 'onerror'">
<img src="x.png" onerror="window.__pwned = 'onerror on a local image'">
<a id="js-link" href="javascript:window.__pwned = 'javascript link'">Refer</a>
<a id="far" href="//127.0.0.1:9/phish">Also</a>
<div style="background:url({EVIL}/bg.png)">Styled</div>
<iframe src="{EVIL}/frame"></iframe>
<object data="{EVIL}/object"></object>
<link rel="stylesheet" href="{EVIL}/s.css">
<svg><script>window.__pwned = "svg script"</script></svg>
<form action="{EVIL}/post"><button id="send">Send</button></form>
<meta http-equiv="refresh" content="0;url={EVIL}/redirect">
<h2 id="__config">Clobber</h2>
</article><script>window.__pwned = "after a fake end of the article"</script>
<p>After.</p>
"""
OUTSIDE = f'<img src="{EVIL}/footer.png" onerror="window.__pwned = \'footer\'">'


def _page(article: str, title: str = "Engage") -> str:
    return (
        f'<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">\n'
        f"    <title>{title}</title>\n    <script>{THEME_SCRIPT}</script>\n"
        f'    <script id="__config" type="application/json">{{}}</script>\n  </head>\n'
        f'  <body>\n    <article class="md-content__inner md-typeset">{article}</article>\n'
        f"    <footer>{OUTSIDE}</footer>\n  </body>\n</html>\n"
    )


def _policy(page: str) -> str:
    meta = soup_of(page).select_one('meta[http-equiv="Content-Security-Policy"]')
    return meta["content"]


def soup_of(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_the_article_keeps_nothing_that_runs_or_fetches():
    hardened = harden_page(_page(INJECTED))
    article = soup_of(hardened).select_one("article")
    assert article.select("script, iframe, object, link, svg, meta, style") == []
    assert [p.get_text() for p in article.select("p")] == ["Before.", "After."]
    for element in article.find_all(True):
        assert not [a for a in element.attrs if a.startswith("on") or a == "style"], element
        for attribute in ("href", "src", "action", "data"):
            value = element.get(attribute, "")
            assert not re.match(r"^\s*(javascript|https?):|^\s*//", value), element
    assert article.select_one("h2").get("id") is None


def test_the_policy_is_first_in_head_and_runs_only_the_theme_script():
    hardened = harden_page(_page(INJECTED))
    head = soup_of(hardened).head
    first = head.find(True)
    assert first.name == "meta" and first["http-equiv"] == "Content-Security-Policy"
    policy = dict(part.strip().split(" ", 1) for part in _policy(hardened).split(";"))
    assert policy["script-src"] == f"'self' 'wasm-unsafe-eval' 'sha256-{_sha256(THEME_SCRIPT)}'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["default-src"] == "'none'"
    assert not re.search(r"https?:|//|\*", _policy(hardened))  # names no other host


def test_a_title_cannot_open_tags_in_the_head():
    hardened = harden_page(_page("<p>x</p>", title="x</title><script>alert(1)</script>"))
    assert len(soup_of(hardened).select("script")) == 2  # the theme's two, nothing else
    assert soup_of(hardened).title.get_text() == "x</title><script>alert(1)</script>"


def test_hardening_twice_changes_nothing():
    once = harden_page(_page(INJECTED))
    assert harden_page(once) == once


@pytest.fixture(scope="module")
def unhardened(tmp_path_factory):
    """The real data built by MkDocs alone, before the after-build steps."""
    out = tmp_path_factory.mktemp("unhardened")
    for stage in render_all(check(REPO)[0], out / "stage"):
        MkDocsBuilder().build(stage.config, out / "site" / stage.borough)
    return out / "site"


def _article(page: str) -> str:
    start = page.find('<article class="md-content__inner')
    return page[start : page.rfind("</article>")] if start >= 0 else ""


def test_hardening_keeps_every_real_page_as_built(unhardened):
    pages = sorted(unhardened.rglob("*.html"))
    assert len(pages) > 80
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert _events(_article(harden_page(page))) == _events(_article(page)), path


def test_every_built_page_carries_a_policy_for_its_own_scripts(real_site):
    for path in real_site.glob("*/**/*.html"):
        page = path.read_text(encoding="utf-8")
        head = soup(path).head
        assert head.find(True).get("http-equiv") == "Content-Security-Policy", path
        scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
        policy = _policy(page)
        assert scripts and all(f"'sha256-{_sha256(s)}'" in policy for s in scripts), path


@pytest.fixture
def hostile_site(tmp_path, project):
    """The fixture project built, then its service page given what no check would let in."""
    out = tmp_path / "site"
    assert main(["--root", str(project.root), "build", "--out", str(out)]) == 0
    page = out / "northshire" / "teams" / "ns-engage" / "index.html"
    html = page.read_text(encoding="utf-8")
    summary = html.rindex("<p", 0, html.index("Helps children"))  # the summary paragraph
    html = html[:summary] + INJECTED + html[summary:]
    html = html.replace("</footer>", OUTSIDE + "</footer>", 1)
    page.write_text(html, encoding="utf-8")
    harden(out / "northshire")
    return out


def _recording_server():
    import http.server
    import threading

    asked: list[str] = []

    class Recording(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            asked.append(self.path)
            self.send_response(204)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recording)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, asked


def test_no_injected_script_runs_and_nothing_is_fetched_from_another_host(hostile_site, browser):
    from ..browser import WatchedPage, serve

    evil, asked = _recording_server()  # another host: another port on this machine
    evil_origin = f"127.0.0.1:{evil.server_address[1]}"
    page_file = hostile_site / "northshire" / "teams" / "ns-engage" / "index.html"
    page_file.write_text(page_file.read_text().replace("127.0.0.1:9", evil_origin))
    harden(hostile_site / "northshire")
    server = serve(hostile_site)
    origin = f"127.0.0.1:{server.server_address[1]}"
    context = browser.new_context(base_url=f"http://{origin}/")
    try:
        watched = WatchedPage(context.new_page(), origin)
        watched.failures = {}
        watched.page.on("requestfailed", lambda r: watched.failures.update({r.url: r.failure}))
        dialogs = []
        watched.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        watched.page.goto("northshire/teams/ns-engage/", wait_until="networkidle")
        watched.page.click("#js-link")  # its javascript: address was removed: it goes nowhere
        watched.page.click("#send")
        watched.page.wait_for_load_state("networkidle")
        assert watched.page.url.startswith(f"http://{origin}/")
        assert watched.page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert asked == []  # nothing reached the other host
        # What the page tried was refused by its policy before it left the browser.
        refused = {url: watched.failures.get(url) for url in watched.foreign_requests}
        assert all(reason in ("csp", "net::ERR_BLOCKED_BY_CSP") for reason in refused.values()), (
            refused
        )
        # The theme still works: its own scripts ran (Material marks <html> once they have).
        assert "js" in watched.page.evaluate("document.documentElement.className")
    finally:
        context.close()
        server.shutdown()
        evil.shutdown()
