"""The gates every pull request passes: no broken link or anchor, nothing loaded from another
host, no console error, no serious accessibility fault, and reproducible builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from handbook.cli import main

from ..conftest import REPO, borough_ids
from ..site.search_eval import answers

LINKCHECKER_CONFIG = Path(__file__).parent.parent / "quality" / "linkcheckerrc"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("borough", borough_ids())
def test_no_broken_internal_link_or_anchor(real_site, borough):
    linkchecker = Path(sys.executable).with_name("linkchecker")
    result = subprocess.run(
        [str(linkchecker), "--config", str(LINKCHECKER_CONFIG), "--no-warnings",
         "--no-robots", (real_site / borough / "index.html").as_uri()],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    summary = [line for line in result.stdout.splitlines() if "links in" in line]
    assert result.returncode == 0, result.stdout[-4000:]
    assert summary and "0 errors found" in result.stdout, result.stdout[-2000:]


def _every_page(site: Path) -> list[str]:
    return sorted(
        str(path.relative_to(site).parent) + "/"
        for path in site.glob("*/**/index.html")
        if "assets" not in path.parts
    )


def test_every_page_loads_nothing_from_another_host_and_logs_no_error(real_site, page):
    pages = _every_page(real_site)
    assert len(pages) > 80  # both boroughs, every page
    for path in pages:
        page.page.goto(path, wait_until="networkidle")
        assert page.console_errors == [], path
        assert page.foreign_requests == [], path


# One page of every kind, per borough: what axe-core checks against WCAG 2.2 AA.
PAGE_TYPES = [
    "", "contacts/", "finder/", "glossary/", "whats-changed/", "levels-of-need/", "part-two/",
]  # fmt: skip
BOROUGH_PAGES = {
    "blackburn-with-darwen": ["targeted-intervention/", "targeted-intervention/bwd-engage/",
                              "working-with-children/vision/"],
    "blackpool": ["core-teams/", "request-for-service/bpl-request-for-support-hub/",
                  "working-in-blackpool/families-rock/"],
}  # fmt: skip


def _axe(page) -> list[dict]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm install` (make test does)")
    # Evaluated by the browser's own tools: the pages' Content-Security-Policy refuses any
    # inline script it did not hash, as add_script_tag would write it.
    page.page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    "path",
    [f"{b}/{p}" for b in BOROUGH_PAGES for p in PAGE_TYPES + BOROUGH_PAGES[b]] + [""],
)
def test_no_serious_accessibility_faults(page, path):
    page.page.goto(path, wait_until="networkidle")
    assert _axe(page) == []


@pytest.mark.parametrize(
    "path, query",
    [(f"{b}/", q) for b in borough_ids() for q in ("exploitation", "worried about a child",
                                                    "bullying", "homless")]
    + [("", "exploitation")],
)  # fmt: skip
def test_no_serious_accessibility_faults_with_search_results_shown(page, path, query):
    # Results, the front door offered first, a correction: each way the search box answers.
    page.page.goto(path, wait_until="networkidle")
    answers(page.page, query)
    assert _axe(page) == []


def test_two_builds_of_the_same_data_are_identical(tmp_path, monkeypatch):
    # The only declared date is the build date, fixed here through SOURCE_DATE_EPOCH.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    builds = []
    for name in ("first", "second"):
        out = tmp_path / name
        assert main(["--root", str(REPO), "build", "--out", str(out)]) == 0
        builds.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert builds[0].keys() == builds[1].keys()
    different = [str(path) for path in builds[0] if builds[0][path] != builds[1][path]]
    assert different == []
