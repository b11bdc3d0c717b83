"""The service finder's page, worked out from the data: which services it lists and in which
order, what each service's block tells the browser, and which needs this borough serves.

The browser filters and ranks the blocks as the practitioner chooses
(overrides/assets/javascripts/finder.js); all it knows comes from here, through the block's
data-* attributes, so that the page without JavaScript and with it list the same services.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.model import Service
from ..data.rules.ages import OLDEST
from . import vocabulary

CLOSED = "temporarily-closed"
# The need that "Unborn" ranks first when no need is chosen.
PRE_BIRTH_NEED = "pregnancy"
# A service that no longer runs is not offered at all; see listed().
GONE = "inactive"


@dataclass(frozen=True)
class Need:
    """One need of the vocabulary as the finder offers it."""

    tag: str
    label: str  # in the list: "Young carers"
    phrase: str  # in a sentence: "No service in this guide for young carers"
    served: bool  # by at least one service the finder lists


@dataclass(frozen=True)
class Finder:
    services: list[Service]
    needs: list[Need]
    oldest: float = OLDEST  # the oldest age any service of the guide may state
    pre_birth_need: str = PRE_BIRTH_NEED


def finder(services_in_guide_order: list[Service]) -> Finder:
    services = listed(services_in_guide_order)
    return Finder(services, needs(services))


def listed(services: list[Service]) -> list[Service]:
    """The services a practitioner can still refer to, in the guide's order, temporarily
    closed ones after the rest (as the ranking in the browser puts them)."""
    open_now = [s for s in services if s.status not in (GONE, CLOSED)]
    return open_now + [s for s in services if s.status == CLOSED]


def needs(services: list[Service]) -> list[Need]:
    """Every need of the vocabulary, not only those in use: a link or a choice of a need that
    no service here serves is then answered (with the front door), not silently dropped."""
    served = {tag for service in services for tag in service.tags}
    return [
        Need(tag, vocabulary.label(tag), in_a_sentence(vocabulary.label(tag)), tag in served)
        for tag in vocabulary.TAGS
    ]


def in_a_sentence(label: str) -> str:
    """'Young carers' -> 'young carers'; an opening acronym keeps its capitals ('SEND ...')."""
    first = label.split(" ", 1)[0]
    if first.isupper() and len(first) > 1:
        return label
    return label[:1].lower() + label[1:]


def age_ends(service: Service) -> tuple[str, str]:
    """The youngest and oldest ages the guide states, as the browser reads them: a number of
    years, 'unborn', or '' where the guide states no end."""
    ages = service.ages
    # A range the source gives loosely ("predominantly 11 to 17") never rules a child out.
    if ages is None or not ages.strict:
        return "", ""
    return _years(ages.min), _years(ages.max)


def _years(value: float | str | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else f"{value:g}"
