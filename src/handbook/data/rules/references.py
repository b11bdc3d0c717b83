"""Every reference resolves: boroughs, sections, contacts, related services, levels."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..dataset import Dataset
from ..model import SHARED
from ..problems import Problem


def check(dataset: Dataset) -> Iterator[Problem]:
    yield from _contacts(dataset)
    yield from _services(dataset)
    yield from _boroughs(dataset)
    yield from _levels(dataset)
    yield from _terms(dataset)


def _contacts(dataset: Dataset) -> Iterator[Problem]:
    boroughs = _with_shared(dataset.known_ids("boroughs"))
    services = dataset.by_id("services")
    known_services = dataset.known_ids("services")
    for contact in dataset.contacts:
        yield from _resolve(dataset, contact, ("borough",), contact.borough, boroughs, "borough")
        if contact.service is None:
            continue
        yield from _resolve(
            dataset, contact, ("service",), contact.service, known_services, "service"
        )
        owner = services.get(contact.service)
        if owner and contact.id not in owner.contacts:
            yield Problem(
                dataset.locate(contact, "service"),
                f"{contact.id}: service '{owner.id}' does not list this contact in its "
                "'contacts' (add it there, or remove 'service' here)",
                "references",
            )


def _services(dataset: Dataset) -> Iterator[Problem]:
    boroughs = dataset.by_id("boroughs")
    contacts = dataset.by_id("contacts")
    services = dataset.by_id("services")
    known_contacts = dataset.known_ids("contacts")
    known_services = dataset.known_ids("services")
    # Each borough's section ids, made once: a borough of 10,000 services has 100 sections.
    sections_of = {b.id: {section.id for section in b.sections} for b in boroughs.values()}
    for service in dataset.services:
        yield from _resolve(
            dataset, service, ("borough",), service.borough,
            dataset.known_ids("boroughs"), "borough",
        )  # fmt: skip
        borough = boroughs.get(service.borough)
        if borough is None:
            continue  # the unknown borough is the fault; matching against it would be noise
        yield from _resolve(
            dataset, service, ("section",), service.section, sections_of[borough.id],
            f"section of {borough.id} (sections are listed in data/boroughs.yaml)",
        )  # fmt: skip
        for index, contact_id in enumerate(service.contacts):
            key = ("contacts", index)
            yield from _resolve(dataset, service, key, contact_id, known_contacts, "contact")
            contact = contacts.get(contact_id)
            if contact and contact.borough not in (service.borough, SHARED):
                yield Problem(
                    dataset.locate(service, *key),
                    f"{service.id}: contact '{contact_id}' belongs to {contact.borough}, not "
                    f"{service.borough} (use a contact of this borough or a shared one)",
                    "references",
                )
        for index, related in enumerate(service.related):
            key = ("related", index)
            if related == service.id:
                yield Problem(
                    dataset.locate(service, *key),
                    f"{service.id}: a service cannot be related to itself",
                    "references",
                )
            yield from _resolve(dataset, service, key, related, known_services, "service")
            target = services.get(related)
            if target and target.borough != service.borough:
                yield Problem(
                    dataset.locate(service, *key),
                    f"{service.id}: related service '{related}' is in {target.borough}, not "
                    f"{service.borough} (link only to services of the same borough)",
                    "references",
                )


def _boroughs(dataset: Dataset) -> Iterator[Problem]:
    contacts = dataset.by_id("contacts")
    known = dataset.known_ids("contacts")
    for borough in dataset.boroughs:
        refs = [(("front_door",), borough.front_door)]
        refs += [(("out_of_hours", i), c) for i, c in enumerate(borough.out_of_hours)]
        if borough.emergency:
            refs.append((("emergency",), borough.emergency))
        for key, contact_id in refs:
            yield from _resolve(dataset, borough, key, contact_id, known, "contact")
            contact = contacts.get(contact_id)
            if contact and contact.borough not in (borough.id, SHARED):
                yield Problem(
                    dataset.locate(borough, *key),
                    f"{borough.id}: contact '{contact_id}' belongs to {contact.borough}",
                    "references",
                )
        emergency = contacts.get(borough.emergency) if borough.emergency else None
        if emergency is not None and not emergency.emergency:
            yield Problem(
                dataset.locate(borough, "emergency"),
                f"{borough.id}: '{borough.emergency}' is not marked 'emergency: true'",
                "references",
            )


def _levels(dataset: Dataset) -> Iterator[Problem]:
    boroughs = _with_shared(dataset.known_ids("boroughs"))
    known = dataset.known_ids("contacts")
    contacts = dataset.by_id("contacts")
    for level in dataset.levels:
        for borough_id, contact_ids in level.who_will_help.items():
            key = ("who_will_help", borough_id)
            yield from _resolve(dataset, level, key, borough_id, boroughs, "borough")
            for index, contact_id in enumerate(contact_ids):
                yield from _resolve(dataset, level, key + (index,), contact_id, known, "contact")
                contact = contacts.get(contact_id)
                if contact is not None and contact.borough not in (borough_id, SHARED):
                    yield Problem(
                        dataset.locate(level, *key, index),
                        _helper_elsewhere(level, contact, borough_id),
                        "references",
                    )
    known_levels = {level.level for level in dataset.levels}
    if not dataset.levels:
        return
    for service in dataset.services:
        for index, value in enumerate(service.levels):
            if value in (1, 2, 3, 4) and value not in known_levels:
                yield Problem(
                    dataset.locate(service, "levels", index),
                    f"{service.id}: level {value} is not described in data/levels.yaml",
                    "references",
                )


def _helper_elsewhere(level, contact, borough_id: str) -> str:
    """A level's helper for one borough (or for all) that belongs to another borough."""
    if borough_id == SHARED:
        return (
            f"level {level.level}: contact '{contact.id}' belongs to {contact.borough}, so it "
            f"cannot help every borough (list it under '{contact.borough}:' instead)"
        )
    return (
        f"level {level.level}: contact '{contact.id}' belongs to {contact.borough}, not "
        f"{borough_id} (use a contact of this borough or a shared one)"
    )


def _terms(dataset: Dataset) -> Iterator[Problem]:
    boroughs = dataset.known_ids("boroughs")
    for term in dataset.terms:
        for index, borough_id in enumerate(term.boroughs):
            yield from _resolve(dataset, term, ("boroughs", index), borough_id, boroughs, "borough")


def _with_shared(boroughs: set[str] | None) -> set[str] | None:
    return None if boroughs is None else boroughs | {SHARED}


def _resolve(
    dataset, entry, key, value: str, known: set[str] | None, what: str
) -> Iterator[Problem]:
    if known is None or value in known:  # None: the file that defines them was unreadable
        return
    label = getattr(entry, "id", None) or f"level {getattr(entry, 'level', '?')}"
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    yield Problem(
        dataset.locate(entry, *key),
        f"{label}: unknown {what} '{value}'{hint}",
        "references",
    )
