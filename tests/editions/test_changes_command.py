"""`handbook changes`: what a pull request changes for practitioners, compared with a commit."""

from __future__ import annotations

import pytest

from handbook.cli import main

from .conftest import git, new_repo

CLOSURE = """    name: Family Time
    status: temporarily-closed
    alert: "No new referrals while the team moves building: phone the duty team."
    until: 2027-01-31
"""
YOUTH_CLUB = """  - id: ns-youth-club
    borough: northshire
    name: Youth Club
    section: teams
    summary: Somewhere to go on Friday nights.
    ages: {min: 11, max: 19}
    levels: [1, 2]
    referral:
      how: Drop in.
      routes: [drop-in]
    source: test fixture
"""


@pytest.fixture
def repo(tmp_path, git_identity):
    return new_repo(tmp_path / "project")


def _edit(repo):
    """One editor's commit: a new duty number, a new service and a service closed."""
    repo.replace("data/contacts.yaml", '"01254 666400"', '"01254 666500"')
    repo.append("data/services.yaml", YOUTH_CLUB)
    repo.replace("data/services.yaml", "    name: Family Time\n", CLOSURE)
    git(repo.root, "commit", "-qam", "New duty number, a youth club, Family Time closed")


def _changes(repo, capsys, *args) -> tuple[int, list[str], str]:
    status = main(["--root", str(repo.root), "changes", *args])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def _short(repo, ref="HEAD~1") -> str:
    return git(repo.root, "rev-parse", "--short", ref).strip()


def test_plain_summary_opens_with_the_front_door_number_old_and_new(repo, capsys):
    _edit(repo)
    status, lines, err = _changes(repo, capsys, "--base", "HEAD~1")
    assert (status, err) == (0, "")
    assert lines == [
        f"What a practitioner will see differently, from HEAD~1 ({_short(repo)}) to this change:",
        "",
        "FRONT DOOR OR OUT-OF-HOURS NUMBER CHANGED: ring each new number before you approve.",
        "  Northshire: front door, Northshire Duty Team, phone number: "
        "01254 666400 -> 01254 666500",
        "",
        "Northshire (approved by @northshire-council/children-editors, @ns-lead)",
        "  Numbers and addresses:",
        "    Northshire Duty Team (front door), phone number: 01254 666400 -> 01254 666500",
        "  Services closed:",
        "    Family Time: was open, now temporarily closed until 31 January 2027. Notice: No new "
        "referrals while the team moves building: phone the duty team.",
        "  New services:",
        "    Youth Club",
        "",
        "No change a practitioner would see in Southshire.",
    ]


def test_markdown_summary_for_the_pull_request_comment(repo, capsys):
    _edit(repo)
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD~1", "--format", "markdown")
    assert status == 0
    assert lines == [
        "### What a practitioner will see differently",
        "",
        f"Compared with `HEAD~1` (`{_short(repo)}`).",
        "",
        "> [!CAUTION]",
        "> **A front door or out-of-hours number changed**: ring each new number before you "
        "approve.",
        ">",
        "> | Borough | Line | Contact | What changed | Was | Now |",
        "> | --- | --- | --- | --- | --- | --- |",
        "> | Northshire | Front door | Northshire Duty Team | Phone number | `01254 666400` | "
        "**`01254 666500`** |",
        "",
        "#### Northshire",
        "",
        "Approved by `@northshire-council/children-editors`, `@ns-lead`.",
        "",
        "**Numbers and addresses**",
        "",
        "| Contact | What changed | Was | Now |",
        "| --- | --- | --- | --- |",
        "| **Northshire Duty Team** (front door) | Phone number | `01254 666400` | "
        "`01254 666500` |",
        "",
        "**Services closed**",
        "",
        "- Family Time: was open, now temporarily closed until 31 January 2027. Notice: No new "
        "referrals while the team moves building\\: phone the duty team\\.",
        "",
        "**New services**",
        "",
        "- Youth Club",
        "",
        "No change a practitioner would see in Southshire.",
    ]


def test_no_change_says_so_in_both_formats(repo, capsys):
    repo.replace("data/services.yaml", "source: test fixture", "source: test fixture, p.2")
    for output_format in ("plain", "markdown"):
        status, lines, _ = _changes(repo, capsys, "--base", "HEAD", "--format", output_format)
        assert status == 0
        assert lines[-1] == "No change a practitioner would see."
        assert "No change" not in "\n".join(lines[:-1])


