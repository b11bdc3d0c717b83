"""Each borough's site shows its own words: its blocks, its numbers, its names for the levels,
and says where no source gives a number."""

from __future__ import annotations

from handbook.data.validate import check
from handbook.site.render import render_for_build

BOROUGHS = "data/boroughs.yaml"
CONTACTS = "data/contacts.yaml"
LEVELS = "data/levels.yaml"
SERVICES = "data/services.yaml"
SHARED_PAGE = "content/shared/consent.md"


def _sites(project) -> dict:
    dataset, problems = check(project.root)
    assert [p.format_plain() for p in problems if p.level == "error"] == []
    return {b.id: render_for_build(dataset, b.id) for b in dataset.boroughs}


def _two_boroughs(project) -> None:
    project.add_borough("southshire", "Southshire")
    project.add_other_area()


def test_a_shared_page_speaks_for_each_site(project):
    _two_boroughs(project)
    project.path(SHARED_PAGE).write_text(
        "# Consent\n\nIn {area}, phone {front-door} on {front-door-phone}.\n\n"
        "::: southshire\nSouthshire's own paragraph.\n:::\n\nShared.{northshire: North words.}\n\n"
        "{duty-numbers}\n"
    )
    sites = _sites(project)
    north = sites["northshire"].pages["levels/consent.md"]
    south = sites["southshire"].pages["levels/consent.md"]
    assert (
        "In Northshire, phone Northshire Duty Team on [01254 666400](tel:+441254666400)." in north
    )
    assert "In Southshire, phone Southshire Duty on [01253 477299](tel:+441253477299)." in south
    assert "Southshire's own paragraph." in south and "Southshire" not in north
    assert "Shared. North words." in north and "North words" not in south
    # The duty numbers: the site's own first, then the areas with no site; never another
    # borough's, and every row names its area before the number.
    assert (
        "| If the child lives in Northshire | Northshire Duty Team "
        "| [01254 666400](tel:+441254666400) |\n"
        "| If the child lives in Eastshire | Eastshire Duty | [0113 496 0000](tel:+441134960000) |"
    ) in north
    assert "01253" not in north and "01254" not in south


def test_editors_text_is_never_run_as_a_template(project):
    text = "{{ borough.name }} {% if true %}x{% endif %} \\{area} {{ 7 * 7 }}"
    project.path(SHARED_PAGE).write_text(f"# Consent\n\n{text}\n")
    page = _sites(project)["northshire"].pages["levels/consent.md"]
    assert text in page and "49" not in page


def test_level_names_come_from_the_data_and_a_boroughs_own_name_is_its_own(project):
    _two_boroughs(project)
    project.replace(
        LEVELS,
        "    name: Child in need\n",
        "    name: Child in Need\n    local_names:\n      southshire: Intensive\n",
    )
    project.replace(
        SERVICES, "borough: northshire\n    name: Engage", "borough: southshire\n    name: Engage"
    )
    project.replace(
        SERVICES, "contacts: [ns-duty]\n    related: [ns-family-time]", "contacts: [ss-duty]"
    )
    sites = _sites(project)
    south, north = sites["southshire"], sites["northshire"]
    service = south.pages["teams/ns-engage.md"]
    assert (
        "- **Levels of need:** [3 (Child in Need) and 4 (Child protection)](../levels-of-need.md)."
        " In Southshire, level 3 is called Intensive.\n"
    ) in service
    assert (
        "## Level 3: Child in Need { #level-3 }\n\n*In Southshire this is called Intensive.*"
        in (south.pages["levels-of-need.md"])
    )
    assert "Intensive" not in north.pages["levels-of-need.md"]
    assert (
        '<option value="3">3: Child in Need (in Southshire: Intensive)</option>'
        in (south.pages["finder.md"])
    )
    assert '<option value="3">3: Child in Need</option>' in north.pages["finder.md"]


def test_where_no_source_gives_an_out_of_hours_number_the_site_says_what_to_do(project):
    project.replace(
        BOROUGHS,
        "    out_of_hours: [ns-out-of-hours]\n",
        "    out_of_hours: []\n    out_of_hours_gap: The guide prints none.\n",
    )
    site = _sites(project)["northshire"]
    expected = (
        "**No out-of-hours number is known for Northshire yet.** The guide prints none. If a "
        "child is in immediate danger, call the police on [999](tel:999). Otherwise, call "
        "**Northshire Duty Team**: [01254 666400](tel:+441254666400)"
    )
    assert f"- **Out of hours:** {expected}" in site.pages["contacts.md"]
    assert f"    Out of hours: {expected}" in site.pages["index.md"]


def test_with_an_out_of_hours_number_there_is_no_gap(project):
    site = _sites(project)["northshire"]
    assert "No out-of-hours number" not in site.pages["contacts.md"] + site.pages["index.md"]
    assert "- **Out of hours:** **Northshire Out of Hours**" in site.pages["contacts.md"]


def test_who_to_call_lists_every_other_areas_front_door_labelled(project):
    _two_boroughs(project)
    page = _sites(project)["northshire"].pages["contacts.md"]
    assert "- **If the child lives in Eastshire:** **Eastshire Duty**: [0113 496 0000]" in page
    assert "- **If the child lives in Southshire:** **Southshire Duty**: [01253 477299]" in page
    assert "If the child lives in Northshire" not in page


def test_a_loose_age_range_is_shown_as_the_source_gives_it_and_never_filters(project):
    project.replace(
        SERVICES,
        "ages: {min: 10, max: 18}",
        'ages: {min: 10, max: 18, strict: false, note: "predominantly"}',
    )
    site = _sites(project)["northshire"]
    assert "- **Ages:** 10 to 18 years (predominantly)" in site.pages["teams/ns-engage.md"]
    assert (
        'data-service="ns-engage" data-status="active" data-min="" data-max=""'
        in (site.pages["finder.md"])
    )
