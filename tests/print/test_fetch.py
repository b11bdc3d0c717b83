"""WeasyPrint reads only files of the built site (and data: URLs) while it prints."""

from __future__ import annotations

import http.server
import os
import threading

from handbook.print.fetch import site_fetcher


def test_only_files_inside_the_site_are_allowed(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "logo.png").write_bytes(b"png")
    (tmp_path / "secret.png").write_bytes(b"secret")
    os.symlink(tmp_path / "secret.png", site / "link.png")
    fetcher = site_fetcher(site)
    allowed = {
        (site / "assets" / "logo.png").as_uri(): True,
        (site / "assets" / ".." / "assets" / "logo.png").as_uri(): True,
        (site / ".." / "secret.png").as_uri(): False,
        (site / "link.png").as_uri(): False,  # a symbolic link out of the site
        "file:///etc/passwd": False,
        "file://elsewhere/" + str(site / "assets" / "logo.png"): False,
        "https://example.org/logo.png": False,
        "http://127.0.0.1/logo.png": False,
        "data:image/png;base64,iVBORw0KGgo=": True,
    }
    assert {url: fetcher.allows(url) for url in allowed} == allowed


def test_a_pdf_fetches_nothing_from_another_host(tmp_path):
    from weasyprint import HTML

    asked = []

    class Recording(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recording)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    other = f"http://127.0.0.1:{server.server_address[1]}"
    html = (
        f'<link rel="stylesheet" href="{other}/print.css"><img src="{other}/photo.png">'
        f'<div style="background: url({other}/background.png)">x</div>'
        '<img src="file:///etc/hostname">'
    )
    try:
        HTML(string=html, base_url=str(tmp_path), url_fetcher=site_fetcher(tmp_path)).write_pdf(
            tmp_path / "out.pdf"
        )
    finally:
        server.shutdown()
    assert asked == []
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
