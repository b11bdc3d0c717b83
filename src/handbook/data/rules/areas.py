"""The areas and their names resolve: other areas' front doors, boroughs' own level names,
and the out-of-hours gap, which says why there is no number only while there is none."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..dataset import Dataset
from ..model import SHARED
from ..problems import Problem

RULE = "areas"


def check(dataset: Dataset) -> Iterator[Problem]:
    contacts = dataset.by_id("contacts")
    known_contacts = dataset.raw_ids.get("contacts", set())
    boroughs = dataset.raw_ids.get("boroughs", set())
    names = {b.name.casefold() for b in dataset.boroughs}
    for area in dataset.other_areas:
        where = dataset.locate(area, "front_door")
        contact = contacts.get(area.front_door)
        if area.front_door not in known_contacts:
            yield Problem(
                where,
                f"{area.name}: unknown contact '{area.front_door}'"
                f"{_hint(area.front_door, known_contacts)}",
                RULE,
            )
        elif contact is not None and contact.borough != SHARED:
            yield Problem(
                where,
                f"{area.name}: its front door '{contact.id}' belongs to "
                f"{contact.borough} (an area with no site uses a shared contact)",
                RULE,
            )
        if area.name.casefold() in names:
            yield Problem(
                dataset.locate(area, "name"),
                f"{area.name} is a borough with a site (remove it from 'other_areas')",
                RULE,
            )
    for level in dataset.levels:
        for borough_id in level.local_names:
            if borough_id not in boroughs:
                yield Problem(
                    dataset.locate(level, "local_names", borough_id),
                    f"level {level.level}: unknown borough '{borough_id}' in 'local_names'"
                    f"{_hint(borough_id, boroughs)}",
                    RULE,
                )
    for borough in dataset.boroughs:
        if borough.out_of_hours and borough.out_of_hours_gap:
            yield Problem(
                dataset.locate(borough, "out_of_hours_gap"),
                f"{borough.id}: 'out_of_hours' now lists a number, so remove 'out_of_hours_gap'",
                RULE,
            )


def _hint(value: str, known: set[str]) -> str:
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
