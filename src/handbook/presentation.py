"""Small formatting functions the templates use as filters: words, not logic."""

from __future__ import annotations

from datetime import date

from . import phones, vocabulary
from .model import Ages, Entry
from .reviews import is_overdue, next_review
from .search import number_forms

LEVEL_NAMES = {
    1: "universal",
    2: "early help",
    3: "child in need",
    4: "child protection",
}


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
    if ages is None:
        return "Not stated in the guide"
    low = "Before birth" if ages.min == "unborn" else None
    if ages.min is None:
        return f"Up to {years(ages.max)} years"
    if ages.max is None:
        return f"{low or years(ages.min) + ' years'} and over"
    return f"{low or years(ages.min)} to {years(ages.max)} years"


def level_list(levels: list[int]) -> str:
    """'3 (child in need) and 4 (child protection)'."""
    words = [f"{n} ({LEVEL_NAMES.get(n, '?')})" for n in sorted(levels)]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def route_words(route: str) -> str:
    return {
        "phone": "by phone",
        "email": "by email",
        "online-form": "online form",
        "self-referral": "self-referral",
        "via-social-worker": "through the allocated social worker",
        "via-cads": "through CADS",
        "via-mash": "through the Request for Support Hub (MASH)",
        "panel": "through a panel",
        "drop-in": "drop-in",
        "court-order": "by court order",
        "automatic": "automatic (no referral needed)",
    }.get(route, route)


def long_date(day: date) -> str:
    """date(2026, 11, 3) -> '3 November 2026'."""
    return f"{day.day} {day:%B %Y}"


def review_note(entry: Entry) -> str:
    """'Last reviewed on 23 November 2026, next review due 23 May 2027.', or what is known."""
    due = next_review(entry)
    parts = [f"last reviewed on {long_date(entry.last_reviewed)}"] if entry.last_reviewed else []
    parts += [f"next review due {long_date(due)}"] if due else []
    text = ", ".join(parts)
    return f"{text[:1].upper()}{text[1:]}." if text else ""


FILTERS = {
    "number_forms": number_forms,
    "tag_label": vocabulary.label,
    "phone": phones.national,
    "tel": phones.tel_uri,
    "years": years,
    "age_range": age_range,
    "level_list": level_list,
    "route_words": route_words,
    "long_date": long_date,
    "review_note": review_note,
    "next_review": next_review,
    "review_overdue": is_overdue,
}
