"""Age ranges: min <= max, 0 (or unborn) to 25, decimals allowed, one end may be open."""

from __future__ import annotations

import pytest

SERVICES = "data/services.yaml"


def test_reversed_range(project, check):
    project.replace(SERVICES, "{min: 10, max: 18}", "{min: 18, max: 10}")
    line = project.line_of(SERVICES, "min: 18")
    assert check(project) == (
        1,
        [f"{SERVICES}:{line}: ns-engage: age range is reversed: min 18 is more than max 10 "
         "(swap them)"],
    )  # fmt: skip


@pytest.mark.parametrize(
    "ages, message",
    [
        ("{min: 10, max: 26}", "age max 26 is outside 0 to 25 years"),
        ("{min: -1, max: 18}", "age min -1 is outside 0 to 25 years"),
    ],
)
def test_out_of_range(project, check, ages, message):
    project.replace(SERVICES, "{min: 10, max: 18}", ages)
    line = project.line_of(SERVICES, ages)
    assert check(project) == (1, [f"{SERVICES}:{line}: ns-engage: {message}"])


@pytest.mark.parametrize(
    "ages", ["{min: 15.75, max: 25}", "{min: unborn, max: 0}", "{min: 15.75}", "{max: 25}"]
)
def test_allowed_ranges(project, check, ages):
    project.replace(SERVICES, "{min: 10, max: 18}", ages)
    assert check(project) == (0, [])


def test_max_cannot_be_unborn(project, check):
    project.replace(SERVICES, "{min: 10, max: 18}", "{min: 0, max: unborn}")
    assert check(project) == (
        1,
        [f"{SERVICES}:{project.line_of(SERVICES, 'max: unborn')}: "
         "ns-engage: 'max' must be an age in years, e.g. 16 (got 'unborn')"],
    )  # fmt: skip


def test_empty_range_is_an_error(project, check):
    project.replace(SERVICES, "{min: 10, max: 18}", "{}")
    line = project.line_of(SERVICES, "ages: {}")
    assert check(project) == (
        1,
        [f"{SERVICES}:{line}: ns-engage: 'ages' needs 'min', 'max' or both "
         "(leave 'ages' out if unknown)"],
    )  # fmt: skip
