"""The placeholders shared text may use, and what each is on one borough's site.

`{front-door-phone}` in a shared page is Blackburn with Darwen's CADS number on its site and
Blackpool's Request for Support Hub on Blackpool's: the text is written once and each site
fills in its own. The values come from the data, never from the text, so a new borough's
site speaks for it as soon as its data is in.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import phones
from .areas import front_doors
from .dataset import Dataset
from .model import Borough

# Built-in placeholders: name -> what it is filled in with (for editors' messages and docs).
BUILT_IN: dict[str, str] = {
    "area": "the borough's name",
    "council": "the council's name",
    "front-door": "the name of the borough's front door (its `front_door` contact)",
    "front-door-phone": "the front door's phone number, as a tap-to-call link",
    "duty-numbers": "a table of the duty numbers: the site's own front door, then the areas with "
    "no site of their own (Lancashire), each labelled with its area (on a line of its own)",
}
OWN_LINE = ("duty-numbers",)  # placeholders that fill in a block, not words


def level_placeholder(number: int) -> str:
    return f"level-{number}-name"


@dataclass(frozen=True)
class Fill:
    """What a placeholder becomes on one site, in plain words, or why it cannot be filled."""

    text: str | None
    missing: str | None = None  # why there is no value, for the editor


def names(dataset: Dataset) -> set[str]:
    """Every placeholder a text may use: the built-in ones, levels, and boroughs' wording."""
    known = set(BUILT_IN) | {level_placeholder(level.level) for level in dataset.levels}
    return known | {key for borough in dataset.boroughs for key in borough.wording}


def fill(dataset: Dataset, borough: Borough, name: str) -> Fill:
    """The plain-words value of placeholder `name` on `borough`'s site."""
    if name == "area":
        return Fill(borough.name)
    if name == "council":
        return Fill(borough.council)
    front_door = dataset.contact(borough.front_door)
    if name in ("front-door", "front-door-phone", "duty-numbers") and front_door is None:
        return Fill(None, f"{borough.id}'s front door '{borough.front_door}' is not a contact")
    if name == "front-door":
        return Fill(front_door.name)
    if name == "front-door-phone":
        if front_door.phone is None:
            return Fill(None, f"{borough.id}'s front door '{front_door.id}' has no phone number")
        return Fill(phones.national(front_door.phone))
    if name == "duty-numbers":
        doors = front_doors(dataset, borough)
        return Fill("\n".join(f"{d.label}: {d.contact.name}: {d.number}" for d in doors))
    for level in dataset.levels:
        if name == level_placeholder(level.level):
            return Fill(level.name)
    if name in borough.wording:
        return Fill(borough.wording[name])
    return Fill(
        None,
        f"{borough.id} has no '{name}' under 'wording' in data/boroughs.yaml (add it there)",
    )
