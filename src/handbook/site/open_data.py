"""A borough's services as open data, in Open Referral UK's shape (HSDS 3.0 and its UK profile).

Each service becomes one HSDS service: the council that publishes the guide as its
organisation, its status as ORUK spells it ("temporarily closed") with the alert, its ages,
its eligibility, referral and levels of need in words, its contacts with their phones, emails
and web addresses, the borough as its service area, and its review date as `assured_date` and
`last_modified`. Text is plain (the Markdown as a reader sees it, without its marks), made for
the borough's own site, as its pages show it.

Ids are UUIDs, as HSDS requires, derived from our ids (uuid5 in a namespace of our own), so a
service keeps its UUID from one build to the next and a directory that imports the data can
follow it. Every service of the borough is published, inactive ones too: their status says so.

The after-build step (src/handbook/postbuild/open_data.py) writes the files; this module says
what is in them.
"""

from __future__ import annotations

import re
import uuid
from html.parser import HTMLParser
from pathlib import Path

from ..data import phones, sanitize
from ..data.model import Borough, Contact, Service
from ..data.words import age_range, long_date
from .presentation import level_list, route_words

# Never change it: every published UUID is derived from it.
NAMESPACE = uuid.UUID("8f0a6c1e-3b7d-5e2a-9c4f-6d1b2a7e9f30")
FOLDER = "open-data"
LIST_FILE = "services.json"
SERVICES_FOLDER = "services"
ROOT_FILE = "index.json"
HSDS_VERSION = "3.0"
PROFILE = "https://github.com/openreferral/uk-profile"
OPENAPI = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "inactive": "inactive"}
# A service as listed (GET /services): its one-to-one fields only, as ORUK's service_list has.
LIST_FIELDS = (
    "id", "organization_id", "name", "alternate_name", "description", "url", "email", "status",
    "eligibility_description", "application_process", "minimum_age", "maximum_age",
    "assured_date", "alert", "last_modified", "organization",
)  # fmt: skip
NOT_STATED = "not yet stated"
# What can make Markdown more than its words: an inline or block mark anywhere, or a line
# that opens with a list, quote, heading, definition or code mark (or any indent).
MARKS = re.compile(r"[\\`*_\[\]<>#&!|~={}\t]|^(?:[ \t]|[-+:>]|\d+[.)])", re.MULTILINE)
BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "tr", "blockquote", "pre")


def uid(*parts: str) -> str:
    """The stable UUID of one thing, named by our ids: uid('service', 'bwd-engage')."""
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def service_file(service_id: str) -> str:
    """Where one service's record is, from the borough's root."""
    return f"{FOLDER}/{SERVICES_FOLDER}/{uid('service', service_id)}.json"


def licence(borough: Borough) -> dict:
    """The licence the council publishes the data under, or a word that it is not stated."""
    chosen = borough.open_data_licence
    if chosen is None:
        note = f"{borough.council} has not yet stated a licence for this data."
        return {"name": None, "url": None, "stated": False, "note": note}
    return {"name": chosen.name, "url": chosen.url, "stated": True}


def organization(borough: Borough) -> dict:
    return {
        "id": uid("organization", borough.id),
        "name": borough.council,
        "description": (
            f"{borough.council} publishes the Working Well with Children and Families guide for "
            f"{borough.name}, which lists this service."
        ),
    }


def service_record(
    service: Service,
    contacts: list[Contact],
    borough: Borough,
    level_names: dict[int, str],
    root: Path,
) -> dict:
    """One service as a full HSDS service (GET /services/{id})."""
    service_id = uid("service", service.id)

    def text(markdown: str | None) -> str | None:
        return plain_text(markdown, root) if markdown else None

    record: dict = {
        "id": service_id,
        "organization_id": uid("organization", borough.id),
        "name": service.name,
        "alternate_name": service.short_name,
        "description": "\n\n".join(filter(None, map(text, (service.summary, service.description)))),
        "url": next((c.website for c in contacts if c.website), None),
        "email": next((c.email for c in contacts if c.email), None),
        "status": STATUS[service.status],
        "alert": alert(service),
        "eligibility_description": eligibility(service, level_names, root),
        "application_process": application(service, root),
        **ages(service),
        "organization": organization(borough),
        "service_areas": [{
            "id": uid("service-area", service.id, borough.id),
            "service_id": service_id,
            "name": borough.name,
            "description": f"Children, young people and families in {borough.name}.",
        }],
        "contacts": [contact_record(service, c) for c in contacts],
        "phones": [p for c in contacts for p in phone_records(service, c)],
    }  # fmt: skip
    if service.last_reviewed is not None:
        record["assured_date"] = service.last_reviewed.isoformat()
        record["last_modified"] = f"{service.last_reviewed.isoformat()}T00:00:00Z"
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def listed(record: dict) -> dict:
    """A full record as GET /services lists it."""
    return {key: record[key] for key in LIST_FIELDS if key in record}


