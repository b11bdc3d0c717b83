"""Age ranges make sense: min <= max, from 0 (or unborn) to 25 years."""

from __future__ import annotations

from collections.abc import Iterator

from ..dataset import Dataset
from ..problems import Problem

OLDEST = 25


def check(dataset: Dataset) -> Iterator[Problem]:
    for service in dataset.services:
        ages = service.ages
        if ages is None:
            continue
        for end in ("min", "max"):
            value = getattr(ages, end)
            if value not in (None, "unborn") and not 0 <= value <= OLDEST:
                yield Problem(
                    dataset.locate(service, "ages", end),
                    f"{service.id}: age {end} {value:g} is outside 0 to {OLDEST} years",
                    "ages",
                )
        if None not in (ages.min, ages.max) and ages.min != "unborn" and ages.min > ages.max:
            yield Problem(
                dataset.locate(service, "ages"),
                f"{service.id}: age range is reversed: min {ages.min:g} is more than "
                f"max {ages.max:g} (swap them)",
                "ages",
            )
