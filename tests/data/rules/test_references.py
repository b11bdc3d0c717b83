"""Every reference resolves, and a service's contacts belong to its borough or are shared."""

from __future__ import annotations

import pytest

SERVICES = "data/services.yaml"
BOROUGHS = "data/boroughs.yaml"


def test_unknown_related_service(project, check):
    project.replace(SERVICES, "related: [ns-family-time]", "related: [ns-family]")
    line = project.line_of(SERVICES, "related: [ns-family]")
    assert check(project) == (
        1, [f"{SERVICES}:{line}: ns-engage: unknown service 'ns-family' (did you mean "
            "'ns-family-time'?)"],
    )  # fmt: skip


def test_unknown_section(project, check):
    project.replace(SERVICES, "section: teams", "section: team")
    line = project.line_of(SERVICES, "section: team")
    status, lines = check(project)
    assert lines == [
        f"{SERVICES}:{line}: ns-engage: unknown section of northshire (sections are listed in "
        "data/boroughs.yaml) 'team' (did you mean 'teams'?)"
    ]


def test_unknown_borough(project, check):
    project.replace(SERVICES, "borough: northshire", "borough: southshire")
    line = project.line_of(SERVICES, "southshire")
    status, lines = check(project)
    assert status == 1
    # Only the unknown borough: no knock-on complaints about its contacts or related services.
    assert lines == [
        f"{SERVICES}:{line}: ns-engage: unknown borough 'southshire' (did you mean 'northshire'?)"
    ]


def test_contact_from_another_borough(project, check):
    project.add_borough("southshire", "Southshire")
    project.replace(SERVICES, "contacts: [ns-duty]", "contacts: [ss-duty]")
    line = project.line_of(SERVICES, "contacts: [ss-duty]")
    assert check(project) == (
        1,
        [f"{SERVICES}:{line}: ns-engage: contact 'ss-duty' belongs to southshire, not "
         "northshire (use a contact of this borough or a shared one)"],
    )  # fmt: skip


def test_related_service_in_another_borough(project, check):
    project.add_borough("southshire", "Southshire")
    project.replace(
        SERVICES,
        "borough: northshire\n    name: Family Time",
        "borough: southshire\n    name: Family Time",
    )
    line = project.line_of(SERVICES, "related: [ns-family-time]")
    assert check(project) == (
        1,
        [f"{SERVICES}:{line}: ns-engage: related service 'ns-family-time' is in southshire, "
         "not northshire (link only to services of the same borough)"],
    )  # fmt: skip


def test_unknown_front_door(project, check):
    project.replace(BOROUGHS, "front_door: ns-duty", "front_door: ns-dooty")
    line = project.line_of(BOROUGHS, "ns-dooty")
    assert check(project) == (
        1, [f"{BOROUGHS}:{line}: northshire: unknown contact 'ns-dooty' (did you mean 'ns-duty'?)"]
    )  # fmt: skip


def test_unknown_who_will_help(project, check):
    project.replace("data/levels.yaml", "northshire: [ns-duty]", "northshire: [ns-help]")
    line = project.line_of("data/levels.yaml", "ns-help")
    status, lines = check(project)
    assert lines == [f"data/levels.yaml:{line}: level 4: unknown contact 'ns-help'"]


@pytest.mark.parametrize(
    "contact, service, message",
    [
        ("Northshire Out of Hours", "ns-engage",
         "ns-out-of-hours: service 'ns-engage' does not list this contact in its 'contacts' "
         "(add it there, or remove 'service' here)"),
        ("Northshire Duty Team", "ns-engag",
         "ns-duty: unknown service 'ns-engag' (did you mean 'ns-engage'?)"),
    ],
)  # fmt: skip
def test_direct_line_must_belong_to_a_service_that_lists_it(project, check, contact, service,
                                                             message):  # fmt: skip
    project.replace(
        "data/contacts.yaml",
        f"    name: {contact}\n",
        f"    name: {contact}\n    service: {service}\n",
    )
    line = project.line_of("data/contacts.yaml", f"service: {service}")
    assert check(project) == (1, [f"data/contacts.yaml:{line}: {message}"])
