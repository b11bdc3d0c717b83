"""A temporary closure says when it ends, and that day has not passed unnoticed.

`until` is the day a temporarily closed service is expected to reopen. Once it has passed,
the service's page still says it is closed: a warning asks the editor to reopen it or give
the new date. `until` on a service that is not temporarily closed means nothing on the site:
a warning too, so that a half-finished edit is noticed. "Today" is the build date
(SOURCE_DATE_EPOCH fixes it), as for review dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..clock import build_date
from ..dataset import Dataset
from ..problems import Problem
from ..words import long_date

CLOSED = "temporarily-closed"

PASSED = (
    "{id}: the closure was expected to end on {until} ('until' has passed): if the service has "
    "reopened, set 'status: active' and remove 'until' and 'alert'; if not, set 'until' to the "
    "new date"
)
NOT_CLOSED = (
    "{id}: 'until' is only for a temporarily closed service (set 'status: temporarily-closed', "
    "or remove 'until')"
)


def check(dataset: Dataset, today: date | None = None) -> Iterator[Problem]:
    today = today or build_date()
    for service in dataset.services:
        if service.until is None:
            continue
        if service.status != CLOSED:
            message = NOT_CLOSED.format(id=service.id)
        elif service.until < today:
            message = PASSED.format(id=service.id, until=long_date(service.until))
        else:
            continue
        yield Problem(dataset.locate(service, "until"), message, "closures", "warning")
