"""The glossary for one borough's site: its terms A to Z, and the abbreviations that give
every acronym a tooltip wherever it appears (Python-Markdown's abbr extension)."""

from __future__ import annotations

import re

from ..data.dataset import Dataset
from ..data.model import Term

# An acronym is one word with at least two capitals ("CADS", "CiN", "GCP2", "C&F").
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9&/]+$")


def terms_for(dataset: Dataset, borough_id: str) -> list[Term]:
    """Shared terms and this borough's own, A to Z."""
    mine = [t for t in dataset.terms if not t.boroughs or borough_id in t.boroughs]
    return sorted(mine, key=lambda t: (t.term.casefold(), t.id))


class Abbreviations:
    """Markdown abbreviation definitions (one per acronym; two meanings are joined), given to
    each page for the acronyms it uses: all of them on every page cost more than the page."""

    def __init__(self, terms: list[Term]):
        expansions: dict[str, list[str]] = {}
        for term in terms:
            if ACRONYM.match(term.term) and term.expansion != term.term:
                expansions.setdefault(term.term, []).append(term.expansion)
        self.lines = {
            term: f"*[{term}]: {' or '.join(dict.fromkeys(meanings))}"
            for term, meanings in sorted(expansions.items())
        }
        # Python-Markdown's abbr matches whole words; so does this.
        alternatives = "|".join(re.escape(t) for t in sorted(self.lines, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if self.lines else None

    def for_page(self, markdown: str) -> str:
        """The definitions to append to a page: those of the acronyms it contains."""
        used = set(self.pattern.findall(markdown)) if self.pattern else set()
        lines = [line for term, line in self.lines.items() if term in used]
        return "\n\n" + "\n".join(lines) + "\n" if lines else ""
