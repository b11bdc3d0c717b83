"""What the search box should find a service by, beyond its own words.

Material's search gives a page's `tags` metadata a very high weight (the tags themselves are
not shown without the tags plugin). A service's tags are its name's acronyms and aliases, the
plain words for its needs, and every way its own numbers can be typed, so that the service
itself ranks above pages that merely mention it.
"""

from __future__ import annotations

from ..data import phones
from ..data.model import Contact, Service
from .vocabulary import search_words

# How much more a service's main need (its first tag) counts than its other needs.
MAIN_NEED_WEIGHT = 3


def number_forms(raw: str, with_area_code: bool = True) -> list[str]:
    """Every way a number is typed: '01253 477299' -> 01253477299, 477299, 441253477299.

    Search treats each typed word as a prefix, and an area code is shared by every number in
    a borough: so the heavily weighted tags leave out forms that start with it
    (`with_area_code=False`), and a search for '01253 477299' is decided by '477299'.
    """
    if phones.is_short(raw):  # 999, 101, 116 123: dialled and typed as they are
        return list(dict.fromkeys([phones.e164(raw), phones.national(raw)]))
    national = phones.national(raw)
    area, _, local = national.partition(" ")
    # As the source wrote it too: "01254 260 465" is typed as "260 465" by someone reading it.
    written_local = raw.strip().removeprefix(area).strip()
    compact = national.replace(" ", "") if with_area_code else ""
    forms = [compact, local.replace(" ", ""), written_local, phones.e164(raw)[1:]]
    return list(dict.fromkeys(form for form in forms if form))


def service_tags(service: Service, own_contacts: list[Contact]) -> list[str]:
    terms: list[str] = []
    if service.short_name:
        terms.append(service.short_name)
    terms.extend(service.aliases)
    for position, tag in enumerate(service.tags):
        # Repeats raise a word's weight in lunr: the main need outranks passing mentions.
        repeats = MAIN_NEED_WEIGHT if position == 0 else 1
        terms.extend(list(search_words(tag)) * repeats)
    for contact in own_contacts:
        if contact.phone:
            terms.extend(number_forms(contact.phone, with_area_code=False))
    return terms
