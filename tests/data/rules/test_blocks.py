"""Per-borough blocks and placeholders: every fault reported at its line, for an editor."""

from __future__ import annotations

SHARED_PAGE = "content/shared/consent.md"
BOROUGHS = "data/boroughs.yaml"
LEVELS = "data/levels.yaml"
SERVICES = "data/services.yaml"


def _write_page(project, text: str) -> None:
    project.path(SHARED_PAGE).write_text("# Consent\n\n" + text, encoding="utf-8")


def test_blocks_and_placeholders_that_resolve_are_fine(project, check):
    project.add_borough("southshire", "Southshire")
    _write_page(
        project,
        "Call {front-door} on {front-door-phone} in {area}.\n\n::: southshire\nSouth only.\n:::\n"
        "\nIn {council}, level 2 is {level-2-name}.{northshire: North only.}\n\n{duty-numbers}\n",
    )
    assert check(project) == (0, [])


def test_unknown_borough_in_a_block(project, check):
    _write_page(project, "Shared.\n\n::: northshir\nText.\n:::\n")
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:5: unknown borough 'northshir' in a per-borough block in this page "
            "(did you mean 'northshire'?)"
        ],
    )


def test_unknown_borough_in_an_inline_part(project, check):
    _write_page(project, "Shared.\n\nWords{blackpool: for Blackpool}.\n")
    assert check(project) == (
        1,
        [f"{SHARED_PAGE}:5: unknown borough 'blackpool' in a per-borough block in this page"],
    )


def test_a_block_left_open(project, check):
    _write_page(project, "Shared.\n\n::: northshire\nText.\n")
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:5: the per-borough block '::: northshire' in this page is not closed "
            "(add a line ':::' after the text it holds)"
        ],
    )


def test_a_stray_close_and_a_bad_opening(project, check):
    _write_page(project, "Shared.\n:::\n\n::: the north only\nText.\n")
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:4: ':::' in this page closes no per-borough block (remove it, or open "
            "one above it with '::: <borough id>')",
            f"{SHARED_PAGE}:6: '::: the north only' in this page is not a per-borough block (write "
            "':::' and borough ids, such as '::: blackpool' or '::: blackpool, "
            "blackburn-with-darwen')",
        ],
    )


def test_a_block_inside_a_block(project, check):
    _write_page(project, "::: northshire\nOne.\n{northshire: two}\n:::\n")
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:5: a per-borough block in this page cannot hold another one (close "
            "'::: northshire' before opening the next)"
        ],
    )


def test_unknown_placeholder(project, check):
    _write_page(project, "Shared.\n\nPhone {front-door-phon}.\n")
    status, lines = check(project)
    assert status == 1
    assert lines == [
        f"{SHARED_PAGE}:5: unknown placeholder '{{front-door-phon}}' in this page (did you mean "
        "'{front-door-phone}'?) (placeholders are {area}, {council}, {duty-numbers}, "
        "{front-door}, {front-door-phone}, the levels' names such as {level-2-name}, and each "
        "borough's 'wording')"
    ]


def test_a_borough_without_the_wording_a_shared_page_uses(project, check):
    project.add_borough("southshire", "Southshire")
    project.replace(
        BOROUGHS,
        "    emergency: shared-police\n",
        "    emergency: shared-police\n    wording:\n      referral-form: the Northshire form\n",
    )
    _write_page(project, "Use {referral-form}.\n\n{northshire: Or {referral-form} again.}\n")
    # The second use is in Northshire's part only, which has the wording.
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:3: '{{referral-form}}' in this page cannot be filled in on "
            "southshire's site: southshire has no 'referral-form' under 'wording' in "
            "data/boroughs.yaml (add it there)"
        ],
    )


def test_a_front_door_with_no_phone(project, check):
    project.replace(
        "data/contacts.yaml",
        '    phone: "01254 666400"\n',
        "    website: https://northshire.example/duty\n",
    )
    _write_page(project, "Phone {front-door-phone}.\n")
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:3: '{{front-door-phone}}' in this page cannot be filled in on "
            "northshire's site: northshire's front door 'ns-duty' has no phone number"
        ],
    )


def test_the_duty_numbers_go_on_a_line_of_their_own(project, check):
    _write_page(project, "The numbers: {duty-numbers}\n")
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:3: '{{duty-numbers}}' in this page must be on a line of its own (it "
            "fills in a table)"
        ],
    )


def test_a_fault_in_a_data_field_is_reported_at_its_own_line(project, check):
    project.replace(
        LEVELS,
        "intro: Four levels of need.",
        "intro: |\n  Four levels of need.\n\n  ::: northshire\n  North.\n  :::\n\n"
        "  Call {front-dor}.",
    )
    line = project.line_of(LEVELS, "{front-dor}")
    assert check(project) == (
        1,
        [
            f"{LEVELS}:{line}: unknown placeholder '{{front-dor}}' in 'intro' (did you mean "
            "'{front-door}'?) (placeholders are {area}, {council}, {duty-numbers}, {front-door}, "
            "{front-door-phone}, the levels' names such as {level-2-name}, and each borough's "
            "'wording')"
        ],
    )


def test_a_block_for_another_borough_in_a_boroughs_own_entry_is_never_shown(project, check):
    project.add_borough("southshire", "Southshire")
    project.replace(
        SERVICES,
        "summary: Helps children at risk of exploitation.",
        'summary: "Helps children at risk of exploitation.{southshire: Not here.}"',
    )
    line = project.line_of(SERVICES, "{southshire:")
    assert check(project) == (
        1,
        [
            f"{SERVICES}:{line}: ns-engage: the per-borough block for southshire in 'summary' is "
            "never shown: the text is only on northshire's site"
        ],
    )
