"""The rendered Markdown: what a practitioner reads on a service page."""

from __future__ import annotations

import yaml

from handbook.cli import main
from handbook.data.validate import check
from handbook.site.render import render_for_build


def _site(project):
    dataset, problems = check(project.root)
    assert problems == []
    return render_for_build(dataset, "northshire")


def test_service_page_shows_who_it_is_for_how_to_refer_and_numbers(project):
    page = _site(project).pages["teams/ns-engage.md"]
    assert "# Engage" in page
    assert "- **Ages:** 10 to 18 years" in page
    # The levels' names come from data/levels.yaml, as written there.
    assert "[3 (Child in need) and 4 (Child protection)](../levels-of-need.md)" in page
    assert "Phone the duty team." in page
    assert "**Northshire Duty Team**: [01254 666400](tel:+441254666400)" in page
    assert "- [Family Time](ns-family-time.md)" in page


def test_unborn_and_fractional_ages_read_naturally(project):
    page = _site(project).pages["teams/ns-family-time.md"]
    assert "- **Ages:** Before birth to 17½ years" in page


def test_home_page_puts_the_urgent_numbers_first(project):
    home = _site(project).pages["index.md"]
    assert home.index("[999](tel:999)") < home.index("[01254 666400](tel:+441254666400)")
    assert "Out of hours: **Northshire Out of Hours**: [0300 123 6720](tel:+443001236720)" in home


def test_levels_page_lists_who_will_help_for_this_borough(project):
    page = _site(project).pages["levels-of-need.md"]
    assert "## Level 4: Child protection { #level-4 }" in page
    assert "- **Northshire Duty Team**: [01254 666400](tel:+441254666400)" in page


def test_navigation_follows_the_data(project):
    nav = _site(project).nav
    assert nav[:4] == [
        {"Home": "index.md"},
        {"Who to call": "contacts.md"},
        {"Find a service": "finder.md"},
        {"What's changed": "whats-changed.md"},
    ]
    assert nav[4] == {
        "Part One: levels of need": ["levels/index.md", "levels-of-need.md", "levels/consent.md"]
    }
    assert nav[-2] == {"Teams": ["teams/index.md", "teams/ns-engage.md", "teams/ns-family-time.md"]}
    assert nav[-1] == {"Glossary": "glossary.md"}


def test_render_command_writes_markdown_for_another_builder(project, tmp_path):
    out = tmp_path / "markdown"
    assert main(["--root", str(project.root), "render", "--out", str(out)]) == 0
    page = (out / "northshire" / "teams" / "ns-engage.md").read_text()
    assert "(tel:+441254666400)" in page
    assert "teams/ns-engage.md" in (out / "northshire" / "nav.yml").read_text()


def test_unpublished_project_says_there_is_nothing_to_compare_with(project):
    site = _site(project)
    assert (
        "This is the first published version of the guide for Northshire"
        in (site.pages["whats-changed.md"])
    )
    assert site.edition.label == "Unreleased (not a published version)"


def test_service_page_carries_its_search_words_and_own_numbers(project):
    project.replace(
        "data/contacts.yaml",
        "    name: Northshire Duty Team\n",
        "    name: Northshire Duty Team\n    service: ns-engage\n",
    )
    project.replace(
        "data/services.yaml", "    name: Engage\n", "    name: Engage\n    short_name: NSE\n"
    )
    page = _site(project).pages["teams/ns-engage.md"]
    front_matter = yaml.safe_load(page.split("---")[1])
    tags = front_matter["tags"]
    assert tags[0] == "NSE"
    # The main need's words count three times; the own number in every typed form but
    # never starting with the area code, which every number in a borough shares.
    assert tags.count("county lines") == 3
    assert {"666400", "441254666400"} <= set(tags)
    assert not [t for t in tags if t.startswith("01254")]
    assert front_matter["search"] == {"boost": 2}
    assert "**Direct line:** **Northshire Duty Team**: [01254 666400](tel:+441254666400)" in page


def test_every_number_is_searchable_however_it_is_typed(project):
    page = _site(project).pages["teams/ns-engage.md"]
    assert "<span hidden> 01254666400 666400 441254666400</span>" in page


def test_acronyms_get_their_expansion_on_the_pages_that_use_them(project):
    project.replace("data/services.yaml", "at risk of exploitation.", "at risk of CSE.")
    site = _site(project)
    assert site.pages["teams/ns-engage.md"].endswith("\n\n*[CSE]: Child Sexual Exploitation\n")
    assert "*[CSE]" not in site.pages["levels/consent.md"]
    assert "CSE { #cse }\n:   **Child Sexual Exploitation**" in site.pages["glossary.md"]
