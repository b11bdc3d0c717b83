"""Gaps: facts a practitioner needs that no source gives yet, to fill before publishing.

Each gap is the data saying so, and the site says it where a reader looks:

- no out-of-hours number: an empty `out_of_hours`, with `out_of_hours_gap` giving the sources'
  word; the home page and Who to call say what to do instead;
- no licence for the open data: no `open_data_licence` on the borough; the open data and
  every page's footer say the licence is not yet stated;
- nowhere to report a problem: no `content_owner` on the borough and no `repository` for the
  guide; each page's "Report a problem" then leads to Who to call, which says so.

`handbook review` lists them; filling in the field closes the gap with no other change.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dataset import Dataset
from .model import Borough
from .problems import Location

NO_OUT_OF_HOURS = "no out-of-hours number"
NO_LICENCE = "no licence for its open data"
NO_REPORT_ADDRESS = "nowhere to report a problem with its pages"


@dataclass(frozen=True)
class Gap:
    borough_id: str
    location: Location
    what: str
    why: str | None  # what the sources say, if the data records it
    fix: str = "add its contact to 'out_of_hours' when the council gives one"

    def message(self) -> str:
        why = f" {self.why}" if self.why else ""
        return f"{self.borough_id}: gap to fill before publishing: {self.what} ({self.fix}).{why}"


def out_of_hours_gap(dataset: Dataset, borough: Borough) -> Gap | None:
    if borough.out_of_hours:
        return None
    key = "out_of_hours_gap" if borough.out_of_hours_gap else "out_of_hours"
    return Gap(borough.id, dataset.locate(borough, key), NO_OUT_OF_HOURS, borough.out_of_hours_gap)


def licence_gap(dataset: Dataset, borough: Borough) -> Gap | None:
    if borough.open_data_licence is not None:
        return None
    fix = (
        "add 'open_data_licence' with the licence's name and url when the council has chosen "
        "one; until then the open data says the licence is not yet stated"
    )
    return Gap(borough.id, dataset.locate(borough, "id"), NO_LICENCE, None, fix)


def report_gap(dataset: Dataset, borough: Borough) -> Gap | None:
    if borough.content_owner or dataset.repository:
        return None
    fix = (
        "add the borough's 'content_owner' email address, or the guide's 'repository' at the "
        "top of data/boroughs.yaml; until then 'Report a problem with this page' leads to "
        "Who to call"
    )
    return Gap(borough.id, dataset.locate(borough, "id"), NO_REPORT_ADDRESS, None, fix)


KINDS = (out_of_hours_gap, licence_gap, report_gap)


def gaps(dataset: Dataset) -> list[Gap]:
    found = [kind(dataset, borough) for borough in dataset.boroughs for kind in KINDS]
    return sorted((gap for gap in found if gap), key=lambda gap: (gap.location, gap.what))
