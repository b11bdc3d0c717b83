"""`.github/CODEOWNERS` comes from the boroughs' `owners`, so GitHub asks the right council."""

from __future__ import annotations

from handbook.cli import main
from handbook.data.codeowners import PATH, codeowners
from handbook.data.validate import check

from ..conftest import REPO

NORTHSHIRE_OWNERS = '["@northshire-council/children-editors", "@ns-lead"]'  # in the fixture


def test_the_repositorys_codeowners_matches_its_data():
    dataset, _ = check(REPO)
    assert (REPO / PATH).read_text(encoding="utf-8") == codeowners(dataset), (
        f"{PATH} is out of date with data/boroughs.yaml: run `handbook codeowners`"
    )


def test_each_borough_owns_its_pages_and_every_owner_the_shared_files(project):
    project.add_borough("southshire", "Southshire", page="welcome.md")
    name = "    name: Southshire\n"
    owners = '    owners: ["@south-council/editors", "@NS-Lead"]\n'
    project.replace("data/boroughs.yaml", name, name + owners)
    dataset, _ = check(project.root)
    rules = [line for line in codeowners(dataset).splitlines() if not line.startswith("#")]
    assert rules == [
        "/data/ @northshire-council/children-editors @ns-lead @south-council/editors",
        "/content/shared/ @northshire-council/children-editors @ns-lead @south-council/editors",
        "/.github/CODEOWNERS @northshire-council/children-editors @ns-lead @south-council/editors",
        "/content/northshire/ @northshire-council/children-editors @ns-lead",
        "/content/southshire/ @south-council/editors @NS-Lead",
    ]


def test_a_borough_without_owners_is_named_in_a_comment(project):
    project.add_borough("southshire", "Southshire")
    dataset, _ = check(project.root)
    text = codeowners(dataset)
    assert "# southshire names no owners: no one is asked about its pages.\n" in text
    assert "/content/southshire/" not in text


def test_with_no_owners_at_all_the_file_says_how_to_add_them(project):
    project.replace("data/boroughs.yaml", f"    owners: {NORTHSHIRE_OWNERS}\n", "")
    dataset, _ = check(project.root)
    text = codeowners(dataset)
    assert [line for line in text.splitlines() if not line.startswith("#")] == []
    assert "# No borough names its owners yet" in text


def test_the_command_writes_the_file_and_check_mode_fails_while_it_is_stale(project, capsys):
    root = ["--root", str(project.root)]
    assert main([*root, "codeowners", "--check"]) == 1
    assert capsys.readouterr().err == (
        ".github/CODEOWNERS is out of date with data/boroughs.yaml: run `handbook codeowners` "
        "and commit it\n"
    )
    assert main([*root, "codeowners"]) == 0
    assert capsys.readouterr().out == "wrote .github/CODEOWNERS\n"
    assert main([*root, "codeowners", "--check"]) == 0
    project.replace("data/boroughs.yaml", '"@ns-lead"', '"@ns-deputy"')
    assert main([*root, "codeowners", "--check"]) == 1


def test_an_owner_that_is_not_a_github_account_or_team_is_an_error(project, check):
    project.replace("data/boroughs.yaml", '"@ns-lead"', '"ns lead"')
    line = project.line_of("data/boroughs.yaml", "owners:")
    status, lines = check(project)
    assert status == 1
    assert lines == [
        f"data/boroughs.yaml:{line}: northshire: 'owners' must name GitHub accounts or teams, "
        "such as '@blackpool-editor' or '@lancashire/blackpool-editors' (got 'ns lead')"
    ]


def test_owners_must_be_a_list(project, check):
    project.replace("data/boroughs.yaml", NORTHSHIRE_OWNERS, '"@ns-lead"')
    status, lines = check(project)
    assert status == 1
    assert lines == [
        f"data/boroughs.yaml:{project.line_of('data/boroughs.yaml', 'owners:')}: northshire: "
        "'owners' must be a list (check the indentation and the '-' marks)"
    ]
