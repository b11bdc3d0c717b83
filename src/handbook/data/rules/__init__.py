"""The rules that need more than one field or the phone library; one rule per module.

Each rule is a function `check(dataset)` that yields Problems. Adding a rule is one new
module and one line in RULES.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .. import reviews
from ..dataset import Dataset
from ..problems import Problem
from . import (
    addresses,
    ages,
    areas,
    blocks,
    closures,
    content,
    glossary_use,
    identifiers,
    levels,
    markup,
    pages,
    phones,
    references,
    voice,
)

Rule = Callable[[Dataset], Iterator[Problem]]

RULES: dict[str, Rule] = {
    "identifiers": identifiers.check,
    "phones": phones.check,
    "ages": ages.check,
    "levels": levels.check,
    "references": references.check,
    "pages": pages.check,
    "addresses": addresses.check,
    "content": content.check,
    "markup": markup.check,
    "areas": areas.check,
    "blocks": blocks.check,
    "voice": voice.check,
    "glossary": glossary_use.check,
    "reviews": reviews.check,  # overdue reviews: warnings
    "closures": closures.check,  # a closure's 'until' passed: a warning
}


def run_rules(dataset: Dataset) -> Iterator[Problem]:
    for rule in RULES.values():
        yield from rule(dataset)
