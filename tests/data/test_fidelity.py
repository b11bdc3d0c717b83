"""Fidelity to the councils' documents: every phone number and email address printed in the
sources is in the data, or named in the commented list of what was left out on purpose."""

from __future__ import annotations

import os
import re
from pathlib import Path

import phonenumbers
import pytest
import yaml

REPO = Path(__file__).parent.parent.parent
SOURCES = Path(os.environ.get("HANDBOOK_SOURCES", REPO.parent / "shared" / "sources"))
CONTACTS = REPO / "data" / "contacts.yaml"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

pytestmark = pytest.mark.skipif(
    not SOURCES.is_dir(), reason=f"the source documents are not at {SOURCES}"
)


def _sources() -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))}
    # The PDF-to-text copies break some addresses across lines ("name@blackpool." / "gov.uk").
    return {name: re.sub(r"(@[\w.-]+\.)\s*\n\s*", r"\1", text) for name, text in texts.items()}


def _phones_in(text: str) -> set[str]:
    return {
        phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        for match in phonenumbers.PhoneNumberMatcher(text, "GB")
    }


def _emails_in(text: str) -> set[str]:
    return {email.lower().rstrip(".") for email in EMAIL.findall(text)}


def _accounted_for(contacts_file: Path = CONTACTS) -> tuple[set[str], set[str]]:
    """Numbers and emails in the contact entries and in the file's comments."""
    text = contacts_file.read_text(encoding="utf-8")
    contacts = yaml.safe_load(text)["contacts"]
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    phones = _phones_in(comments) | {
        phonenumbers.format_number(
            phonenumbers.parse(c["phone"], "GB"), phonenumbers.PhoneNumberFormat.E164
        )
        for c in contacts
        if c.get("phone") and not c.get("emergency")
    }
    emails = _emails_in(comments) | {c["email"].lower() for c in contacts if c.get("email")}
    return phones, emails


def test_sources_are_there_to_check():
    assert len(_sources()) >= 5


def _missing_phones(contacts_file: Path = CONTACTS) -> list[str]:
    phones, _ = _accounted_for(contacts_file)
    return sorted(
        f"{name}: {number}"
        for name, text in _sources().items()
        for number in _phones_in(text) - phones
    )


def test_every_phone_number_in_the_sources_is_accounted_for():
    missing = _missing_phones()
    assert not missing, "in the sources but not in data/contacts.yaml: " + ", ".join(missing)


def test_every_email_in_the_sources_is_accounted_for():
    _, emails = _accounted_for()
    missing = {
        f"{name}: {email}"
        for name, text in _sources().items()
        for email in _emails_in(text) - emails
    }
    assert not missing, "emails in the sources but not in data/contacts.yaml: " + ", ".join(
        sorted(missing)
    )


def test_999_is_the_marked_emergency_contact():
    if not any(re.search(r"\b999\b", text) for text in _sources().values()):
        pytest.skip("no source prints 999")
    contacts = yaml.safe_load(CONTACTS.read_text(encoding="utf-8"))["contacts"]
    assert [c["id"] for c in contacts if c.get("phone") == "999" and c.get("emergency")]


def test_the_check_catches_a_number_that_goes_missing(tmp_path):
    # The check must notice when an editor changes a number away from the source's.
    broken = tmp_path / "contacts.yaml"
    text = CONTACTS.read_text(encoding="utf-8")
    broken.write_text(text.replace('"01254 666400"', '"01254 666401"', 1), encoding="utf-8")
    assert "000_cb91a6cd3893cae8.txt: +441254666400" in _missing_phones(broken)
