"""`handbook check` as an editor meets it: every fault, one line each, at its file and line."""

from __future__ import annotations


def test_valid_fixture_passes(project, check):
    assert check(project) == (0, [])


def test_one_edit_with_six_faults_reports_each_at_its_line(project, check):
    # The scenario: in one edit an editor breaks a phone number, reverses an age
    # range, points at a contact that does not exist, repeats an id, misspells a field name
    # and breaks the YAML indentation.
    project.replace("data/contacts.yaml", '"01254 666400"', '"01254 66640"')
    project.replace("data/services.yaml", "{min: 10, max: 18}", "{min: 18, max: 10}")
    project.replace("data/services.yaml", "contacts: [ns-duty]", "contacts: [ns-dutty]")
    services = project.path("data/services.yaml").read_text()
    family_time = services[services.index("  - id: ns-family-time") :]
    project.append("data/services.yaml", family_time.replace("ns-family-time", "ns-engage", 1))
    project.replace("data/contacts.yaml", "    hours: Evenings", "    hors: Evenings")
    project.replace("data/glossary.yaml", "    expansion:", "   expansion:")

    status, lines = check(project)

    assert status == 1
    assert lines == [
        f"data/contacts.yaml:{project.line_of('data/contacts.yaml', '66640')}: ns-duty: "
        "'01254 66640' is not a valid UK number (10 digits, or an area code that does not "
        "exist; check it against the source)",
        f"data/contacts.yaml:{project.line_of('data/contacts.yaml', 'hors:')}: "
        "ns-out-of-hours: unknown field 'hors' (did you mean 'hours'?)",
        f"data/glossary.yaml:{project.line_of('data/glossary.yaml', 'expansion')}: YAML syntax "
        "error: did not find expected '-' indicator while parsing a block collection "
        "(check the indentation and that text containing ': ' is in quotes)",
        f"data/glossary.yaml:{project.line_of('data/glossary.yaml', 'expansion')}: note: the "
        "checks that need data/glossary.yaml were skipped until it can be read",
        f"data/services.yaml:{project.line_of('data/services.yaml', 'min: 18')}: ns-engage: "
        "age range is reversed: min 18 is more than max 10 (swap them)",
        f"data/services.yaml:{project.line_of('data/services.yaml', 'ns-dutty')}: ns-engage: "
        "unknown contact 'ns-dutty' (did you mean 'ns-duty'?)",
        f"data/services.yaml:{project.line_of('data/services.yaml', 'id: ns-engage', 2)}: "
        "id 'ns-engage' is already defined at data/services.yaml:"
        f"{project.line_of('data/services.yaml', 'id: ns-engage')} (ids must be unique)",
    ]


def test_github_format_prints_annotations(project, check):
    project.replace("data/contacts.yaml", '"01254 666400"', '"01254 66640"')
    status, lines = check(project, "--format", "github")
    line = project.line_of("data/contacts.yaml", "66640")
    assert status == 1
    assert lines[0].startswith(f"::error file=data/contacts.yaml,line={line},col=")
    assert "'01254 66640' is not a valid UK number" in lines[0]


def test_missing_data_file_is_reported_not_a_traceback(project, check):
    project.path("data/glossary.yaml").unlink()
    assert check(project) == (
        1,
        ["data/glossary.yaml:1: file not found",
         "data/glossary.yaml:1: note: the checks that need data/glossary.yaml were skipped "
         "until it can be read"],
    )  # fmt: skip


def test_errors_are_counted_in_a_closing_line(project, capsys):
    from handbook.cli import main

    project.replace("data/services.yaml", "levels: [4]", "levels: [5]")
    assert main(["--root", str(project.root), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "1 error(s) in the data; nothing was built."
