"""Phone numbers: valid UK numbers; 999 only on the emergency contact."""

from __future__ import annotations

import pytest

CONTACTS = "data/contacts.yaml"


@pytest.mark.parametrize(
    "written, reason",
    [
        ("01254 66640", "is not a valid UK number (10 digits"),
        ("01254 6664000", "is not a valid UK number (12 digits"),
        (
            "phone CADS",
            "is not a phone number (it contains letters: put only the number in "
            "'phone', and words in 'name', 'hours' or 'notes')",
        ),
        ("0800 O92 2332", "contains the letter O: did you mean 0?"),
        ("01254 66640l", "contains the letter l: did you mean 1?"),
        (
            "01254 666400 ext 21",
            "includes an extension: write the number alone in 'phone' "
            'and the extension in its own field, such as extension: "4321"',
        ),
        (
            "01254#666400",
            "contains '#': write the digits 0 to 9, with spaces, brackets or "
            "hyphens as the source prints them",
        ),
        ("118 118", "is a short number that is not a public line"),
        (
            "0906 123 4567",
            "is a premium-rate or service-charge number (calls cost more than a "
            "normal call): check it against the source, and if it is right, add "
            "'number_type_intended: premium-rate'",
        ),
        (
            "070 1234 5678",
            "is a personal number (070: it forwards to any phone, costs more, and "
            "is often used by scammers): check it against the source, and if it is right, add "
            "'number_type_intended: personal'",
        ),
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
            f"{CONTACTS}:{line}: ns-out-of-hours: 'emergency: true' is only for 999 or 112 "
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


@pytest.mark.parametrize("written", ["101", "111", "116 123", "116 111", "116000"])
def test_public_short_numbers_are_allowed_on_any_contact(project, check, written):
    project.replace(CONTACTS, '"01254 666400"', f'"{written}"')
    assert check(project) == (0, [])


@pytest.mark.parametrize("written", ["112", "999"])
def test_112_like_999_needs_the_emergency_mark(project, check, written):
    project.replace(CONTACTS, '"01254 666400"', f'"{written}"')
    line = project.line_of(CONTACTS, "    phone: ", 2)
    assert check(project) == (
        1,
        [f"{CONTACTS}:{line}: ns-duty: '{written}' is an emergency number; it is allowed only "
         "on a contact marked 'emergency: true'"],
    )  # fmt: skip


@pytest.mark.parametrize("kind, written", [("premium-rate", "0906 123 4567"),
                                           ("personal", "070 1234 5678")])  # fmt: skip
def test_a_costly_number_marked_as_intended_is_allowed(project, check, kind, written):
    project.replace(CONTACTS, '"01254 666400"', f'"{written}"\n    number_type_intended: {kind}')
    assert check(project) == (0, [])


def test_a_number_marked_costly_that_is_not_is_reported(project, check):
    intended = '"01254 666400"\n    number_type_intended: personal'
    project.replace(CONTACTS, '"01254 666400"', intended)
    line = project.line_of(CONTACTS, "number_type_intended")
    assert check(project) == (
        1,
        [f"{CONTACTS}:{line}: ns-duty: '01254 666400' is not a personal number (remove "
         "'number_type_intended')"],
    )  # fmt: skip


def test_an_extension_needs_a_full_number(project, check):
    project.replace(CONTACTS, '"999"', '"999"\n    extension: "12"')
    line = project.line_of(CONTACTS, "extension")
    assert check(project) == (
        1, [f"{CONTACTS}:{line}: shared-police: '999' is a short number: it has no extension"]
    )  # fmt: skip


@pytest.mark.parametrize("written, message", [
    ("12a", "'extension' must be digits only, such as \"4321\" (got '12a')"),
    ("4321", "'extension' must be text: write the number in quotes, such as extension: "
     "\"4321\""),
])  # fmt: skip
def test_an_extension_is_digits_in_quotes(project, check, written, message):
    value = f'"{written}"' if not written.isdigit() else written
    project.replace(CONTACTS, '"01254 666400"', f'"01254 666400"\n    extension: {value}')
    line = project.line_of(CONTACTS, "extension")
    assert check(project) == (1, [f"{CONTACTS}:{line}: ns-duty: {message}"])
