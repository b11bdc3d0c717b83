"""Levels of need are 1 to 4, listed once, and defined in levels.yaml."""

from __future__ import annotations

from collections.abc import Iterator

from ..dataset import Dataset
from ..problems import Problem

LEVELS = (1, 2, 3, 4)


def check(dataset: Dataset) -> Iterator[Problem]:
    for level in dataset.levels:
        if level.level not in LEVELS:
            yield Problem(
                dataset.locate(level, "level"),
                f"level {level.level} does not exist (levels of need are 1 to 4)",
                "levels",
            )
    for service in dataset.services:
        for index, value in enumerate(service.levels):
            if value not in LEVELS:
                message = f"{service.id}: level {value} does not exist (levels of need are 1 to 4)"
            elif service.levels.index(value) != index:
                message = f"{service.id}: level {value} is listed twice"
            else:
                continue  # located only when at fault: most levels are not
            yield Problem(dataset.locate(service, "levels", index), message, "levels")
