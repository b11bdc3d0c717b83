"""Each site speaks for its own borough: shared text holds nothing of one borough's, and
another area's number is never shown without that area's name before it.

Shared text (Parts One and Two, the levels of need, shared terms and contacts) is on every
borough's site, so a borough's phone number, email, web address or name written in it would
send another borough's practitioner to the wrong council: such text goes in a per-borough
block (`::: blackpool`) or becomes a placeholder (`{front-door-phone}`). Where a site does
show another area's number, the words before it on the same line must name that area:
"If the child lives in Lancashire: 0300 123 6720".
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import blocks
from ..areas import (
    EMAIL,
    WEB,
    address_owners,
    areas,
    find_numbers,
    has_digit,
    host,
    masked,
    name_pattern,
    number_owners,
    owner_of,
)
from ..dataset import Dataset
from ..model import SHARED
from ..problems import Problem
from ..shown import Shown, texts

RULE = "voice"

SHARED_NUMBER = (
    "{owner}'s number '{written}' {where} is shown on every borough's site (put it in a "
    "per-borough block, '::: {id}', or write {{front-door-phone}} for each site's own number)"
)
SHARED_ADDRESS = (
    "{owner}'s {kind} '{written}' {where} is shown on every borough's site (put it in a "
    "per-borough block, '::: {id}')"
)
SHARED_NAME = (
    "'{written}' {where} speaks for {owner}, but the text is shown on every borough's site (put "
    "what is for {owner} only in a per-borough block, '::: {id}', or write {{area}} for each "
    "site's own name)"
)
UNLABELLED = (
    "{owner}'s number '{written}' {where} is shown without naming {owner} before it (write, "
    "for example, 'If the child lives in {owner}: {written}', on the same line)"
)


def check(dataset: Dataset) -> Iterator[Problem]:
    owners = number_owners(dataset)
    emails, hosts = address_owners(dataset)
    places = [p for p in areas(dataset) if p.borough_id]
    own = {p.borough_id: p for p in places}
    for item in texts(dataset):
        if item.shared:
            for part in blocks.parse(item.text).parts:
                if part.boroughs is None:
                    yield from _shared_part(item, part, owners, emails, hosts, places)
        for borough_id in sorted(item.boroughs):
            yield from _labels(item, own[borough_id], owners)
    yield from _contact_names(dataset, owners)


def _shared_part(item: Shown, part, owners, emails, hosts, places) -> Iterator[Problem]:
    """Outside the per-borough blocks of a shared text: nothing that is one borough's."""
    where = _where(item)
    for found in find_numbers(part.text):
        owner = owners.get(found.e164)
        if owner is not None and owner.borough_id:
            written = found.written.lstrip("[")
            message = SHARED_NUMBER.format(
                owner=owner.name, written=written, where=where, id=owner.borough_id
            )
            yield _problem(item, part.start + found.start, written, message)
    addresses = (("email", EMAIL, emails, str.lower), ("web address", WEB, hosts, host))
    for kind, pattern, owned, key in addresses:
        for match in pattern.finditer(part.text):
            owner = owned.get(key(match.group()))
            if owner is not None:
                message = SHARED_ADDRESS.format(
                    owner=owner.name,
                    kind=kind,
                    where=where,
                    written=match.group(),
                    id=owner.borough_id,
                )
                yield _problem(item, part.start + match.start(), match.group(), message)
    for place, match in _names(masked(part.text), places):
        message = SHARED_NAME.format(
            written=match.group(), where=where, owner=place.name, id=place.borough_id
        )
        yield _problem(item, part.start + match.start(), match.group(), message)


def _names(words: str, places) -> list:
    """Each borough's name or other name written in `words`; the longest where two overlap
    ('Blackburn with Darwen', not 'Blackburn' in it)."""
    found = sorted(
        (
            (place, match)
            for place in places
            for label in place.labels
            for match in name_pattern(label).finditer(words)
        ),
        key=lambda hit: (hit[1].start(), -len(hit[1].group())),
    )
    kept, end = [], -1
    for place, match in found:
        if match.start() >= end:
            kept.append((place, match))
            end = match.end()
    return kept


def _labels(item: Shown, own, owners) -> Iterator[Problem]:
    """On the site of the borough `own`, each other area's number in the text has its area's
    name before it, on the same line."""
    if not has_digit(item.text):  # what a site shows of a text holds no digit it lacks
        return
    selected = blocks.select(item.text, own.borough_id)
    previous_end = 0
    for found in find_numbers(selected.text):
        owner = owners.get(found.e164)
        line_start = selected.text.rfind("\n", 0, found.start) + 1
        before = selected.text[max(line_start, previous_end) : found.start]
        previous_end = found.end
        if owner is None or owner == own or owner.named_in(before):
            continue
        offset = selected.origin(found.start)
        if item.shared and owner.borough_id and _outside_blocks(item.text, offset):
            continue  # the shared-text check has reported it
        written = found.written.lstrip("[")
        message = UNLABELLED.format(owner=owner.name, written=written, where=_where(item))
        yield _problem(item, offset, written, message)


def _contact_names(dataset: Dataset, owners) -> Iterator[Problem]:
    """A contact line shows the contact's name before its number: where a site shows another
    area's contact (every site shows the shared ones), the name must say which area."""
    contacts = dataset.by_id("contacts")
    everyone = [b.id for b in dataset.boroughs]
    for contact in dataset.contacts:
        owner = owner_of(contact, owners)
        if contact.borough == SHARED and owner is not None and not owner.named_in(contact.name):
            yield Problem(
                dataset.locate(contact, "name"),
                f"{contact.id}: every site shows this contact, and its number is {owner.name}'s: "
                f"its name must say '{owner.name}'",
                RULE,
            )
    for level in dataset.levels:
        for key, ids in level.who_will_help.items():
            sites = everyone if key == SHARED else [key]
            for index, contact_id in enumerate(ids):
                contact = contacts.get(contact_id)
                # Another borough's own contact is the references rule's to report.
                if contact is None or contact.borough != SHARED:
                    continue
                owner = owner_of(contact, owners)
                for site in sites:
                    if owner is None or owner.borough_id == site or owner.named_in(contact.name):
                        continue
                    yield Problem(
                        dataset.locate(level, "who_will_help", key, index),
                        f"level {level.level}: '{contact_id}' under 'who_will_help' is "
                        f"{owner.name}'s number, shown on {site}'s site without naming "
                        f"{owner.name} (list {site}'s own contacts here)",
                        RULE,
                    )


def _outside_blocks(text: str, offset: int) -> bool:
    return any(
        p.boroughs is None and p.start <= offset < p.start + len(p.text)
        for p in blocks.parse(text).parts
    )


def _where(item: Shown) -> str:
    return "in this page" if item.field == "this page" else f"in '{item.field}'"


def _problem(item: Shown, offset: int, written: str, message: str) -> Problem:
    return Problem(item.locate(offset, written), item.label + message, RULE)
