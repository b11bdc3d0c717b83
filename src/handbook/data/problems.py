"""A problem found in the data: one small value per fault, printed as one line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

# A note says what was not checked and why; it never fails a run on its own.
Level = Literal["error", "warning", "note"]


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int
    column: int = 1


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str
    rule: str = "schema"
    level: Level = "error"

    def format_plain(self) -> str:
        loc = self.location
        prefix = "" if self.level == "error" else f"{self.level}: "
        return f"{loc.path}:{loc.line}: {prefix}{self.message}"

    def format_github(self) -> str:
        loc = self.location
        # GitHub workflow commands treat %, \r and \n specially in the message.
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        kind = "notice" if self.level == "note" else self.level
        return f"::{kind} file={loc.path},line={loc.line},col={loc.column}::{message}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.level == "error" for p in problems)


def as_errors(problems: Iterable[Problem]) -> list[Problem]:
    """`--strict`: every warning (an overdue review) counts as an error."""
    return [replace(p, level="error") if p.level == "warning" else p for p in problems]
