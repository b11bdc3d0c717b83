"""What a pull request changes, in words: plain text for a terminal, Markdown for a pull
request comment or CI's job summary. The order is the What's changed page's
(changes.SECTIONS): a changed front-door or out-of-hours number opens the summary.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import changes as changes_module

if TYPE_CHECKING:  # pull_request prints with this module
    from .pull_request import BoroughChanges, Report

NO_CHANGE = "No change a practitioner would see"
RING = "ring each new number before you approve"
TABLES = {"contacts_changed": "Contact", "services_changed": "Service"}
STATUSES = ("services_closed", "services_reopened")
BOROUGH_CHANGES = {
    "added": "a new borough: its whole guide is new",
    "removed": "this change removes the borough: its guide will no longer be built",
}


def plain(report: Report) -> str:
    base = _base(report, str)
    lines = [f"What a practitioner will see differently, from {base} to this change:", ""]
    notes = _notes(report, base)
    lines += [*(f"Note: {note}" for note in notes), ""] if notes else []
    urgent = _urgent(report)
    if urgent:
        lines += [f"FRONT DOOR OR OUT-OF-HOURS NUMBER CHANGED: {RING}.",
                  *(f"  {name}: {_urgent_plain(c)}" for name, c in urgent), ""]  # fmt: skip
    changed, unchanged = _split(report)
    for borough in changed:
        lines.append(_heading_plain(borough))
        for key, title in _sections(borough):
            lines.append(f"  {title}:")
            lines += [f"    {line}" for line in _items_plain(key, borough)]
        lines.append("")
    lines += _no_change(unchanged, changed, str)
    return "\n".join(lines).rstrip("\n") + "\n"


def markdown(report: Report) -> str:
    base = _base(report, _code)
    lines = ["### What a practitioner will see differently", "", f"Compared with {base}.", ""]
    lines += [f"> [!WARNING]\n> {note}\n" for note in _notes(report, base)]
    urgent = _urgent(report)
    if urgent:
        lines += [
            "> [!CAUTION]",
            f"> **A front door or out-of-hours number changed**: {RING}.",
            ">",
            "> | Borough | Line | Contact | What changed | Was | Now |",
            "> | --- | --- | --- | --- | --- | --- |",
            *(f"> | {_text(name)} | {c['role']} | {_text(c['name'])} | {c['what']} | "
              f"{_cell(c['old'])} | **{_cell(c['new'])}** |" for name, c in urgent),
            "",
        ]  # fmt: skip
    changed, unchanged = _split(report)
    for borough in changed:
        lines += [f"#### {_text(borough.changes['name'])}", "", _owners_markdown(borough), ""]
        if borough.changes["borough_change"]:
            lines += [f"**{_capital(BOROUGH_CHANGES[borough.changes['borough_change']])}.**", ""]
        for key, title in _sections(borough):
            lines += [f"**{title}**", "", *_items_markdown(key, borough), ""]
    lines += _no_change(unchanged, changed, _text)
    return "\n".join(lines).rstrip("\n") + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {"plain": plain, "markdown": markdown}


def _base(report: Report, code: Callable[[str], str]) -> str:
    """'the merge base with main (1a2b3c4)' or 'HEAD~1 (1a2b3c4)'."""
    where = f"the merge base with {code(report.base)}" if report.merge_base else code(report.base)
    return f"{where} ({code(report.commit)})"


def _notes(report: Report, base: str) -> list[str]:
    """Data that could not be read whole: what the comparison leaves out, and why."""
    left_out = "its entries with errors are left out of this comparison"
    notes = []
    if report.base_errors is None:
        notes.append(f"There is no data/ at {base}: every borough is new.")
    elif report.base_errors:
        notes.append(f"The data at {base} has {_count(report.base_errors, 'error')} "
                     f"(`handbook check` on that commit lists them); {left_out}.")  # fmt: skip
    if report.change_errors:
        notes.append(f"The data in this change has {_count(report.change_errors, 'error')} "
                     f"(`handbook check` lists them); {left_out}.")  # fmt: skip
    return notes


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _urgent_plain(change: dict) -> str:
    what = "" if change["field"] == "contact" else f", {change['name']}, {change['what'].lower()}"
    return f"{change['role'].lower()}{what}: {_plain(change['old'])} -> {_plain(change['new'])}"


def _urgent(report: Report) -> list[tuple[str, dict]]:
    """Every front-door and out-of-hours change, borough by borough, as the summary opens."""
    return [
        (borough.changes["name"], change)
        for borough in report.boroughs
        for change in borough.changes.get(changes_module.URGENT, [])
    ]


def _split(report: Report) -> tuple[list[BoroughChanges], list[BoroughChanges]]:
    changed = [b for b in report.boroughs if _visible(b)]
    return changed, [b for b in report.boroughs if not _visible(b)]


def _visible(borough: BoroughChanges) -> bool:
    return bool(borough.changes["borough_change"]) or changes_module.has_changes(borough.changes)


def _sections(borough: BoroughChanges) -> list[tuple[str, str]]:
    """The borough's sections that have changes. Its urgent changes opened the summary; of
    those, only a change of which contact is the front door is not also under its contact."""
    return [(key, title) for key, title in changes_module.SECTIONS if _items(borough, key)]


def _items(borough: BoroughChanges, key: str) -> list[dict]:
    items = borough.changes.get(key) or []
    if key == changes_module.URGENT:
        return [change for change in items if change["field"] == "contact"]
    return items


def _no_change(unchanged: list[BoroughChanges], changed: list, show) -> list[str]:
    if not changed:
        return [f"{NO_CHANGE}."]
    if not unchanged:
        return []
    names = ", ".join(show(b.changes["name"]) for b in unchanged)
    return [f"{NO_CHANGE} in {names}."]


def _heading_plain(borough: BoroughChanges) -> str:
    heading = borough.changes["name"]
    if borough.owners:
        heading += f" (approved by {', '.join(borough.owners)})"
    if borough.new_owners is not None:
        heading += f"; this change makes the owners {', '.join(borough.new_owners) or 'none'}"
    if borough.changes["borough_change"]:
        heading += f": {BOROUGH_CHANGES[borough.changes['borough_change']]}"
    return heading


def _owners_markdown(borough: BoroughChanges) -> str:
    line = (
        f"Approved by {', '.join(map(_code, borough.owners))}."
        if borough.owners
        else "No owners are named for this borough in `data/boroughs.yaml`."
    )
    if borough.new_owners is not None:
        owners = ", ".join(map(_code, borough.new_owners)) or "none"
        line += f" This change makes the owners {owners}."
    return line


def _role(borough: BoroughChanges, change: dict) -> str:
    """' (front door)' after a contact that is one of the borough's urgent lines."""
    roles = {c["id"]: c["role"] for c in borough.changes.get(changes_module.URGENT, [])}
    return f" ({roles[change['id']].lower()})" if change.get("urgent") else ""


