"""The glossary for one borough's site: its terms A to Z, and the abbreviations that give
every acronym a tooltip wherever it appears (Python-Markdown's abbr extension)."""

from __future__ import annotations

import re

from .dataset import Dataset
from .model import Term

# An acronym is one word with at least two capitals ("CADS", "CiN", "GCP2", "C&F").
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9&/]+$")


def terms_for(dataset: Dataset, borough_id: str) -> list[Term]:
    """Shared terms and this borough's own, A to Z."""
    mine = [t for t in dataset.terms if not t.boroughs or borough_id in t.boroughs]
    return sorted(mine, key=lambda t: (t.term.casefold(), t.id))


def abbreviations(terms: list[Term]) -> str:
    """Markdown abbreviation definitions, one per acronym; two meanings are joined."""
    expansions: dict[str, list[str]] = {}
    for term in terms:
        if ACRONYM.match(term.term) and term.expansion != term.term:
            expansions.setdefault(term.term, []).append(term.expansion)
    lines = [f"*[{term}]: {' or '.join(dict.fromkeys(meanings))}"
             for term, meanings in sorted(expansions.items())]  # fmt: skip
    return "\n".join(lines)
