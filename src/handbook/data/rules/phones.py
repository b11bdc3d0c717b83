"""Every phone number is one a practitioner can safely call: a valid UK number written with
digits only; 999 and 112 only where marked as the emergency number; public short numbers
(101, 111, 116 helplines) as they are; premium-rate and personal numbers only where marked as
intended; an extension in its own field."""

from __future__ import annotations

from collections.abc import Iterator

from .. import phones
from ..dataset import Dataset
from ..model import Contact
from ..problems import Problem


def check(dataset: Dataset) -> Iterator[Problem]:
    for contact in dataset.contacts:
        yield from _contact(dataset, contact)


def _contact(dataset: Dataset, contact: Contact) -> Iterator[Problem]:
    def problem(field: str, message: str) -> Problem:
        return Problem(dataset.locate(contact, field), f"{contact.id}: {message}", "phones")

    raw = contact.phone
    if raw is None:
        for field in ("extension", "number_type_intended"):
            if getattr(contact, field) is not None:
                yield problem(field, f"'{field}' needs a 'phone' (add the number, or remove it)")
        return
    if phones.is_emergency(raw):
        if not contact.emergency:
            yield problem(
                "phone",
                f"'{raw}' is an emergency number; it is allowed only on a contact marked "
                "'emergency: true'",
            )
    elif contact.emergency:
        yield problem(
            "emergency",
            f"'emergency: true' is only for 999 or 112 (this contact's number is '{raw}')",
        )
    if phones.is_short(raw):
        if contact.extension is not None:
            yield problem("extension", f"'{raw}' is a short number: it has no extension")
        if contact.number_type_intended is not None:
            yield problem(
                "number_type_intended",
                f"'{raw}' is a free public number (remove 'number_type_intended')",
            )
        return
    try:
        costly = phones.costly_type(raw)
    except phones.PhoneError as error:
        yield problem("phone", str(error))
        return
    intended = contact.number_type_intended
    if costly is not None and costly[0] != intended:
        name, words = costly
        yield problem(
            "phone",
            f"'{raw}' is {words}: check it against the source, and if it is right, add "
            f"'number_type_intended: {name}'",
        )
    elif intended is not None and costly is None:
        yield problem(
            "number_type_intended",
            f"'{raw}' is not a {intended} number (remove 'number_type_intended')",
        )
