"""'Report a problem with this page': on every page, a plain link (no JavaScript) to the
content owner's email, a new issue in the repository, or Who to call's note, each naming the
page's address, the service's id and the version."""

from __future__ import annotations

import posixpath
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from handbook.data.validate import check as validate
from handbook.site.render import render_for_build

from ..conftest import REPO, borough_ids, soup

LINK = "Report a problem with this page"
VERSION = "Version: Unreleased (not a published version), data last changed"


def _report_links(page) -> list:
    return [a for a in soup(page).select("article a") if a.get_text() == LINK]


def _prefilled(href: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(href).query).items()}


def test_a_service_page_emails_the_content_owner_naming_page_service_and_version(closures_site):
    [link] = _report_links(closures_site / "teams" / "ns-engage" / "index.html")
    href = link["href"]
    assert href.startswith("mailto:handbook@northshire.example?")
    filled = _prefilled(href)
    assert filled["subject"] == "Problem with the page 'Engage' (Northshire)"
    body = filled["body"].split("\r\n")
    assert body[:2] == ["Page: northshire/teams/ns-engage/", "Service id: ns-engage"]
    assert body[2].startswith(VERSION)
    assert "%0D%0A" in href  # RFC 6068's line breaks, kept through the built page's sanitizer


def test_a_content_page_and_a_generated_page_have_the_link_too(closures_site):
    for path, address in (
        ("about/about", "northshire/about/about/"),
        ("contacts", "northshire/contacts/"),
        ("finder", "northshire/finder/"),
    ):
        [link] = _report_links(closures_site / path / "index.html")
        body = _prefilled(link["href"])["body"].split("\r\n")
        assert body[0] == f"Page: {address}"
        assert body[1].startswith(VERSION)  # no service id on a page that is not a service


def _render(project, path: str) -> str:
    dataset, problems = validate(project.root)
    assert [p for p in problems if p.level == "error"] == []
    return render_for_build(dataset, "northshire").pages[path]


def test_a_service_of_its_own_owner_emails_them(project):
    owner = "    content_owner: engage@northshire.example\n"
    project.replace(
        "data/services.yaml", "    source: test fixture\n", f"{owner}    source: test fixture\n"
    )
    assert "](mailto:engage@northshire.example?subject=" in _render(project, "teams/ns-engage.md")
    assert "](mailto:handbook@northshire.example?" in _render(project, "teams/ns-family-time.md")


def test_a_repository_gets_a_prefilled_issue_and_the_email_beside_it(project):
    project.replace("data/boroughs.yaml", "boroughs:\n",
                    "repository: https://github.com/northshire/handbook\nboroughs:\n")  # fmt: skip
    page = _render(project, "teams/ns-engage.md")
    issue = page.split(f"[{LINK}](", 1)[1].split(")", 1)[0]
    assert issue.startswith("https://github.com/northshire/handbook/issues/new?title=")
    filled = _prefilled(issue)
    assert filled["title"] == "Problem with the page 'Engage' (Northshire)"
    assert filled["body"].startswith("Page: northshire/teams/ns-engage/\nService id: ns-engage\n")
    assert "[report it by email](mailto:handbook@northshire.example?" in page


def test_with_site_url_the_report_names_the_full_address(project):
    project.replace("data/boroughs.yaml", "boroughs:\n",
                    "site_url: https://handbook.example.org/\nboroughs:\n")  # fmt: skip
    page = _render(project, "teams/ns-engage.md")
    assert (
        "Page%3A%20https%3A%2F%2Fhandbook.example.org%2Fnorthshire%2Fteams%2Fns-engage%2F" in page
    )


@pytest.fixture
def nobody_named(project):
    project.replace("data/boroughs.yaml", "    content_owner: handbook@northshire.example\n", "")
    return project


def test_with_no_one_named_the_link_leads_to_who_to_call_which_says_so(nobody_named):
    page = _render(nobody_named, "teams/ns-engage.md")
    assert f"[{LINK}](../contacts.md#report-a-problem): no one has been named yet" in page
    assert "say: page northshire/teams/ns-engage/, service ns-engage, Unreleased" in page
    who = _render(nobody_named, "contacts.md")
    assert "## Report a problem with this guide { #report-a-problem }" in who
    assert "tell Northshire Council: in working hours, **Northshire Duty Team**" in who


def test_with_no_one_named_review_lists_the_gap(nobody_named, capsys):
    from handbook.cli import main

    assert main(["--root", str(nobody_named.root), "review"]) == 0
    line = nobody_named.line_of("data/boroughs.yaml", "- id: northshire")
    assert (
        f"data/boroughs.yaml:{line}: northshire: gap to fill before publishing: nowhere to "
        "report a problem with its pages (add the borough's 'content_owner' email address, or "
        "the guide's 'repository' at the top of data/boroughs.yaml; until then 'Report a "
        "problem with this page' leads to Who to call)."
    ) in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("content_owner", "not an address",
         "northshire: 'content_owner' is not an email address: 'not an address'"),
        ("repository", "https://gitlab.com/x/y",
         "'repository' must be the address of a GitHub repository, such as "
         "'https://github.com/lancashire/handbook' (got 'https://gitlab.com/x/y')"),
    ],
)  # fmt: skip
def test_a_bad_address_is_refused_at_its_line(project, check, field, value, message):
    if field == "repository":
        project.replace("data/boroughs.yaml", "boroughs:\n", f"repository: {value}\nboroughs:\n")
    else:
        project.replace("data/boroughs.yaml", "handbook@northshire.example", value)
    line = project.line_of("data/boroughs.yaml", value)
    assert check(project) == (1, [f"data/boroughs.yaml:{line}: {message}"])


@pytest.mark.parametrize("borough", borough_ids())
def test_every_service_and_content_page_of_the_real_site_has_a_working_link(real_site, borough):
    site = real_site / borough
    services = yaml.safe_load((REPO / "data" / "services.yaml").read_text())["services"]
    service_pages = [
        site / s["section"] / s["id"] / "index.html"
        for s in services
        if s["borough"] == borough and s.get("status") != "inactive"
    ]
    pages = sorted(p for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "assets")
    assert set(service_pages) <= set(pages) and len(pages) > len(service_pages) > 10
    for page in pages:
        [link] = _report_links(page)
        href = link["href"]
        # The real data names no one: the link leads to Who to call's note, which is there.
        target, _, anchor = href.partition("#")
        folder = posixpath.normpath(
            posixpath.join(page.parent.relative_to(site).as_posix(), target)
        )
        assert soup(site / folder / "index.html").find(id=anchor) is not None, page
        note = link.parent.get_text(" ", strip=True)
        assert "no one has been named yet" in note
        assert f"page {borough}/" in note and "Unreleased (not a published version)" in note


def test_the_report_is_not_in_the_pdfs_nor_the_search_index(real_site):
    page = soup(real_site / "blackpool" / "contacts" / "index.html")
    block = page.select_one(".handbook-report")
    assert "handbook-not-in-print" in block["class"]
    assert "handbook-not-indexed" in block["class"]
