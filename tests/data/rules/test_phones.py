"""Phone numbers: valid UK numbers; 999 only on the emergency contact."""

from __future__ import annotations

import pytest

CONTACTS = "data/contacts.yaml"


@pytest.mark.parametrize(
    "written, reason",
    [
        ("01254 66640", "is not a valid UK number (10 digits"),
        ("01254 6664000", "is not a valid UK number (12 digits"),
        ("phone CADS", "is not a phone number (it contains letters or no digits)"),
        ("+1 212 555 0100", "is not a UK number"),
    ],
)
def test_bad_number_is_reported_at_its_line(project, check, written, reason):
    project.replace(CONTACTS, '"01254 666400"', f'"{written}"')
    status, lines = check(project)
    line = project.line_of(CONTACTS, written)
    assert status == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{CONTACTS}:{line}: ns-duty: '{written}' {reason}")


@pytest.mark.parametrize("written", ["01254 666 400", "(01254) 666400", "+44 1254 666400"])
def test_number_may_be_written_as_the_source_prints_it(project, check, written):
    project.replace(CONTACTS, '"01254 666400"', f'"{written}"')
    assert check(project) == (0, [])


def test_999_needs_the_emergency_mark(project, check):
    project.replace(CONTACTS, '"01254 666400"', '"999"')
    line = project.line_of(CONTACTS, '"999"', 2)
    assert check(project) == (
        1,
        [
            f"{CONTACTS}:{line}: ns-duty: '999' is an emergency number; it is allowed only on a "
            "contact marked 'emergency: true'"
        ],
    )


def test_emergency_mark_only_for_999(project, check):
    project.replace(CONTACTS, '"0300 123 6720"', '"0300 123 6720"\n    emergency: true')
    line = project.line_of(CONTACTS, "emergency: true", 2)
    assert check(project) == (
        1,
        [
            f"{CONTACTS}:{line}: ns-out-of-hours: 'emergency: true' is only for 999 "
            "(this contact's number is '0300 123 6720')"
        ],
    )


def test_borough_emergency_contact_must_be_marked(project, check):
    project.replace(CONTACTS, "    emergency: true\n", "")
    status, lines = check(project)
    police = project.line_of(CONTACTS, '"999"')
    borough = project.line_of("data/boroughs.yaml", "emergency: shared-police")
    assert status == 1
    assert lines == [
        f"data/boroughs.yaml:{borough}: northshire: 'shared-police' is not marked "
        "'emergency: true'",
        f"{CONTACTS}:{police}: shared-police: '999' is an emergency number; it is allowed only "
        "on a contact marked 'emergency: true'",
    ]
