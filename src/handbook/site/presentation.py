"""Small formatting functions the templates use as filters: words, not logic."""

from __future__ import annotations

from datetime import date

from ..data import phones
from ..data.clock import build_date
from ..data.model import Entry
from ..data.reviews import is_overdue, next_review
from ..data.words import age_range, long_date, years
from . import vocabulary
from .finder import age_ends


def level_list(levels: list[int], names: dict[int, str]) -> str:
    """'3 (Child in Need) and 4 (Child Protection)', with the names data/levels.yaml gives."""
    words = [f"{n} ({names[n]})" if n in names else str(n) for n in sorted(levels)]
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


def review_note(entry: Entry) -> str:
    """'Last reviewed on 23 November 2026, next review due 23 May 2027.', or what is known."""
    due = next_review(entry)
    parts = [f"last reviewed on {long_date(entry.last_reviewed)}"] if entry.last_reviewed else []
    parts += [f"next review due {long_date(due)}"] if due else []
    text = ", ".join(parts)
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def has_passed(day: date) -> bool:
    """Whether a day is before the build date (a closure's `until`, for one)."""
    return day < build_date()


FILTERS = {
    "tag_label": vocabulary.label,
    "phone": phones.national,
    "tel": phones.tel_uri,
    "years": years,
    "age_range": age_range,
    "age_ends": age_ends,
    "level_list": level_list,
    "route_words": route_words,
    "long_date": long_date,
    "review_note": review_note,
    "next_review": next_review,
    "review_overdue": is_overdue,
    "has_passed": has_passed,
}
