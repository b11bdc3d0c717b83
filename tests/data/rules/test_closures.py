"""A temporary closure's `until`: a warning once the day has passed, or on an open service."""

from __future__ import annotations

from datetime import date

import pytest

from ..test_reviews import today_is

SERVICES = "data/services.yaml"


def close(project, extra: str) -> None:
    project.replace(
        SERVICES,
        "    source: test fixture\n",
        f"    status: temporarily-closed\n{extra}    source: test fixture\n",
    )


def test_a_closure_whose_until_has_passed_is_a_warning_at_its_line(project, check, monkeypatch):
    close(project, "    alert: Closed while the team moves.\n    until: 2027-01-31\n")
    today_is(monkeypatch, date(2027, 2, 1))
    line = project.line_of(SERVICES, "until: 2027-01-31")
    assert check(project) == (
        0,
        [f"{SERVICES}:{line}: warning: ns-engage: the closure was expected to end on "
         "31 January 2027 ('until' has passed): if the service has reopened, set 'status: "
         "active' and remove 'until' and 'alert'; if not, set 'until' to the new date"],
    )  # fmt: skip


@pytest.mark.parametrize("today", [date(2027, 1, 31), date(2026, 12, 1)])
def test_a_closure_until_today_or_later_is_fine(project, check, monkeypatch, today):
    close(project, "    until: 2027-01-31\n")
    today_is(monkeypatch, today)
    assert check(project) == (0, [])


def test_a_passed_until_is_an_error_with_strict(project, check, monkeypatch):
    close(project, "    until: 2027-01-31\n")
    today_is(monkeypatch, date(2027, 3, 1))
    status, lines = check(project, "--strict")
    assert status == 1
    assert any("ns-engage: the closure was expected to end on 31 January 2027" in x for x in lines)


@pytest.mark.parametrize("status", ["", "    status: active\n", "    status: inactive\n"])
def test_until_on_a_service_that_is_not_temporarily_closed_is_a_warning(
    project, check, monkeypatch, status
):
    project.replace(
        SERVICES,
        "    source: test fixture\n",
        f"{status}    until: 2030-01-31\n    source: test fixture\n",
    )
    today_is(monkeypatch, date(2027, 1, 1))
    line = project.line_of(SERVICES, "until: 2030-01-31")
    assert check(project) == (
        0,
        [f"{SERVICES}:{line}: warning: ns-engage: 'until' is only for a temporarily closed "
         "service (set 'status: temporarily-closed', or remove 'until')"],
    )  # fmt: skip


def test_a_closure_with_no_until_needs_none(project, check):
    close(project, "    alert: Closed for now.\n")
    assert check(project) == (0, [])
