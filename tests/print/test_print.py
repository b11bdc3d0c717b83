"""The browser's own print (Ctrl-P) of a page uses the same print stylesheet as the PDFs."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader

from ..browser import QUIET_FLAGS, require_chromium


def test_printing_a_page_in_the_browser_drops_the_site_chrome(real_site, tmp_path):
    chromium = require_chromium()
    page = (
        real_site / "blackburn-with-darwen" / "targeted-intervention" / "bwd-engage" / "index.html"
    )
    pdf = tmp_path / "printed.pdf"
    subprocess.run(
        [chromium, *QUIET_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    reader = PdfReader(pdf)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Engage (CSE/CCE)" in text
    assert "01254 666400" in text
    # No header, search, navigation or footer chrome on paper.
    assert "Working Well with Children and Families: Blackburn with Darwen" not in text
    assert "Made with" not in text
    assert "Section Seven: participation" not in text  # a navigation entry
    # The stylesheet's page numbers, A4.
    assert f"Page 1 of {len(reader.pages)}" in reader.pages[0].extract_text()
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)
