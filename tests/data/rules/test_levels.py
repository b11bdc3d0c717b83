"""Levels of need are 1 to 4, listed once, and each is described in levels.yaml."""

from __future__ import annotations

SERVICES = "data/services.yaml"


def test_level_out_of_range(project, check):
    project.replace(SERVICES, "levels: [3, 4]", "levels: [3, 5]")
    line = project.line_of(SERVICES, "levels: [3, 5]")
    assert check(project) == (
        1, [f"{SERVICES}:{line}: ns-engage: level 5 does not exist (levels of need are 1 to 4)"]
    )  # fmt: skip


def test_level_listed_twice(project, check):
    project.replace(SERVICES, "levels: [3, 4]", "levels: [3, 3]")
    line = project.line_of(SERVICES, "levels: [3, 3]")
    assert check(project) == (1, [f"{SERVICES}:{line}: ns-engage: level 3 is listed twice"])


def test_level_not_described(project, check):
    text = project.path("data/levels.yaml").read_text()
    start = text.index("  - level: 3")
    end = text.index("  - level: 4")
    project.path("data/levels.yaml").write_text(text[:start] + text[end:])
    line = project.line_of(SERVICES, "levels: [3, 4]")
    assert check(project) == (
        1, [f"{SERVICES}:{line}: ns-engage: level 3 is not described in data/levels.yaml"]
    )  # fmt: skip


def test_level_defined_twice(project, check):
    project.replace("data/levels.yaml", "  - level: 3", "  - level: 2")
    line = project.line_of("data/levels.yaml", "level: 2", 2)
    status, lines = check(project)
    assert status == 1
    assert f"data/levels.yaml:{line}: level '2' is already defined at data/levels.yaml:" in lines[0]
