"""Areas without a site, boroughs' own level names and the out-of-hours gap resolve."""

from __future__ import annotations

BOROUGHS = "data/boroughs.yaml"
CONTACTS = "data/contacts.yaml"
LEVELS = "data/levels.yaml"
SERVICES = "data/services.yaml"


def _area(project, name: str, front_door: str) -> None:
    project.replace(
        BOROUGHS,
        "boroughs:\n",
        f"other_areas:\n  - name: {name}\n    front_door: {front_door}\nboroughs:\n",
    )


def test_an_area_whose_front_door_is_not_a_contact(project, check):
    _area(project, "Eastshire", "ns-dut")
    line = project.line_of(BOROUGHS, "front_door: ns-dut")
    assert check(project) == (
        1,
        [f"{BOROUGHS}:{line}: Eastshire: unknown contact 'ns-dut' (did you mean 'ns-duty'?)"],
    )


def test_an_area_whose_front_door_is_a_boroughs_contact(project, check):
    _area(project, "Eastshire", "ns-duty")
    line = project.line_of(BOROUGHS, "front_door: ns-duty")
    assert check(project) == (
        1,
        [
            f"{BOROUGHS}:{line}: Eastshire: its front door 'ns-duty' belongs to northshire (an "
            "area with no site uses a shared contact)"
        ],
    )


def test_a_borough_listed_as_an_area_without_a_site(project, check):
    _area(project, "Northshire", "shared-police")
    line = project.line_of(BOROUGHS, "name: Northshire")
    status, lines = check(project)
    assert (
        f"{BOROUGHS}:{line}: Northshire is a borough with a site (remove it from 'other_areas')"
        in lines
    )


def test_a_local_name_for_an_unknown_borough(project, check):
    project.replace(
        LEVELS,
        "    name: Early help\n",
        "    name: Early help\n    local_names:\n      northshir: Universal Plus\n",
    )
    line = project.line_of(LEVELS, "northshir:")
    assert check(project) == (
        1,
        [
            f"{LEVELS}:{line}: level 2: unknown borough 'northshir' in 'local_names' (did you mean "
            "'northshire'?)"
        ],
    )


def test_the_gap_note_goes_once_there_is_a_number(project, check):
    project.replace(
        BOROUGHS,
        "    out_of_hours: [ns-out-of-hours]\n",
        "    out_of_hours: [ns-out-of-hours]\n    out_of_hours_gap: None known.\n",
    )
    line = project.line_of(BOROUGHS, "out_of_hours_gap")
    assert check(project) == (
        1,
        [
            f"{BOROUGHS}:{line}: northshire: 'out_of_hours' now lists a number, so remove "
            "'out_of_hours_gap'"
        ],
    )


def test_a_loose_age_range_says_how_the_source_gives_it(project, check):
    project.replace(SERVICES, "ages: {min: 10, max: 18}", "ages: {min: 10, max: 18, strict: false}")
    line = project.line_of(SERVICES, "strict: false")
    assert check(project) == (
        1,
        [
            f"{SERVICES}:{line}: ns-engage: 'ages' with 'strict: false' needs a 'note' saying how "
            "the source gives the range"
        ],
    )
