"""Model faults become messages for a content editor, at the right line."""

from __future__ import annotations


def test_misspelt_field_suggests_the_right_one(project, check):
    project.replace("data/contacts.yaml", '    phone: "01254 666400"', '    phnoe: "01254 666400"')
    line = project.line_of("data/contacts.yaml", "phnoe")
    assert check(project) == (
        1,
        [f"data/contacts.yaml:{line}: ns-duty: unknown field 'phnoe' (did you mean 'phone'?)"],
    )


def test_missing_required_field_points_at_the_entry(project, check):
    project.replace(
        "data/services.yaml", "    summary: Helps children at risk of exploitation.\n", ""
    )
    line = project.line_of("data/services.yaml", "id: ns-engage")
    assert check(project) == (
        1, [f"data/services.yaml:{line}: ns-engage: missing required field 'summary'"]
    )  # fmt: skip


def test_unknown_tag_lists_the_allowed_ones(project, check):
    project.replace("data/services.yaml", "tags: [exploitation]", "tags: [exploitaton]")
    status, lines = check(project)
    line = project.line_of("data/services.yaml", "exploitaton")
    assert status == 1
    assert lines[0].startswith(
        f"data/services.yaml:{line}: ns-engage: 'exploitaton' is not allowed for 'tags' "
        "(use one of: 'exploitation', 'missing-from-home',"
    )


def test_id_must_be_kebab_case(project, check):
    project.replace("data/contacts.yaml", "id: ns-duty", "id: NS Duty")
    status, lines = check(project)
    line = project.line_of("data/contacts.yaml", "NS Duty")
    assert status == 1
    assert (
        f"data/contacts.yaml:{line}: NS Duty: 'id' must be lower-case words joined by hyphens, "
        "such as 'bwd-family-time' (got 'NS Duty')"
    ) in lines


def test_contact_needs_a_way_to_reach_it(project, check):
    project.replace("data/contacts.yaml", '    phone: "01254 666400"\n', "")
    line = project.line_of("data/contacts.yaml", "id: ns-duty")
    status, lines = check(project)
    assert status == 1
    assert (
        f"data/contacts.yaml:{line}: ns-duty: needs at least one of `phone`, `email` or `website`"
    ) in lines


def test_list_written_as_text_is_explained(project, check):
    project.replace("data/services.yaml", "levels: [4]", "levels: 4")
    line = project.line_of("data/services.yaml", "levels: 4")
    assert check(project) == (
        1,
        [
            f"data/services.yaml:{line}: ns-family-time: 'levels' must be a list "
            "(check the indentation and the '-' marks)"
        ],
    )


def test_a_bad_entry_does_not_hide_references_to_it(project, check):
    # ns-duty has a typo of its own; services that use it must not also say it is unknown.
    project.replace("data/contacts.yaml", "    name: Northshire Duty Team\n", "")
    status, lines = check(project)
    assert status == 1
    assert len(lines) == 1 and "missing required field 'name'" in lines[0]
