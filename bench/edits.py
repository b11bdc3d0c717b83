"""The edit an incremental build is measured after: one phone number changed.

The commonest change to the handbook, and the one that matters most: a team's number. The
contact chosen belongs to one borough and is not its front door or out-of-hours number (those
appear on every page of the site), and its number is not written out in any content page,
so the change is one line of data/contacts.yaml and `handbook check` still passes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import phonenumbers

from handbook.data import phones
from handbook.data.dataset import load_dataset

from . import synthetic


def copy_real_project(target: Path) -> Path:
    """A copy of this repository's project (data, content, theme), safe to edit."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    synthetic.copy_project_files(target, ("data", "content", *synthetic.PROJECT_FILES))
    return target


def change_one_number(root: Path) -> tuple[str, str, str, str]:
    """Change one borough contact's number; (borough, contact id, old number, new number)."""
    dataset, _ = load_dataset(root)
    content = "\n".join(p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.md"))
    # Every digit in the content, run together: a number in it shows up as a substring.
    everywhere = re.sub(r"\D", "", content)
    for borough in dataset.boroughs:
        busy = {borough.front_door, *borough.out_of_hours}
        for contact in dataset.contacts:
            if contact.borough != borough.id or contact.id in busy or not contact.phone:
                continue
            digits = re.sub(r"\D", "", contact.phone)
            if len(digits) < 10 or digits[-6:] in everywhere:
                continue
            new = _another_number(contact.phone, {c.phone for c in dataset.contacts})
            _replace_phone(root / "data" / "contacts.yaml", contact.id, contact.phone, new)
            return borough.id, contact.id, contact.phone, new
    raise ValueError(f"no contact in {root} whose number can be changed")


def _another_number(number: str, taken: set[str]) -> str:
    """A valid number one step from `number`, written the same way, that no contact has."""
    parsed = phones.parse(number)
    for step in range(1, 100):
        candidate = phonenumbers.PhoneNumber(
            country_code=parsed.country_code, national_number=parsed.national_number + step
        )
        if not phonenumbers.is_valid_number(candidate):
            continue
        text = phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.NATIONAL)
        if text not in taken:
            phones.parse(text)  # raises if `handbook check` would not take it
            return text
    raise ValueError(f"no valid number near {number}")


def _replace_phone(path: Path, contact_id: str, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*- id: {contact_id}\s*$", line))
    for i in range(start + 1, len(lines)):
        if re.match(r"\s*- id:", lines[i]):
            break
        if re.match(r"\s*phone:", lines[i]) and old in lines[i]:
            lines[i] = lines[i].replace(old, new)
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise ValueError(f"{path}: no phone line for {contact_id}")