def test_a_ref_that_does_not_exist_is_a_one_line_error(repo, capsys):
    status, lines, err = _changes(repo, capsys, "--base", "no-such-branch")
    assert (status, lines) == (1, [])
    assert err == (
        "handbook changes: 'no-such-branch' is not a branch, tag or commit in this repository "
        "(check the name; a branch of another clone needs `git fetch` first)\n"
    )


def test_outside_a_git_repository_is_a_one_line_error(project, capsys):
    status = main(["--root", str(project.root), "changes", "--base", "HEAD"])
    err = capsys.readouterr().err
    assert status == 1
    assert err == (
        f"handbook changes: {project.root} is not a git repository: `handbook changes` "
        "compares commits\n"
    )


def test_default_base_is_where_the_branch_left_main(repo, capsys):
    git(repo.root, "checkout", "-qb", "new-number")
    repo.replace("data/contacts.yaml", '"0300 123 6720"', '"0300 123 6730"')
    git(repo.root, "commit", "-qam", "New out-of-hours number")
    git(repo.root, "checkout", "-q", "main")
    repo.replace("data/services.yaml", "Phone the duty team.", "Phone the team.")
    git(repo.root, "commit", "-qam", "main moved on")
    git(repo.root, "checkout", "-q", "new-number")
    status, lines, _ = _changes(repo, capsys)
    assert status == 0
    base = _short(repo, "main~1")
    assert lines[0] == (
        f"What a practitioner will see differently, from the merge base with main ({base}) "
        "to this change:"
    )
    # Only this branch's change: main's later edit of Engage is not in it.
    assert lines[2:6] == [
        "FRONT DOOR OR OUT-OF-HOURS NUMBER CHANGED: ring each new number before you approve.",
        "  Northshire: out of hours, Northshire Out of Hours, phone number: "
        "0300 123 6720 -> 0300 123 6730",
        "",
        "Northshire (approved by @northshire-council/children-editors, @ns-lead)",
    ]
    assert "How to refer" not in "\n".join(lines)