def alert(service: Service) -> str | None:
    """The notice, with when a closure is expected to end."""
    parts = [service.alert] if service.alert else []
    if service.status == "temporarily-closed" and service.until is not None:
        parts.append(f"Expected to reopen on {long_date(service.until)}.")
    return " ".join(parts) or None


def ages(service: Service) -> dict:
    """minimum_age and maximum_age in years; work before birth is 0, said in words."""
    if service.ages is None:
        return {}
    found = {}
    if service.ages.min is not None:
        found["minimum_age"] = 0 if service.ages.min == "unborn" else service.ages.min
    if service.ages.max is not None:
        found["maximum_age"] = service.ages.max
    return found


def eligibility(service: Service, level_names: dict[int, str], root: Path) -> str:
    parts = [
        f"Ages: {age_range(service.ages)}.",
        "Levels of need (the pan-Lancashire Continuum of Need): "
        f"{level_list(service.levels, level_names)}.",
    ]
    if service.eligibility:
        parts.append(plain_text(service.eligibility, root))
    return "\n\n".join(parts)


def application(service: Service, root: Path) -> str:
    referral = service.referral
    parts = [f"Who can refer: {plain_text(referral.who, root)}"] if referral.who else []
    parts.append(plain_text(referral.how, root))
    if referral.routes:
        parts.append("Routes: " + ", ".join(route_words(r) for r in referral.routes) + ".")
    if service.consent:
        parts.append(f"Consent: {plain_text(service.consent, root)}")
    return "\n\n".join(parts)


def contact_record(service: Service, contact: Contact) -> dict:
    record = {
        "id": uid("contact", service.id, contact.id),
        "service_id": uid("service", service.id),
        "name": contact.name,
        "email": contact.email,
        "phones": phone_records(service, contact),
    }
    return {key: value for key, value in record.items() if value not in (None, [])}


def phone_records(service: Service, contact: Contact) -> list[dict]:
    if not contact.phone:
        return []
    description = [contact.name]
    if contact.hours:
        description.append(contact.hours)
    extension = contact.extension
    record = {
        "id": uid("phone", service.id, contact.id),
        "service_id": uid("service", service.id),
        "contact_id": uid("contact", service.id, contact.id),
        "number": phones.national(contact.phone),
        "type": "voice",
    }
    if extension:
        # HSDS has the extension as a number: one with a leading 0 is kept in words instead.
        if extension == str(int(extension)):
            record["extension"] = int(extension)
        else:
            description.append(f"extension {extension}")
    record["description"] = ". ".join(description)
    return [record]


def plain_text(markdown: str, root: Path) -> str:
    """Markdown as a reader sees it, without its marks: paragraphs and list items on lines of
    their own, a link's words kept."""
    if not MARKS.search(markdown):
        # Prose with no mark converts to its own lines: taken as they are, without a
        # Markdown conversion, which was most of the open data's time at 1,000 services.
        return _lines(markdown)
    return converted(markdown, root)


def converted(markdown: str, root: Path) -> str:
    """The text of the Markdown's HTML, as the site shows it."""
    reader = _TextReader()
    reader.feed(sanitize.to_html(markdown, root))
    reader.close()
    return _lines("".join(reader.parts))


class _TextReader(HTMLParser):
    """The words of HTML, each block ending a line, a heading's ¶ link left out.

    A parser's events, not a document tree: the tree cost more than the Markdown itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0  # inside a heading's permalink

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self._skipping or (
            tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split()
        ):
            self._skipping += tag == "a"

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            self._skipping -= tag == "a"
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _lines(text: str) -> str:
    """Each non-blank line with its spaces collapsed, one to a line."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