def _items_plain(key: str, borough: BoroughChanges) -> list[str]:
    items = _items(borough, key)
    if key == changes_module.URGENT:
        return [_capital(_urgent_plain(c)) for c in items]
    if key in TABLES:
        return [
            f"{c['name']}{_role(borough, c)}, {c['what'].lower()}: "
            f"{_plain(c['old'])} -> {_plain(c['new'])}"
            for c in items
        ]
    if key in STATUSES:
        return [f"{c['name']}: {_status(c, str)}" for c in items]
    return [f"{c['name']}{_added_status(c)}" for c in items]


def _items_markdown(key: str, borough: BoroughChanges) -> list[str]:
    items = _items(borough, key)
    if key == changes_module.URGENT:
        return [f"- {c['role']}: was {_cell(c['old'])}, now **{_cell(c['new'])}**" for c in items]
    if key in TABLES:
        rows = [f"| {TABLES[key]} | What changed | Was | Now |", "| --- | --- | --- | --- |"]
        for c in items:
            name = f"**{_text(c['name'])}**{_role(borough, c)}" if c.get("urgent") \
                else _text(c["name"])  # fmt: skip
            rows.append(f"| {name} | {c['what']} | {_cell(c['old'])} | {_cell(c['new'])} |")
        return rows
    if key in STATUSES:
        return [f"- {_text(c['name'])}: {_status(c, _text)}" for c in items]
    return [f"- {_text(c['name'])}{_added_status(c)}" for c in items]


def _status(change: dict, show: Callable[[str], str]) -> str:
    """'was open, now temporarily closed until 31 January 2027. Notice: ...' (the notice
    written as the editor wrote it, through `show`)."""
    words = f"was {change['old']}, now {change['new']}"
    if change.get("until"):
        words += f" until {change['until']}"
    return words + (f". Notice: {show(change['alert'])}" if change.get("alert") else "")


def _added_status(item: dict) -> str:
    return f" ({item['status']})" if item.get("status") else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain(value: str | None) -> str:
    return " ".join(value.split()) if value else "(none)"


def _text(value: str) -> str:
    """Data as Markdown text that shows as written: every punctuation mark escaped, so a
    name can make no link, list, heading or HTML in the comment."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(value.split()))


def _cell(value: str | None) -> str:
    """A value in a table cell, as code: exactly as written, never rendered as Markdown."""
    return _code(value.replace("|", "\\|")) if value else "(none)"


def _code(value: str) -> str:
    text = " ".join(value.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
