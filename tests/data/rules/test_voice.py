"""Each site speaks for its own borough: shared text holds nothing of one borough's, and another
area's number always has that area's name before it."""

from __future__ import annotations

import pytest

SHARED_PAGE = "content/shared/consent.md"
BOROUGHS = "data/boroughs.yaml"
CONTACTS = "data/contacts.yaml"
LEVELS = "data/levels.yaml"
GLOSSARY = "data/glossary.yaml"

# Southshire (added by the tests) has the duty number 01253 477299.
SOUTH_NUMBER = (
    "Southshire's number '{written}' in this page is shown on every borough's site (put it in "
    "a per-borough block, '::: southshire', or write {{front-door-phone}} for each site's own "
    "number)"
)


def _two_boroughs(project) -> None:
    project.add_borough("southshire", "Southshire", page="welcome.md")


def _an_area_without_a_site(project, name: str = "Eastshire Duty Team") -> None:
    project.add_other_area(contact_name=name)


def _page(project, text: str) -> None:
    project.path(SHARED_PAGE).write_text("# Consent\n\n" + text, encoding="utf-8")


@pytest.mark.parametrize(
    "written", ["01253 477299", "(01253) 477299", "01253477299", "+44 1253 477299", "01253-477-299"]
)
def test_a_boroughs_number_in_a_shared_page_however_it_is_written(project, check, written):
    _two_boroughs(project)
    _page(project, f"Ask for advice.\n\nPhone {written} if you are worried.\n")
    assert check(project) == (1, [f"{SHARED_PAGE}:5: {SOUTH_NUMBER.format(written=written)}"])


def test_a_boroughs_number_in_its_own_block_is_fine(project, check):
    _two_boroughs(project)
    _page(
        project,
        "Ask.\n\n::: southshire\nPhone 01253 477299.\n:::\n\nOr{southshire: 01253 477299}.\n",
    )
    assert check(project) == (0, [])


def test_a_boroughs_name_in_a_shared_page(project, check):
    _two_boroughs(project)
    _page(project, "In Southshire's schools, ask.\n\n{southshire: Southshire is fine here.}\n")
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:3: 'Southshire' in this page speaks for Southshire, but the text is "
            "shown on every borough's site (put what is for Southshire only in a per-borough "
            "block, '::: southshire', or write {area} for each site's own name)"
        ],
    )


def test_a_boroughs_other_names_count_too(project, check):
    _two_boroughs(project)
    project.replace(
        BOROUGHS, "    name: Southshire\n", "    name: Southshire\n    other_names: [Southside]\n"
    )
    _page(project, "Ask Southside for advice.\n")
    status, lines = check(project)
    assert status == 1
    assert lines[0].startswith(f"{SHARED_PAGE}:3: 'Southside' in this page speaks for Southshire,")


def test_a_boroughs_email_and_web_address_in_a_shared_field(project, check):
    _two_boroughs(project)
    project.replace(
        CONTACTS,
        '    phone: "01253 477299"\n',
        '    phone: "01253 477299"\n'
        "    email: duty@southshire.example.org\n"
        "    website: https://www.southshire.example.org/duty\n",
    )
    project.replace(
        LEVELS,
        "intro: Four levels of need.",
        "intro: |\n  Four levels of need.\n\n  Email duty@southshire.example.org or "
        "see southshire.example.org/help.",
    )
    line = project.line_of(LEVELS, "duty@southshire")
    assert check(project) == (
        1,
        [
            f"{LEVELS}:{line}: Southshire's email 'duty@southshire.example.org' in 'intro' is "
            "shown on every borough's site (put it in a per-borough block, '::: southshire')",
            f"{LEVELS}:{line}: Southshire's web address 'southshire.example.org/help' in 'intro' "
            "is shown on every borough's site (put it in a per-borough block, '::: southshire')",
        ],
    )


def test_a_boroughs_name_in_a_shared_glossary_term(project, check):
    _two_boroughs(project)
    project.append(
        GLOSSARY,
        "  - id: duty\n    term: Duty team\n    expansion: Duty team\n"
        "    meaning: Southshire's front door.\n    source: test\n",
    )
    line = project.line_of(GLOSSARY, "Southshire's front door")
    status, lines = check(project)
    assert lines == [
        f"{GLOSSARY}:{line}: duty: 'Southshire' in 'meaning' speaks for Southshire, but the text "
        "is shown on every borough's site (put what is for Southshire only in a per-borough "
        "block, '::: southshire', or write {area} for each site's own name)"
    ]


def test_scoped_terms_and_editors_notes_may_speak_for_their_borough(project, check):
    _two_boroughs(project)
    project.append(
        GLOSSARY,
        "  - id: duty\n    term: Duty team\n    expansion: Duty team\n"
        "    meaning: Southshire's front door, 01253 477299.\n    boroughs: [southshire]\n"
        "    source: test\n    notes: Northshire calls it ns-duty, 01254 666400.\n",
    )
    assert check(project) == (0, [])


def test_another_areas_number_needs_its_name_before_it(project, check):
    _an_area_without_a_site(project)
    _page(
        project,
        "If the child lives in Eastshire: 0113 496 0000.\n\nOtherwise 0113 496 0000"
        " in Eastshire.\n",
    )
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:5: Eastshire's number '0113 496 0000' in this page is shown without "
            "naming Eastshire before it (write, for example, 'If the child lives in Eastshire: "
            "0113 496 0000', on the same line)"
        ],
    )


def test_on_a_boroughs_own_page_another_boroughs_number_needs_its_name(project, check):
    _two_boroughs(project)
    about = "content/northshire/about.md"
    project.path(about).write_text("# About\n\nSouthshire: 01253 477299.\n\nOr 01253 477299.\n")
    assert check(project) == (
        1,
        [
            f"{about}:5: Southshire's number '01253 477299' in this page is shown without naming "
            "Southshire before it (write, for example, 'If the child lives in Southshire: 01253 "
            "477299', on the same line)"
        ],
    )


def test_a_shared_contact_of_another_area_is_named_for_it(project, check):
    _an_area_without_a_site(project, name="Duty Team")
    line = project.line_of(CONTACTS, "name: Duty Team")
    assert check(project) == (
        1,
        [
            f"{CONTACTS}:{line}: es-duty: every site shows this contact, and its number is "
            "Eastshire's: its name must say 'Eastshire'"
        ],
    )


def test_who_will_help_lists_only_the_sites_own_numbers(project, check):
    _two_boroughs(project)
    project.replace(CONTACTS, "    name: Southshire Duty\n", "    name: Duty Team\n")
    project.replace(LEVELS, "      northshire: [ns-duty]", "      northshire: [ss-duty]")
    line = project.line_of(LEVELS, "northshire: [ss-duty]")
    assert check(project) == (
        1,
        [
            f"{LEVELS}:{line}: level 4: contact 'ss-duty' belongs to southshire, not northshire "
            "(use a contact of this borough or a shared one)"
        ],
    )


def test_the_duty_numbers_placeholder_is_labelled(project, check):
    _two_boroughs(project)
    _an_area_without_a_site(project)
    _page(project, "If in doubt:\n\n{duty-numbers}\n")
    assert check(project) == (0, [])
