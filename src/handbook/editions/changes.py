"""What changed between two editions of a borough's data.

Each build carries a snapshot of its borough's data (handbook-data.json); comparing the
snapshot of the previous published version with this one gives the "What's changed" page
and the same changes as JSON for other systems. `handbook changes` compares the data at a
git commit with the working tree through the same two functions.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from ..data import phones
from ..data.dataset import Dataset
from ..data.model import SHARED, Ages
from ..data.words import STATUS_WORDS, age_range, long_date, page_title
from . import published

CONTACT_FIELDS = ("name", "phone", "extension", "email", "website", "hours")
SERVICE_FIELDS = ("name", "section", "ages", "levels", "referral", "eligibility", "contacts")
# Whether a service runs at all. A snapshot written before services had a status has none of
# these, which means active.
STATUS_FIELDS = ("status", "alert", "until")
ACTIVE = "active"
FIELD_WORDS = {
    "phone": "Phone number", "extension": "Extension", "email": "Email",
    "website": "Web address", "hours": "Hours",
    "name": "Name", "section": "Section", "ages": "Ages", "levels": "Levels of need",
    "referral": "How to refer", "eligibility": "Who qualifies", "contacts": "Contacts",
    "alert": "Notice", "until": "Closed until", "contact": "Contact",
}  # fmt: skip
FRONT_DOOR, OUT_OF_HOURS = "Front door", "Out of hours"

# The order a reader meets the changes in, on the What's changed page and in `handbook
# changes`: the numbers to ring first, then whether a service runs at all, then the rest.
URGENT = "urgent"
SECTIONS = (
    (URGENT, "Front door and out of hours"),
    ("contacts_changed", "Numbers and addresses"),
    ("services_closed", "Services closed"),
    ("services_reopened", "Services reopened"),
    ("services_added", "New services"),
    ("services_removed", "Services removed"),
    ("services_changed", "Changes to services"),
    ("contacts_added", "New contacts"),
    ("contacts_removed", "Contacts removed"),
    ("pages_added", "New pages"),
    ("pages_changed", "Pages changed"),
    ("pages_removed", "Pages removed"),
)


def snapshot(dataset: Dataset, borough_id: str) -> dict[str, Any]:
    """The facts of one borough that a practitioner acts on, in a stable JSON shape."""
    borough = dataset.borough(borough_id)
    contacts = {
        c.id: c.model_dump(mode="json", include=set(CONTACT_FIELDS))
        for c in dataset.contacts
        if c.borough in (borough_id, SHARED)
    }
    services = {
        s.id: s.model_dump(mode="json", include={*SERVICE_FIELDS, *STATUS_FIELDS})
        for s in dataset.services
        if s.borough == borough_id
    }
    return {
        "borough": borough_id,
        "name": borough.name,
        "front_door": borough.front_door,
        "out_of_hours": list(borough.out_of_hours),
        "contacts": contacts,
        "services": services,
        "pages": _pages(dataset, borough),
    }


def empty_snapshot(borough_id: str, name: str) -> dict[str, Any]:
    """A borough on the side of a comparison where it does not exist (added or removed)."""
    return {
        "borough": borough_id, "name": name, "front_door": None, "out_of_hours": [],
        "contacts": {}, "services": {}, "pages": {},
    }  # fmt: skip


def since_published(dataset: Dataset, borough_id: str, version: str | None) -> dict[str, Any]:
    """This build's changes against the newest published version other than itself."""
    old_version, old = published.previous(dataset.root, borough_id, version)
    return compare(old, snapshot(dataset, borough_id), old_version, version)


def between(old: Dataset | None, new: Dataset) -> list[dict[str, Any]]:
    """Each borough's changes from one data set to another, in the new data's order.

    A borough in only one of them is compared with an empty snapshot, so everything in it
    shows as added (or removed) and its front door leads; `borough_change` says which.
    """
    old_boroughs = {b.id: b for b in old.boroughs} if old else {}
    new_boroughs = {b.id: b for b in new.boroughs}
    results = []
    for borough_id in [*new_boroughs, *(b for b in old_boroughs if b not in new_boroughs)]:
        name = (new_boroughs.get(borough_id) or old_boroughs[borough_id]).name
        sides = [
            snapshot(dataset, borough_id) if borough_id in boroughs
            else empty_snapshot(borough_id, name)
            for dataset, boroughs in ((old, old_boroughs), (new, new_boroughs))
        ]  # fmt: skip
        change = (
            "added" if borough_id not in old_boroughs
            else "removed" if borough_id not in new_boroughs
            else None
        )  # fmt: skip
        results.append(compare(*sides, None, None) | {"borough_change": change})
    return results


def compare(old: dict | None, new: dict, old_version: str | None, new_version: str | None):
    """The changes from `old` to `new`, most urgent first (front-door numbers lead)."""
    result: dict[str, Any] = {
        "borough": new["borough"],
        "name": new.get("name") or (old or {}).get("name") or new["borough"],
        "from_version": old_version,
        "to_version": new_version,
        "first_version": old_version is None,
        "comparable": old is not None,
    }
    if old is None:
        return result
    result |= _contact_changes(old, new)
    result |= _service_changes(old["services"], new["services"])
    if "pages" in old:  # snapshots published before pages were compared have none
        result |= _page_changes(old["pages"], new["pages"])
    return result


def has_changes(changes: dict) -> bool:
    return any(changes.get(key) for key, _ in SECTIONS)


