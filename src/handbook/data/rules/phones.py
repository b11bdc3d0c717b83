"""Every phone number is a valid UK number; 999 only where marked as the emergency number."""

from __future__ import annotations

from collections.abc import Iterator

from .. import phones
from ..dataset import Dataset
from ..problems import Problem


def check(dataset: Dataset) -> Iterator[Problem]:
    for contact in dataset.contacts:
        if contact.phone is None:
            continue
        where = dataset.locate(contact, "phone")
        if phones.is_emergency(contact.phone):
            if not contact.emergency:
                yield Problem(
                    where,
                    f"{contact.id}: '{contact.phone}' is an emergency number; it is allowed "
                    "only on a contact marked 'emergency: true'",
                    "phones",
                )
            continue
        if contact.emergency:
            yield Problem(
                dataset.locate(contact, "emergency"),
                f"{contact.id}: 'emergency: true' is only for 999 (this contact's number is "
                f"'{contact.phone}')",
                "phones",
            )
        try:
            phones.parse(contact.phone)
        except phones.PhoneError as error:
            yield Problem(where, f"{contact.id}: {error}", "phones")
