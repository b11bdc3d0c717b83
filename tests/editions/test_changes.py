"""The comparison behind What's changed and `handbook changes`: snapshots of old and new data."""

from __future__ import annotations

from datetime import date

from handbook.data.validate import check
from handbook.editions import changes
from handbook.editions.edition import Edition
from handbook.site.render import render_borough


def _snapshot(project):
    dataset, problems = check(project.root)
    assert [p for p in problems if p.level == "error"] == []
    return dataset, changes.snapshot(dataset, "northshire")


def _close_family_time(project):
    project.replace(
        "data/services.yaml",
        "    name: Family Time\n",
        "    name: Family Time\n    status: temporarily-closed\n"
        "    alert: Closed while the team moves.\n    until: 2027-01-31\n",
    )


def test_a_snapshot_from_before_statuses_means_every_service_was_open(project):
    _, old = _snapshot(project)
    for service in old["services"].values():  # as published before services had a status
        for field in changes.STATUS_FIELDS:
            del service[field]
    del old["pages"], old["name"]
    _close_family_time(project)
    _, new = _snapshot(project)
    result = changes.compare(old, new, "1.0", "2.0")
    assert result["services_closed"] == [{
        "id": "ns-family-time", "name": "Family Time", "status": "temporarily-closed",
        "old": "open", "new": "temporarily closed", "until": "31 January 2027",
        "alert": "Closed while the team moves.",
    }]  # fmt: skip
    # The notice and date belong to the closure; an old snapshot has no pages to compare.
    assert result["services_changed"] == []
    assert "pages_changed" not in result
    assert changes.has_changes(result)


def test_unchanged_data_has_no_changes(project):
    _, old = _snapshot(project)
    _, new = _snapshot(project)
    assert not changes.has_changes(changes.compare(old, new, "1.0", "2.0"))


def test_whats_changed_page_opens_with_the_front_door_and_lists_closures(project):
    _, old = _snapshot(project)
    project.replace("data/contacts.yaml", '"01254 666400"', '"01254 666500"')
    _close_family_time(project)
    dataset, new = _snapshot(project)
    result = changes.compare(old, new, "1.0", None)
    edition = Edition(None, date(2027, 1, 1), date(2027, 1, 1))
    page = render_borough(dataset, "northshire", edition, result).pages["whats-changed.md"]
    assert page.index('!!! warning "Front door and out of hours: a number changed"') < page.index(
        "## Numbers and addresses"
    )
    assert (
        "    - **Front door**, Northshire Duty Team: phone number was 01254 666400, now "
        "**01254 666500**"
    ) in page
    assert (
        "## Services closed\n\n- [Family Time](teams/ns-family-time.md): was open, now "
        "temporarily closed until 31 January 2027. Closed while the team moves.\n"
    ) in page
