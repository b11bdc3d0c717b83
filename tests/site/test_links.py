"""Links in content pages are followed at check time, to their page and anchor."""

from __future__ import annotations

import pytest

ABOUT = "content/northshire/about.md"


@pytest.mark.parametrize(
    "link",
    [
        "../teams/ns-engage.md",
        "../teams/ns-engage/",
        "../teams/ns-engage.md#how-to-refer",
        "../levels-of-need.md#level-4",
        "../contacts.md",
        "../teams/index.md",
        "../levels/consent.md",
        "#about-northshire",
        "../pdf/teams.pdf",
        "../whats-changed.json",
        "https://example.org/anywhere#at-all",
        "mailto:duty@example.org",
    ],
)
def test_links_to_what_the_site_has_pass(project, check, link):
    project.path(ABOUT).write_text(f"# About Northshire\n\nSee [this]({link}).\n")
    assert check(project) == (0, [])


def test_a_shared_page_names_the_borough_whose_site_lacks_the_page(project, check):
    project.add_borough("southshire", "Southshire")
    project.path("content/shared/consent.md").write_text(
        "# Consent\n\nAsk for consent.\n\nSee [Engage](../teams/ns-engage.md).\n"
    )
    assert check(project) == (
        1,
        ["content/shared/consent.md:5: link '../teams/ns-engage.md' leads to no page of the "
         "site of Southshire (links are relative to this page's place in the site: a page of "
         "another section starts '../')"],
    )  # fmt: skip


def test_each_broken_link_is_reported_at_its_own_line(project, check):
    project.path(ABOUT).write_text(
        "# About Northshire\n\n[One](../teams/nope.md)\n\nText.\n\n[Two](#nowhere) and "
        "![Map](map.png)\n"
    )
    status, lines = check(project)
    assert status == 1
    assert [line.split(": ", 1)[0] for line in lines] == [f"{ABOUT}:3", f"{ABOUT}:7", f"{ABOUT}:7"]
    assert "'map.png' is not a file the site publishes" in lines[1] + lines[2]
