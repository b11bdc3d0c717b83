"""Running practitioner queries through the real search box, and scoring the answers.

Used by the evaluation test (test_search.py) and, with another query file, to measure a set
the search was not tuned on: `python -m tests.site.search_eval SITE QUERIES.yaml`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The thresholds the issue set: the right service first, and in the top three, for queries
# the guide answers; a useful page in the top three for those it has no service for.
FIRST = 0.85
TOP_THREE = 0.95
USEFUL = 0.90
WIDTH = 412  # a phone's width, in CSS pixels
GENERATED = ("contacts", "levels-of-need", "finder", "glossary", "whats-changed")


@dataclass
class Score:
    borough: str
    answerable: int = 0
    first: int = 0
    top_three: int = 0
    unanswerable: int = 0
    useful: int = 0
    misses: list[str] = field(default_factory=list)

    def rates(self) -> dict[str, float]:
        return {
            "first": self.first / self.answerable if self.answerable else 1.0,
            "top_three": self.top_three / self.answerable if self.answerable else 1.0,
            "useful": self.useful / self.unanswerable if self.unanswerable else 1.0,
        }

    def meets(self) -> bool:
        rates = self.rates()
        return (
            rates["first"] >= FIRST
            and rates["top_three"] >= TOP_THREE
            and (rates["useful"] >= USEFUL)
        )

    def report(self) -> str:
        r = self.rates()
        return (
            f"{self.borough}: right service first {self.first}/{self.answerable} "
            f"({r['first']:.0%}), in the top three {self.top_three}/{self.answerable} "
            f"({r['top_three']:.0%}); a useful page in the top three for "
            f"{self.useful}/{self.unanswerable} without a service ({r['useful']:.0%})"
        )


def page_keys(repo: Path, borough: str) -> dict[str, str]:
    """Each page's address on the borough's site, and its key in the query file."""
    services = yaml.safe_load((repo / "data" / "services.yaml").read_text())["services"]
    boroughs = yaml.safe_load((repo / "data" / "boroughs.yaml").read_text())
    keys = {f"/{borough}/": "home"}
    keys.update({f"/{borough}/{name}/": name for name in GENERATED})
    for service in services:
        if service["borough"] == borough:
            keys[f"/{borough}/{service['section']}/{service['id']}/"] = service["id"]
    mine = next(b for b in boroughs["boroughs"] if b["id"] == borough)
    for section in [*boroughs.get("shared_sections", []), *mine["sections"]]:
        keys[f"/{borough}/{section['id']}/"] = section["id"]
        for page in section.get("pages") or []:
            if page.endswith(".md"):
                name = page.removesuffix(".md")
                keys[f"/{borough}/{section['id']}/{name}/"] = f"{section['id']}/{name}"
    return keys


def answers(page, query: str) -> list[str]:
    """Type `query` into the search box as a person would; the addresses offered, in order
    (the front door and help first where the box offers them, then the results)."""
    box = page.locator("#handbook-search-input")
    box.fill("")
    box.press_sequentially(query, delay=5)
    page.wait_for_function(
        """q => { const out = document.getElementById('handbook-search-results');
                  return out && !out.hidden && out.dataset.query === q; }""",
        arg=query,
        timeout=15_000,
    )
    return page.eval_on_selector_all(
        "#handbook-search-results a.handbook-result__title", "links => links.map(a => a.pathname)"
    )


def evaluate(page, base_url: str, repo: Path, borough: str, queries: list[dict]) -> Score:
    keys = page_keys(repo, borough)
    page.set_viewport_size({"width": WIDTH, "height": 900})
    page.goto(f"{base_url}{borough}/")
    score = Score(borough)
    for entry in queries:
        got = [keys.get(path, path) for path in answers(page, entry["query"])]
        accept = set(entry["accept"])
        if entry["kind"] == "no-service":
            score.unanswerable += 1
            if accept & set(got[:3]):
                score.useful += 1
            else:
                score.misses.append(f"{entry['query']!r} (no service): {got[:3]}")
            continue
        score.answerable += 1
        first = bool(got) and got[0] in accept
        score.first += first
        score.top_three += bool(accept & set(got[:3]))
        if not first:
            score.misses.append(f"{entry['query']!r}: {got[:3]}, wanted {entry['accept']}")
    return score


def main(argv: list[str]) -> int:  # pragma: no cover - a measuring tool
    from playwright.sync_api import sync_playwright

    from ..browser import QUIET_FLAGS, serve

    site, query_file = Path(argv[0]), Path(argv[1])
    repo = Path(__file__).resolve().parents[2]
    queries = yaml.safe_load(query_file.read_text())
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=QUIET_FLAGS)
        for borough, entries in queries.items():
            page = browser.new_page()
            score = evaluate(page, base, repo, borough, entries)
            print(score.report())
            print("\n".join(f"  miss: {m}" for m in score.misses))
            results[borough] = score.rates()
        browser.close()
    server.shutdown()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