def test_default_base_in_a_checkout_without_main_is_origin_main(repo, tmp_path, capsys):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo.root), str(clone))
    git(clone, "checkout", "-q", "--detach")
    git(clone, "branch", "-qD", "main")
    (clone / "data" / "contacts.yaml").write_text(
        (clone / "data" / "contacts.yaml").read_text().replace("01254 666400", "01254 666500")
    )
    status = main(["--root", str(clone), "changes"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines[0].startswith("What a practitioner will see differently, from the merge base "
                               "with origin/main (")  # fmt: skip
    assert "01254 666400 -> 01254 666500" in lines[3]


def test_no_main_to_compare_with_is_a_one_line_error(repo, capsys):
    git(repo.root, "branch", "-qm", "main", "trunk")
    status, lines, err = _changes(repo, capsys)
    assert (status, lines) == (1, [])
    assert err == (
        "handbook changes: there is no branch main or origin/main to compare with: name a "
        "commit with --base (for example --base HEAD~1)\n"
    )


EASTSHIRE = """  - id: eastshire
    name: Eastshire
    council: Eastshire Council
    front_door: es-duty
    sections:
      - id: help
        title: Help
"""
EASTSHIRE_DUTY = """  - id: es-duty
    borough: eastshire
    name: Eastshire Duty
    phone: "01253 477300"
    source: test
"""


def test_a_new_borough_shows_its_front_door_first(repo, capsys):
    repo.append("data/boroughs.yaml", EASTSHIRE)
    repo.append("data/contacts.yaml", EASTSHIRE_DUTY)
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD")
    assert status == 0
    assert lines[2:] == [
        "FRONT DOOR OR OUT-OF-HOURS NUMBER CHANGED: ring each new number before you approve.",
        "  Eastshire: front door: (none) -> Eastshire Duty, 01253 477300",
        "",
        "Eastshire: a new borough: its whole guide is new",
        "  Front door and out of hours:",
        "    Front door: (none) -> Eastshire Duty, 01253 477300",
        "  New contacts:",
        "    Eastshire Duty",
        "    Police (emergency)",
        "  New pages:",
        "    Consent",
        "",
        "No change a practitioner would see in Northshire, Southshire.",
    ]


def test_a_removed_borough_is_reported(repo, capsys):
    text = (repo.root / "data" / "boroughs.yaml").read_text()
    (repo.root / "data" / "boroughs.yaml").write_text(text[: text.index("  - id: southshire")])
    text = (repo.root / "data" / "contacts.yaml").read_text()
    (repo.root / "data" / "contacts.yaml").write_text(text[: text.index("  - id: ss-duty")])
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD")
    assert status == 0
    assert lines[2:] == [
        "FRONT DOOR OR OUT-OF-HOURS NUMBER CHANGED: ring each new number before you approve.",
        "  Southshire: front door: Southshire Duty, 01253 477299 -> (none)",
        "",
        "Southshire: this change removes the borough: its guide will no longer be built",
        "  Front door and out of hours:",
        "    Front door: Southshire Duty, 01253 477299 -> (none)",
        "  Contacts removed:",
        "    Police (emergency)",
        "    Southshire Duty",
        "  Pages removed:",
        "    Consent",
        "",
        "No change a practitioner would see in Northshire.",
    ]


def test_a_base_that_fails_its_checks_is_still_compared_with_a_note(repo, capsys):
    repo.replace("data/contacts.yaml", '"0300 123 6720"', '"0300 123 672"')
    repo.replace("data/services.yaml", "  - id: ns-family-time\n    borough: northshire\n",
                 "  - id: ns-family-time\n    borough: northshire\n    colour: blue\n")  # fmt: skip
    git(repo.root, "commit", "-qam", "broken")
    repo.replace("data/contacts.yaml", '"0300 123 672"', '"0300 123 6720"')
    repo.replace("data/services.yaml", "    colour: blue\n", "")
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD")
    assert status == 0
    assert lines[2:] == [
        f"Note: The data at HEAD ({_short(repo, 'HEAD')}) has 2 errors (`handbook check` on "
        "that commit lists them); its entries with errors are left out of this comparison.",
        "",
        "FRONT DOOR OR OUT-OF-HOURS NUMBER CHANGED: ring each new number before you approve.",
        "  Northshire: out of hours, Northshire Out of Hours, phone number: "
        "0300 123 672 -> 0300 123 6720",
        "",
        "Northshire (approved by @northshire-council/children-editors, @ns-lead)",
        "  Numbers and addresses:",
        "    Northshire Out of Hours (out of hours), phone number: 0300 123 672 -> 0300 123 6720",
        # The entry with an unknown field could not be read at the base.
        "  New services:",
        "    Family Time",
        "",
        "No change a practitioner would see in Southshire.",
    ]


def test_a_change_that_breaks_the_data_says_so_and_compares_the_rest(repo, capsys):
    repo.replace("data/contacts.yaml", '"01254 666400"', '"01254 666500"')
    repo.replace("data/services.yaml", "    levels: [4]\n", "    levels: [4]\n    colour: blue\n")
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD")
    assert status == 0
    assert lines[2:4] == [
        "Note: The data in this change has 1 error (`handbook check` lists them); its entries "
        "with errors are left out of this comparison.",
        "",
    ]
    assert "  Northshire: front door, Northshire Duty Team, phone number: 01254 666400 -> " \
        "01254 666500" in lines  # fmt: skip
    assert lines[lines.index("  Services removed:") + 1] == "    Family Time"


def test_a_different_front_door_contact_is_loud(repo, capsys):
    repo.replace("data/boroughs.yaml", "front_door: ns-duty", "front_door: ns-out-of-hours")
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD")
    assert status == 0
    assert lines[2:] == [
        "FRONT DOOR OR OUT-OF-HOURS NUMBER CHANGED: ring each new number before you approve.",
        "  Northshire: front door: Northshire Duty Team, 01254 666400 -> "
        "Northshire Out of Hours, 0300 123 6720",
        "",
        "Northshire (approved by @northshire-council/children-editors, @ns-lead)",
        "  Front door and out of hours:",
        "    Front door: Northshire Duty Team, 01254 666400 -> Northshire Out of Hours, "
        "0300 123 6720",
        "",
        "No change a practitioner would see in Southshire.",
    ]


def test_reopening_and_a_new_closing_date_are_reported(repo, capsys):
    repo.replace("data/services.yaml", "    name: Family Time\n", CLOSURE)
    repo.replace("data/services.yaml", "    name: Engage\n",
                 "    name: Engage\n    status: inactive\n")  # fmt: skip
    git(repo.root, "commit", "-qam", "closed")
    repo.replace("data/services.yaml", "until: 2027-01-31", "until: 2027-03-31")
    repo.replace("data/services.yaml", "    status: inactive\n", "")
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD")
    assert status == 0
    assert lines[2:] == [
        "Northshire (approved by @northshire-council/children-editors, @ns-lead)",
        "  Services reopened:",
        "    Engage: was no longer running, now open",
        "  Changes to services:",
        "    Family Time, closed until: 31 January 2027 -> 31 March 2027",
        "",
        "No change a practitioner would see in Southshire.",
    ]


def test_a_changed_page_of_text_is_reported(repo, capsys):
    (repo.root / "content" / "shared" / "consent.md").write_text("# Consent\n\nAsk first.\n")
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD")
    assert status == 0
    # A shared page is in every borough's guide.
    assert lines[2:] == [
        "Northshire (approved by @northshire-council/children-editors, @ns-lead)",
        "  Pages changed:",
        "    Consent",
        "",
        "Southshire",
        "  Pages changed:",
        "    Consent",
    ]


def test_markdown_shows_names_and_values_as_written(repo, capsys):
    repo.replace("data/contacts.yaml", "name: Northshire Duty Team",
                 'name: "[Duty](https://evil.example) <b>@team</b>"')  # fmt: skip
    repo.replace("data/services.yaml", "how: Phone the duty team.",
                 'how: "Phone `01254` | or *email*"')  # fmt: skip
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD", "--format", "markdown")
    assert status == 0
    assert (
        "| **\\[Duty\\]\\(https\\:\\/\\/evil\\.example\\) \\<b\\>\\@team\\<\\/b\\>** (front door) "
        "| Name | `Northshire Duty Team` | `[Duty](https://evil.example) <b>@team</b>` |"
    ) in lines
    assert (
        "| Engage | How to refer | `Phone the duty team. (routes: phone)` | "
        "``Phone `01254` \\| or *email* (routes: phone)`` |"
    ) in lines


def test_a_change_of_owners_is_shown_beside_who_approves(repo, capsys):
    repo.replace("data/boroughs.yaml", '"@ns-lead"', '"@someone-else"')
    repo.replace("data/contacts.yaml", '"01254 666400"', '"01254 666500"')
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD", "--format", "markdown")
    assert status == 0
    assert (
        "Approved by `@northshire-council/children-editors`, `@ns-lead`. This change makes the "
        "owners `@northshire-council/children-editors`, `@someone-else`."
    ) in lines


def test_a_base_with_no_data_folder_makes_every_borough_new(repo, capsys):
    git(repo.root, "rm", "-rq", "data")
    (repo.root / "data").write_text("not a folder\n")
    git(repo.root, "add", "data")
    git(repo.root, "commit", "-qm", "data is a file")
    git(repo.root, "rm", "-q", "--cached", "data")
    (repo.root / "data").unlink()
    git(repo.root, "checkout", "-q", "HEAD~1", "--", "data")
    status, lines, _ = _changes(repo, capsys, "--base", "HEAD")
    assert status == 0
    assert lines[2:4] == [f"Note: There is no data/ at HEAD ({_short(repo, 'HEAD')}): every "
                          "borough is new.", ""]  # fmt: skip
    assert "Northshire (approved by @northshire-council/children-editors, @ns-lead): a new " \
        "borough: its whole guide is new" in lines  # fmt: skip


def test_a_link_out_of_the_base_is_left_out_not_followed(repo, capsys, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("# Secret\n")
    consent = repo.root / "content" / "shared" / "consent.md"
    consent.unlink()
    consent.symlink_to(outside)
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-qm", "a link out of the repository")
    consent.unlink()
    consent.write_text("# Secret\n")  # the same text, now in the repository
    status, lines, err = _changes(repo, capsys, "--base", "HEAD")
    assert (status, err) == (0, "")
    # At the base the page was a link to outside the repository: it was not read.
    assert lines[2] == (
        f"Note: The data at HEAD ({_short(repo, 'HEAD')}) has 1 error (`handbook check` on "
        "that commit lists them); its entries with errors are left out of this comparison."
    )
    assert lines[4:7] == [
        "Northshire (approved by @northshire-council/children-editors, @ns-lead)",
        "  New pages:",
        "    Secret",
    ]