def _contact_changes(old: dict, new: dict) -> dict[str, list]:
    roles = _roles(old) | _roles(new)
    changed = sorted(
        _field_changes(old["contacts"], new["contacts"], CONTACT_FIELDS, _show_contact_value),
        key=lambda change: (change["id"] not in roles, change["name"].casefold()),
    )
    for change in changed:
        change["urgent"] = change["id"] in roles
    urgent = [{"role": roles[c["id"]], **{k: v for k, v in c.items() if k != "urgent"}}
              for c in changed if c["urgent"]]  # fmt: skip
    return {
        "contacts_changed": changed,
        URGENT: _role_changes(old, new) + urgent,
        "contacts_added": _added(old["contacts"], new["contacts"]),
        "contacts_removed": _added(new["contacts"], old["contacts"]),
    }


def _service_changes(before: dict, after: dict) -> dict[str, list]:
    closed, reopened = _status_changes(before, after)
    moved = {change["id"] for change in closed + reopened}
    fields = (*SERVICE_FIELDS, "alert", "until")
    return {
        "services_added": _added(before, after),
        "services_removed": _added(after, before),
        "services_closed": closed,
        "services_reopened": reopened,
        # A closure's notice and date are part of the closure, not changes of their own.
        "services_changed": [
            change
            for change in _field_changes(before, after, fields, _show_service_value)
            if not (change["id"] in moved and change["field"] in STATUS_FIELDS)
        ],
    }


def _page_changes(before: dict, after: dict) -> dict[str, list]:
    return {
        "pages_added": _added(before, after),
        "pages_removed": _added(after, before),
        "pages_changed": [
            {"id": key, "name": page["name"]}
            for key, page in _by_name(after)
            if key in before and before[key]["sha256"] != page["sha256"]
        ],
    }


def _pages(dataset: Dataset, borough) -> dict[str, dict]:
    """The borough's content pages: each one's title and a fingerprint of its text."""
    pages = {}
    sections = [(s, SHARED) for s in dataset.shared_sections]
    sections += [(s, borough.id) for s in borough.sections]
    for section, folder in sections:
        for name in section.pages:
            path = dataset.content_dir / folder / name
            if name.endswith(".md") and path.is_file():
                text = path.read_text(encoding="utf-8")
                pages[f"content/{folder}/{name}"] = {
                    "name": page_title(text) or name,
                    "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                }
    return pages


def _roles(snap: dict) -> dict[str, str]:
    """Which of a snapshot's contacts are the borough's front door and out-of-hours lines."""
    roles = {contact_id: OUT_OF_HOURS for contact_id in snap.get("out_of_hours") or []}
    if snap.get("front_door"):
        roles[snap["front_door"]] = FRONT_DOOR
    return roles


def _role_changes(old: dict, new: dict) -> list[dict]:
    """A different contact became the front door, or an out-of-hours line came or went."""
    changes = []
    if old.get("front_door") != new.get("front_door"):
        changes.append(_role_change(FRONT_DOOR, old, old.get("front_door"), new,
                                    new.get("front_door")))  # fmt: skip
    before, after = old.get("out_of_hours") or [], new.get("out_of_hours") or []
    changes += [_role_change(OUT_OF_HOURS, old, c, new, None) for c in before if c not in after]
    changes += [_role_change(OUT_OF_HOURS, old, None, new, c) for c in after if c not in before]
    return changes


def _role_change(role: str, old: dict, old_id: str | None, new: dict, new_id: str | None):
    shown = [_contact_line(snap["contacts"].get(i)) if i else None
             for snap, i in ((old, old_id), (new, new_id))]  # fmt: skip
    name = (new["contacts"].get(new_id) or old["contacts"].get(old_id) or {}).get("name")
    return {"role": role, "id": new_id or old_id, "name": name or new_id or old_id,
            "field": "contact", "what": FIELD_WORDS["contact"],
            "old": shown[0], "new": shown[1]}  # fmt: skip


def _contact_line(contact: dict | None) -> str | None:
    """'Northshire Duty Team, 01254 666400': a contact as a role change shows it."""
    if contact is None:
        return None
    reach = _show_contact_value("phone", contact.get("phone")) or contact.get("email")
    reach = reach or contact.get("website")
    return f"{contact['name']}, {reach}" if reach else contact["name"]


def _status_changes(before: dict, after: dict) -> tuple[list[dict], list[dict]]:
    closed, reopened = [], []
    for key, service in _by_name(after):
        if key not in before:
            continue
        old, new = _status(before[key]), _status(service)
        if old == new:
            continue
        change = {
            "id": key, "name": service["name"], "status": new,
            "old": STATUS_WORDS[old], "new": STATUS_WORDS[new],
            "until": _show_service_value("until", service.get("until")),
            "alert": service.get("alert"),
        }  # fmt: skip
        (reopened if new == ACTIVE else closed).append(change)
    return closed, reopened


def _status(service: dict) -> str:
    return service.get("status") or ACTIVE


def _by_name(entries: dict) -> list[tuple[str, dict]]:
    return sorted(entries.items(), key=lambda item: item[1]["name"].casefold())


def _added(before: dict, after: dict) -> list[dict]:
    added = []
    for key, entry in _by_name(after):
        if key not in before:
            item = {"id": key, "name": entry["name"]}
            if _status(entry) != ACTIVE:  # a service added already closed says so
                item["status"] = STATUS_WORDS[_status(entry)]
            added.append(item)
    return added


def _field_changes(before: dict, after: dict, fields, show) -> list[dict]:
    changes = []
    for key, entry in _by_name(after):
        if key not in before:
            continue
        for field in fields:
            old, new = before[key].get(field), entry.get(field)
            if old != new:
                changes.append({
                    "id": key,
                    "name": entry["name"],
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
    if field == "until":
        return long_date(date.fromisoformat(value))
    return value
