"""When each service and contact must next be checked against its source, and which are late.

As in GOV.UK's tech-docs (`last_reviewed_on` + `review_in`): an entry records the day it was
last checked (`last_reviewed`) and how often to check it (`review_every_months`), or the day
it must be checked by (`review_by`, which wins when both are given). "Today" is the build
date, so that SOURCE_DATE_EPOCH gives the same answer on every machine.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from .clock import build_date
from .dataset import Dataset
from .gaps import gaps
from .model import Entry
from .problems import Location, Problem

KINDS = ("services", "contacts")  # the entries a practitioner acts on
SOON_DAYS = 30


@dataclass(frozen=True)
class Review:
    """One entry's review: where to update it, when it was last done and when it is due."""

    entry_id: str
    location: Location
    last_reviewed: date | None
    due: date | None

    def is_overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today

    def message(self, today: date) -> str:
        if self.due is None:
            return (
                f"{self.entry_id}: no review date (add 'last_reviewed' and "
                "'review_every_months', or 'review_by')"
            )
        last = f"last reviewed {self.last_reviewed}" if self.last_reviewed else "never reviewed"
        if self.is_overdue(today):
            return f"{self.entry_id}: review overdue since {self.due} ({last})"
        return f"{self.entry_id}: review due on {self.due} ({last})"


def next_review(entry: Entry) -> date | None:
    """The day `entry` must next be checked, or None where it does not say."""
    if entry.review_by is not None:
        return entry.review_by
    if entry.last_reviewed is None or entry.review_every_months is None:
        return None
    return add_months(entry.last_reviewed, entry.review_every_months)


def is_overdue(entry: Entry, today: date | None = None) -> bool:
    due = next_review(entry)
    return due is not None and due < (today or build_date())


def add_months(day: date, months: int) -> date:
    """31 January + 1 month is 28 (or 29) February: the month's last day, not March."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reviews(dataset: Dataset) -> Iterator[Review]:
    for kind in KINDS:
        for entry in getattr(dataset, kind):
            yield _review(dataset, entry)


def _review(dataset: Dataset, entry: Entry) -> Review:
    return Review(entry.id, _where(dataset, entry), entry.last_reviewed, next_review(entry))


def to_do(
    dataset: Dataset, within_days: int = SOON_DAYS, today: date | None = None
) -> list[Review]:
    """Reviews overdue or due within `within_days`, soonest first, then entries with no date."""
    horizon = (today or build_date()) + timedelta(days=within_days)
    every = list(reviews(dataset))
    dated = [r for r in every if r.due is not None and r.due <= horizon]
    undated = [r for r in every if r.due is None]
    return sorted(dated, key=lambda r: (r.due, r.location)) + sorted(
        undated, key=lambda r: r.location
    )


def check(dataset: Dataset, today: date | None = None) -> Iterator[Problem]:
    """The rule: a warning for every overdue entry (`--strict` makes it an error)."""
    today = today or build_date()
    for kind in KINDS:
        for entry in getattr(dataset, kind):
            if is_overdue(entry, today):  # located only then: most entries are not
                review = _review(dataset, entry)
                yield Problem(review.location, review.message(today), "reviews", "warning")


def _where(dataset: Dataset, entry: Entry) -> Location:
    """The line an editor changes after checking the entry: the date that set the due day."""
    for field in ("review_by", "last_reviewed"):
        if getattr(entry, field) is not None:
            return dataset.locate(entry, field)
    return dataset.locate(entry)


def report(
    dataset: Dataset, within_days: int = SOON_DAYS, today: date | None = None
) -> tuple[list[str], str]:
    """`handbook review`: one `path:line: message` line per review to do and per gap to fill
    before publishing (a number no source gives), and a closing line."""
    today = today or build_date()
    due = to_do(dataset, within_days, today)
    lines = [f"{r.location.path}:{r.location.line}: {r.message(today)}" for r in due]
    missing = gaps(dataset)
    lines += [f"{g.location.path}:{g.location.line}: {g.message()}" for g in missing]
    late = sum(r.is_overdue(today) for r in due)
    undated = sum(r.due is None for r in due)
    summary = (
        f"{late} overdue, {len(due) - late - undated} due within {within_days} days, "
        f"{undated} with no review date (as of {today})."
    )
    if missing:
        summary += f" {len(missing)} gap(s) to fill before publishing."
    return lines, summary
