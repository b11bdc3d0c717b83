"""What search finds a page by: the words, numbers and details each page carries for the
search index, and the model of what practitioners type that the search box applies.

The index is Pagefind's, built from the finished pages after the builder (see
src/handbook/postbuild/search_index.py); it reads what a page says and, from hidden elements
this module describes, what the page is also known as, with weights: a service's name,
acronyms, aliases and own numbers count most, then its main need, its other needs, its
summary, and then the rest of the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data import phones
from ..data.dataset import Dataset
from ..data.model import Borough, Contact, Service, Term
from .vocabulary import TAGS, search_words

# Pagefind's element weights (its headings: h1 7, h2 6, h3 5; other text 1).
NAMES_WEIGHT = 10
MAIN_NEED_WEIGHT = 9
NEED_WEIGHT = 6  # below the page title's 7: a need in passing is not what a page is about
SUMMARY_WEIGHT = 5
MODEL_FILE = "search-model.json"
# Where the after-build step writes the words a typing mistake is corrected against.
VOCABULARY_FOLDER = "search-vocabulary"


def number_forms(raw: str) -> list[str]:
    """Every way a number is typed, as one word each: '01253 477299' -> 01253477299,
    477299, 441253477299. The search box turns what is typed into one of these."""
    if phones.is_short(raw):  # 999, 101, 116 123: dialled and typed as they are
        return list(dict.fromkeys([phones.e164(raw), phones.national(raw)]))
    national = phones.national(raw)
    _, _, local = national.partition(" ")
    forms = [national.replace(" ", ""), local.replace(" ", ""), phones.e164(raw)[1:]]
    return list(dict.fromkeys(form for form in forms if form))


@dataclass
class PageSearch:
    """What one page is found by and what a search result shows of it."""

    names: list[str] = field(default_factory=list)
    main_need: list[str] = field(default_factory=list)
    other_needs: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def service_search(service: Service, contacts: list[Contact], section_title: str) -> PageSearch:
    """A service page: found by its names, needs and own numbers; shown with its summary and
    the number to call."""
    own = [c for c in contacts if c.service == service.id]
    names = [service.name, *([service.short_name] if service.short_name else []), *service.aliases]
    needs = [list(search_words(tag)) for tag in service.tags]
    numbers = [form for c in own if c.phone for form in number_forms(c.phone)]
    meta = {"kind": "service", "section": section_title, "status": service.status}
    callable_ = next((c for c in [*own, *contacts] if c.phone), None)
    if callable_ is not None:
        meta |= {
            "phone": phones.national(callable_.phone, callable_.extension),
            "tel": phones.tel_uri(callable_.phone, callable_.extension),
            "phone_name": callable_.name,
        }
    if numbers:
        meta["numbers"] = " ".join(numbers)
    return PageSearch(
        names=list(dict.fromkeys(names)),
        main_need=needs[0] if needs else [],
        other_needs=[word for words in needs[1:] for word in words],
        numbers=numbers,
        meta=meta,
    )


def page_search(summary: str, kind: str = "page", numbers: list[str] | None = None) -> PageSearch:
    """A page that is not a service: shown with a line saying what it is."""
    return PageSearch(numbers=numbers or [], meta={"kind": kind, "summary": summary})


def search_model(
    dataset: Dataset, borough: Borough, links: dict[str, str], terms: list[Term]
) -> dict:
    """What the search box needs to understand a query on this borough's site: the words to
    drop, the synonyms (data/search.yaml's, and each acronym of the glossary for what it
    stands for), the words of worry, and the numbers and pages it offers first. `links` are
    the site's own addresses (from the site's root) of the pages it offers."""
    search = dataset.search
    contacts = dataset.by_id("contacts")
    front_door = contacts[borough.front_door]
    emergency = contacts.get(borough.emergency) if borough.emergency else None
    return {
        "borough": {"id": borough.id, "name": borough.name},
        "stop_words": sorted({w.casefold() for w in search.stop_words}),
        "concern_words": sorted({w.casefold() for w in search.concern_words}),
        "referral_words": sorted({w.casefold() for w in search.referral_words}),
        "out_of_hours_words": sorted({w.casefold() for w in search.out_of_hours_words}),
        "synonyms": [
            {"words": [w.casefold() for w in s.words], "means": [m.casefold() for m in s.means]}
            for s in search.synonyms
        ]
        + [
            {"words": [t.term.casefold()], "means": [t.expansion.casefold()]}
            for t in terms
            if t.expansion.casefold() != t.term.casefold()
        ],
        "phrases": sorted({w.casefold() for tag in TAGS for w in search_words(tag)}),
        "front_door": _contact(front_door) | {"url": links.get("front_door")},
        "emergency": _contact(emergency) if emergency else None,
        "links": {k: v for k, v in links.items() if k != "front_door"},
    }


def _contact(contact: Contact) -> dict:
    found = {"name": contact.name}
    if contact.phone:
        found |= {
            "phone": phones.national(contact.phone, contact.extension),
            "tel": phones.tel_uri(contact.phone, contact.extension),
        }
    return found
