"""Gaps: facts a practitioner needs that no source gives yet, to fill before publishing.

Today one kind: a borough with no out-of-hours number. The gap is the data saying so (an
empty `out_of_hours`, with `out_of_hours_gap` giving the sources' word), so the site says it
where a practitioner looks at night, and `handbook review` lists it; adding the number to
`out_of_hours` closes the gap with no other change.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dataset import Dataset
from .model import Borough
from .problems import Location

NO_OUT_OF_HOURS = "no out-of-hours number"


@dataclass(frozen=True)
class Gap:
    borough_id: str
    location: Location
    what: str
    why: str | None  # what the sources say, if the data records it

    def message(self) -> str:
        why = f" {self.why}" if self.why else ""
        return (
            f"{self.borough_id}: gap to fill before publishing: {self.what} (add its contact to "
            f"'out_of_hours' when the council gives one).{why}"
        )


def out_of_hours_gap(dataset: Dataset, borough: Borough) -> Gap | None:
    if borough.out_of_hours:
        return None
    key = "out_of_hours_gap" if borough.out_of_hours_gap else "out_of_hours"
    return Gap(borough.id, dataset.locate(borough, key), NO_OUT_OF_HOURS, borough.out_of_hours_gap)


def gaps(dataset: Dataset) -> list[Gap]:
    found = [out_of_hours_gap(dataset, borough) for borough in dataset.boroughs]
    return sorted((gap for gap in found if gap), key=lambda gap: gap.location)
