"""The rendered Markdown: what a practitioner reads on a service page."""

from __future__ import annotations

import json

import yaml
from bs4 import BeautifulSoup

from handbook.cli import main
from handbook.data.validate import check
from handbook.site.render import NAV_SERVICES, render_for_build


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


def test_render_command_writes_markdown_and_a_builder_configuration(project, tmp_path):
    out = tmp_path / "markdown"
    assert main(["--root", str(project.root), "render", "--out", str(out)]) == 0
    page = (out / "northshire" / "teams" / "ns-engage.md").read_text()
    assert "(tel:+441254666400)" in page
    config = yaml.safe_load((out / "northshire.mkdocs.yml").read_text())
    assert config["docs_dir"] == "northshire"
    assert config["site_name"] == "Working Well with Children and Families: Northshire"
    assert {"Teams": ["teams/index.md", "teams/ns-engage.md", "teams/ns-family-time.md"]} in (
        config["nav"]
    )
    assert config["hooks"] == []  # a build needs nothing of ours inside the builder
    assert config["extra"]["borough"]["front_door_number"] == "01254 666400"


def test_rendering_again_removes_pages_the_data_no_longer_has(project, tmp_path):
    out = tmp_path / "markdown"
    assert main(["--root", str(project.root), "render", "--out", str(out)]) == 0
    project.replace("data/services.yaml", "  - id: ns-family-time", "  - id: ns-family-hours")
    project.replace("data/services.yaml", "related: [ns-family-time]", "related: [ns-family-hours]")
    assert main(["--root", str(project.root), "render", "--out", str(out)]) == 0
    assert (out / "northshire" / "teams" / "ns-family-hours.md").is_file()
    assert not (out / "northshire" / "teams" / "ns-family-time.md").exists()


def test_a_large_section_lists_its_services_on_its_page_not_in_the_navigation(project):
    services = (project.path("data/services.yaml")).read_text()
    entry = services[services.index("  - id: ns-family-time") :]
    copies = "".join(
        entry.replace("ns-family-time", f"ns-extra-{n}").replace("related: [ns-engage]", "")
        for n in range(NAV_SERVICES)
    )
    project.append("data/services.yaml", copies)
    site = _site(project)
    teams = next(item["Teams"] for item in site.nav if "Teams" in item)
    assert teams == ["teams/index.md"]
    index = site.pages["teams/index.md"]
    assert f"[{'Family Time'}](ns-extra-{NAV_SERVICES - 1}.md)" in index


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
    hidden = BeautifulSoup(page, "html.parser")
    weighted = {
        p["data-pagefind-weight"]: p.get_text() for p in hidden.select("[data-pagefind-weight]")
    }
    # Names and own numbers count most, then the main need's words; every typed form of the
    # number is one word, so "01254666400" and "666400" both find it.
    assert weighted["10"] == "01254666400 666400 441254666400"
    assert "Engage · NSE" in str(hidden.select('[data-pagefind-weight="10"]')[0])
    assert "county lines" in weighted["9"]
    meta = {m["data-pagefind-meta"]: m.get_text() for m in hidden.select("[data-pagefind-meta]")}
    assert meta["phone"] == "01254 666400" and meta["tel"] == "tel:+441254666400"
    assert meta["kind"] == "service" and meta["section"] == "Teams"
    assert "**Direct line:** **Northshire Duty Team**: [01254 666400](tel:+441254666400)" in page


def test_numbers_are_searchable_on_their_owners_page_and_who_to_call(project):
    site = _site(project)
    # A number without an owning service is found on Who to call, in every typed form.
    assert "01254666400 666400 441254666400" in site.pages["contacts.md"]
    # Contact lines show the number once, with no hidden copies to leak into results.
    assert "<span hidden>" not in site.pages["teams/ns-engage.md"]


def test_search_model_gives_the_borough_front_door_and_the_words_to_understand(project):
    model = json.loads(_site(project).files["search-model.json"])
    assert model["front_door"]["phone"] == "01254 666400"
    assert model["front_door"]["tel"] == "tel:+441254666400"
    assert model["links"]["contacts"] == "contacts/"
    assert "county lines" in model["phrases"]


def test_acronyms_get_their_expansion_on_the_pages_that_use_them(project):
    project.replace("data/services.yaml", "at risk of exploitation.", "at risk of CSE.")
    site = _site(project)
    assert site.pages["teams/ns-engage.md"].endswith("\n\n*[CSE]: Child Sexual Exploitation\n")
    assert "*[CSE]" not in site.pages["levels/consent.md"]
    assert "CSE { #cse }\n:   **Child Sexual Exploitation**" in site.pages["glossary.md"]
