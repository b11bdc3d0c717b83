"""Data values in plain words, as pages and change reports show them: ages and dates."""

from __future__ import annotations

from datetime import date

from .model import Ages

FRACTIONS = {0.25: "¼", 0.5: "½", 0.75: "¾"}


def years(value: float | str) -> str:
    """15.75 -> '15¾', 11.0 -> '11'."""
    if value == "unborn":
        return "unborn"
    whole, part = divmod(value, 1)
    if part in FRACTIONS:
        return f"{whole:g}{FRACTIONS[part]}"
    return f"{value:g}"


def age_range(ages: Ages | None) -> str:
    """'11 to 17 years', with how the source puts it: '11 to 17 years (predominantly, on
    admission)'."""
    if ages is None:
        return "Not stated in the guide"
    return _range(ages) + (f" ({ages.note})" if ages.note else "")


def _range(ages: Ages) -> str:
    low = "Before birth" if ages.min == "unborn" else None
    if ages.min is None:
        return f"Up to {years(ages.max)} years"
    if ages.max is None:
        return f"{low or years(ages.min) + ' years'} and over"
    return f"{low or years(ages.min)} to {years(ages.max)} years"


def long_date(day: date) -> str:
    """date(2026, 11, 3) -> '3 November 2026'."""
    return f"{day.day} {day:%B %Y}"


# A service's status as a practitioner reads it (Open Referral UK's statuses).
STATUS_WORDS = {
    "active": "open",
    "temporarily-closed": "temporarily closed",
    "inactive": "no longer running",
}


def page_title(text: str) -> str | None:
    """The title of a content page: its first line, '# Title'."""
    lines = text.lstrip().splitlines()
    if not lines or not lines[0].startswith("# "):
        return None
    return lines[0].removeprefix("# ").strip()
