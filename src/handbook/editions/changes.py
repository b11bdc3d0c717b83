"""What changed between two editions of a borough's data.

Each build carries a snapshot of its borough's data (handbook-data.json); comparing the
snapshot of the previous published version with this one gives the "What's changed" page
and the same changes as JSON for other systems.
"""

from __future__ import annotations

from typing import Any

from ..data import phones
from ..data.dataset import Dataset
from ..data.model import SHARED, Ages
from ..data.words import age_range
from . import published

CONTACT_FIELDS = ("name", "phone", "extension", "email", "website", "hours")
SERVICE_FIELDS = ("name", "section", "ages", "levels", "referral", "eligibility", "contacts")
FIELD_WORDS = {
    "phone": "Phone number", "extension": "Extension", "email": "Email",
    "website": "Web address", "hours": "Hours",
    "name": "Name", "section": "Section", "ages": "Ages", "levels": "Levels of need",
    "referral": "How to refer", "eligibility": "Who qualifies", "contacts": "Contacts",
}  # fmt: skip


def snapshot(dataset: Dataset, borough_id: str) -> dict[str, Any]:
    """The facts of one borough that a practitioner acts on, in a stable JSON shape."""
    borough = dataset.borough(borough_id)
    contacts = {
        c.id: c.model_dump(mode="json", include=set(CONTACT_FIELDS))
        for c in dataset.contacts
        if c.borough in (borough_id, SHARED)
    }
    services = {
        s.id: s.model_dump(mode="json", include=set(SERVICE_FIELDS))
        for s in dataset.services
        if s.borough == borough_id
    }
    return {
        "borough": borough_id,
        "front_door": borough.front_door,
        "out_of_hours": list(borough.out_of_hours),
        "contacts": contacts,
        "services": services,
    }


def since_published(dataset: Dataset, borough_id: str, version: str | None) -> dict[str, Any]:
    """This build's changes against the newest published version other than itself."""
    old_version, old = published.previous(dataset.root, borough_id, version)
    return compare(old, snapshot(dataset, borough_id), old_version, version)


def compare(old: dict | None, new: dict, old_version: str | None, new_version: str | None):
    """The changes from `old` to `new`, most urgent first (front-door numbers lead)."""
    result: dict[str, Any] = {
        "borough": new["borough"],
        "from_version": old_version,
        "to_version": new_version,
        "first_version": old_version is None,
        "comparable": old is not None,
    }
    if old is None:
        return result
    urgent = {new["front_door"], *new["out_of_hours"]}
    result["contacts_changed"] = sorted(
        _field_changes(old["contacts"], new["contacts"], CONTACT_FIELDS, _show_contact_value),
        key=lambda change: (change["id"] not in urgent, change["name"].casefold()),
    )
    for change in result["contacts_changed"]:
        change["urgent"] = change["id"] in urgent
    result["contacts_added"] = _added(old["contacts"], new["contacts"])
    result["contacts_removed"] = _added(new["contacts"], old["contacts"])
    result["services_added"] = _added(old["services"], new["services"])
    result["services_removed"] = _added(new["services"], old["services"])
    result["services_changed"] = _field_changes(
        old["services"], new["services"], SERVICE_FIELDS, _show_service_value
    )
    return result


def has_changes(changes: dict) -> bool:
    return any(
        changes.get(key)
        for key in (
            "contacts_changed", "contacts_added", "contacts_removed",
            "services_added", "services_removed", "services_changed",
        )
    )  # fmt: skip


def _added(before: dict, after: dict) -> list[dict]:
    return [
        {"id": key, "name": after[key]["name"]}
        for key in sorted(after, key=lambda k: after[k]["name"].casefold())
        if key not in before
    ]


def _field_changes(before: dict, after: dict, fields, show) -> list[dict]:
    changes = []
    for key in sorted(set(before) & set(after), key=lambda k: after[k]["name"].casefold()):
        for field in fields:
            old, new = before[key].get(field), after[key].get(field)
            if old != new:
                changes.append({
                    "id": key,
                    "name": after[key]["name"],
                    "field": field,
                    "what": FIELD_WORDS[field],
                    "old": show(field, old),
                    "new": show(field, new),
                })  # fmt: skip
    return changes


def _show_contact_value(field: str, value):
    if value is None:
        return None
    if field == "phone":
        try:
            return phones.national(value)
        except phones.PhoneError:
            return value
    return value


def _show_service_value(field: str, value):
    if value is None:
        return None
    if field == "ages":
        return age_range(Ages(**value))
    if field == "levels":
        return ", ".join(str(level) for level in value)
    if field == "referral":
        routes = ", ".join(value.get("routes") or [])
        return value["how"] + (f" (routes: {routes})" if routes else "")
    if field == "contacts":
        return ", ".join(value)
    return value
