"""Which area each number, email and web address belongs to, and each area's front door.

An area is a borough (with a site of its own) or one of `other_areas` in data/boroughs.yaml
(Lancashire: its duty number only). A number belongs to an area when it is one of that
borough's contacts or that area's front door; a number two areas share belongs to neither.
Numbers are compared in their international form, so '(01253) 477299', '01253477299' and
'+44 1253 477299' are the same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import phonenumbers

from . import phones
from .dataset import Dataset
from .model import Borough, Contact

# A UK number has at least seven digits, written with at most one mark between two of them.
SEVEN_DIGITS = re.compile(r"\d(?:\D{0,2}\d){6}")
DIGIT = re.compile(r"\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A web address, with or without https:// or www. (not the domain of an email address).
WEB = re.compile(
    r"\b(?:https?://|www\.)[^\s)\]>\"'|]*[^\s)\]>\"'|.,;:]"
    r"|(?<![@\w.-])[\w-]+(?:\.[\w-]+)*\.(?:uk|org|com|net)\b(?:/[^\s)\]>\"'|]*[^\s)\]>\"'|.,;:])?",
    re.I,
)
# A Markdown link's target, a web address or an email: what is not words on the page.
ADDRESS = re.compile(rf"\]\([^)\s]*\)|<[^>\s]+>|{EMAIL.pattern}|{WEB.pattern}", re.I)


@dataclass(frozen=True)
class Place:
    """A borough or another area: its name, the words that name it, its front door."""

    name: str
    labels: tuple[str, ...]  # the words that name it: its name and other names
    borough_id: str | None  # None for an area with no site of its own
    front_door: Contact | None

    def named_in(self, words: str) -> bool:
        return any(name_pattern(label).search(words) for label in self.labels)


@dataclass(frozen=True)
class Door:
    """One row of the duty numbers: the words that name the area, and its front door."""

    label: str
    area: Place
    contact: Contact

    @property
    def number(self) -> str:
        return phones.national(self.contact.phone) if self.contact.phone else ""


@dataclass(frozen=True)
class Found:
    """A phone number written in a text: where, as written, and its international form."""

    start: int
    end: int
    written: str
    e164: str


def areas(dataset: Dataset) -> list[Place]:
    contacts = dataset.by_id("contacts")
    found = [
        Place(b.name, (b.name, *b.other_names), b.id, contacts.get(b.front_door))
        for b in dataset.boroughs
    ]
    found += [
        Place(a.name, (a.name,), None, contacts.get(a.front_door)) for a in dataset.other_areas
    ]
    return found


def number_owners(dataset: Dataset) -> dict[str, Place]:
    """International form of a number -> the one area it belongs to."""
    by_borough = {a.borough_id: a for a in areas(dataset) if a.borough_id}
    owned: dict[str, set[Place]] = {}
    for contact in dataset.contacts:
        area = by_borough.get(contact.borough)
        if area is not None and _dialable(contact):
            owned.setdefault(phones.e164(contact.phone), set()).add(area)
    for area in areas(dataset):
        if area.borough_id is None and area.front_door and _dialable(area.front_door):
            owned.setdefault(phones.e164(area.front_door.phone), set()).add(area)
    return {number: next(iter(held)) for number, held in owned.items() if len(held) == 1}


def address_owners(dataset: Dataset) -> tuple[dict[str, Place], dict[str, Place]]:
    """(email -> area, web host -> area) for the addresses of one borough's contacts only."""
    by_borough = {a.borough_id: a for a in areas(dataset) if a.borough_id}
    emails: dict[str, set[Place]] = {}
    hosts: dict[str, set[Place]] = {}
    for contact in dataset.contacts:
        area = by_borough.get(contact.borough)
        if area is None:
            continue
        if contact.email:
            emails.setdefault(contact.email.lower(), set()).add(area)
            hosts.setdefault(host(contact.email.split("@")[1]), set()).add(area)
        if contact.website:
            hosts.setdefault(host(contact.website), set()).add(area)
    return _single(emails), _single(hosts)


def host(address: str) -> str:
    """'https://www.Blackpool.gov.uk/fis' -> 'blackpool.gov.uk'."""
    address = address if "//" in address else f"//{address}"
    name = (urlsplit(address).hostname or "").lower()
    return name.removeprefix("www.")


def front_doors(dataset: Dataset, borough: Borough, other_boroughs: bool = False) -> list[Door]:
    """The front doors a borough's site lists, each with the words that name its area: its own
    first, then the areas with no site of their own (Lancashire), A to Z; with
    `other_boroughs`, the other boroughs' too (Who to call lists them; shared pages do not,
    so that no other borough's number is in a shared page)."""
    doors = [
        Door(f"If the child lives in {area.name}", area, area.front_door)
        for area in areas(dataset)
        if area.front_door is not None
        and area.front_door.phone
        and (area.borough_id in (borough.id, None) or other_boroughs)
    ]
    return sorted(doors, key=lambda d: (d.area.borough_id != borough.id, d.area.name))


def has_digit(text: str) -> bool:
    """Whether `text` holds a digit (any script's, as `\\d` means): no digit, no number."""
    if not text.isascii():
        return DIGIT.search(text) is not None
    # Ten plain substring tests, written out: several times quicker than `\\d` (or a loop).
    return (
        "0" in text or "1" in text or "2" in text or "3" in text or "4" in text
        or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
    )  # fmt: skip


@lru_cache(maxsize=2**18)  # each text is searched once for every borough that shows it
def find_numbers(text: str) -> tuple[Found, ...]:
    """Every phone number written in `text`, however it is written (not 999)."""
    # Most text holds no number: skip the slow matcher.
    if not has_digit(text) or not SEVEN_DIGITS.search(text):
        return ()
    plain = masked(text)
    return tuple(
        Found(match.start, match.end, match.raw_string, _e164(match.number))
        for match in phonenumbers.PhoneNumberMatcher(plain, phones.REGION)
    )


@lru_cache(maxsize=2**18)  # several rules mask each text, for each borough that shows it
def masked(text: str) -> str:
    """`text` with link targets, web addresses and emails blanked out (same length), so that
    the number in '[01254 666400](tel:+441254666400)' is found once, by its words."""
    if not _may_hold_an_address(text):  # most text has none
        return text
    return ADDRESS.sub(lambda m: " " * len(m.group()), text)


def owner_of(contact: Contact, owners: dict[str, Place]) -> Place | None:
    """The area a contact's phone number belongs to, if one."""
    return owners.get(phones.e164(contact.phone)) if _dialable(contact) else None


def _may_hold_an_address(text: str) -> bool:
    # Plain substring tests: several times quicker than one regular expression here.
    return (
        "@" in text or "<" in text or "](" in text or "://" in text or "www." in text
        or ".uk" in text or ".org" in text or ".com" in text or ".net" in text
    )  # fmt: skip


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _dialable(contact: Contact) -> bool:
    if not contact.phone or phones.is_emergency(contact.phone):
        return False
    try:
        phones.parse(contact.phone)
    except phones.PhoneError:
        return False  # the phones rule reports it
    return True


def _single(held: dict[str, set[Place]]) -> dict[str, Place]:
    return {key: next(iter(areas_)) for key, areas_ in held.items() if len(areas_) == 1}


@lru_cache(maxsize=256)
def name_pattern(label: str) -> re.Pattern:
    """An area's name as a whole word, in any capitals: 'Blackpool', "Blackpool's"."""
    return re.compile(rf"(?<![\w-]){re.escape(label)}(?![\w-])", re.IGNORECASE)
