"""The data contract in code: one pydantic model per kind of entry, one per data file.

Unknown fields are errors (`extra="forbid"`) so that a misspelt field name such as `phnoe`
is reported instead of silently ignored. Rules that need more than one entry (references,
duplicates) or the phone library live in `handbook.rules`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, model_validator

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=KEBAB)]
Text = Annotated[str, StringConstraints(min_length=1)]
Markdown = Annotated[str, StringConstraints(min_length=1)]
Years = Annotated[float, Field(description="Age in years; decimals allowed, e.g. 15.75")]

TAGS = (
    "exploitation", "missing-from-home", "domestic-abuse", "homelessness", "disability",
    "send", "substance-misuse", "mental-health", "neglect", "early-years", "parenting",
    "young-carers", "care-leavers", "children-in-care", "youth-justice", "edge-of-care",
    "pregnancy", "sexual-health", "education", "adoption", "fostering", "safeguarding",
    "family-support", "allegations", "participation", "advice",
)  # fmt: skip
Tag = Literal[TAGS]  # type: ignore[valid-type]

ROUTES = (
    "phone", "email", "online-form", "self-referral", "via-social-worker", "via-cads",
    "via-mash", "panel", "drop-in", "court-order", "automatic",
)  # fmt: skip
Route = Literal[ROUTES]  # type: ignore[valid-type]

SHARED = "shared"  # the borough value for pan-Lancashire entries


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Entry(Strict):
    """Fields every entry may carry: where it came from and when it was last checked."""

    source: Text = Field(description="The document and section this entry was taken from")
    last_reviewed: date | None = Field(None, description="When the entry was last checked")
    review_by: date | None = Field(None, description="When it must next be checked")
    review_every_months: int | None = Field(None, ge=1, le=36)
    notes: Markdown | None = Field(None, description="Where the source is unclear, say so")

    # Where the entry sits in its file, so rules can point at a line (set by the dataset).
    _where: tuple = PrivateAttr(default=("", ()))


class Contact(Entry):
    id: Id
    borough: Id = Field(description="A borough id, or `shared`")
    name: Text
    phone: Text | None = Field(None, description="One UK number, as written")
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    website: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    hours: Text | None = None
    emergency: bool = Field(False, description="True only for 999")
    audience: Literal["professionals", "public", "both"] | None = None

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.email or self.website):
            raise ValueError("needs at least one of `phone`, `email` or `website`")
        return self


class Ages(Strict):
    """An age range in years; one end may be left open ("15.75 and over", "up to 25")."""

    min: Years | Literal["unborn"] | None = None
    max: Years | None = None

    @model_validator(mode="after")
    def _one_end(self) -> Ages:
        if self.min is None and self.max is None:
            raise ValueError("'ages' needs 'min', 'max' or both (leave 'ages' out if unknown)")
        return self


class Referral(Strict):
    who: Markdown | None = Field(None, description="Who may refer")
    how: Markdown = Field(description="How to refer, in words")
    routes: list[Route] = Field(default_factory=list)


class Service(Entry):
    id: Id
    borough: Id
    name: Text
    short_name: Text | None = None
    aliases: list[Text] = Field(default_factory=list)
    section: Id
    summary: Text
    ages: Ages | None = None
    levels: list[int] = Field(min_length=1)
    tags: list[Tag] = Field(default_factory=list)
    contacts: list[Id] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list)
    referral: Referral
    consent: Markdown | None = None
    eligibility: Markdown | None = None
    timescales: list[Text] = Field(default_factory=list)
    what_we_do: list[Markdown] = Field(default_factory=list)
    why: list[Markdown] = Field(default_factory=list)
    how: list[Markdown] = Field(default_factory=list)
    description: Markdown | None = None


class Section(Strict):
    id: Id
    title: Text
    intro: Markdown | None = None
    pages: list[Text] = Field(
        default_factory=list,
        description="`name.md` for a content page; a bare name for a generated page",
    )
    _where: tuple = PrivateAttr(default=("", ()))


class Borough(Strict):
    id: Id
    name: Text
    council: Text
    front_door: Id = Field(description="Contact id of the front door (duty) number")
    out_of_hours: list[Id] = Field(default_factory=list)
    emergency: Id | None = Field(None, description="Contact id of the 999 entry")
    intro: Markdown | None = None
    source: Text | None = None
    sections: list[Section] = Field(min_length=1)
    _where: tuple = PrivateAttr(default=("", ()))


class Level(Entry):
    level: int
    name: Text
    also_called: list[Text] = Field(default_factory=list)
    definition: Markdown
    response: Markdown
    assessment: Markdown | None = None
    information_sharing: Markdown | None = None
    consent: Markdown | None = None
    indicators: list[Markdown] = Field(default_factory=list)
    resilient_factors: list[Markdown] = Field(default_factory=list)
    who_will_help: dict[Id, list[Id]] = Field(default_factory=dict)


class Term(Entry):
    id: Id
    term: Text
    expansion: Text
    meaning: Markdown | None = None
    boroughs: list[Id] = Field(default_factory=list)


# One model per data file: these drive validation and, later, the JSON Schemas.


class BoroughsFile(Strict):
    site_url: Annotated[str, StringConstraints(pattern=r"^https?://\S+/$")] | None = Field(
        None, description="Where the sites are published, ending in /; shown on the PDFs"
    )
    shared_sections: list[Section] = Field(default_factory=list)
    boroughs: list[Borough] = Field(min_length=1)


class ContactsFile(Strict):
    contacts: list[Contact]


class ServicesFile(Strict):
    services: list[Service]


class LevelsFile(Strict):
    intro: Markdown | None = None
    straight_to_level_4: Markdown | None = None
    source: Text | None = None
    levels: list[Level]


class GlossaryFile(Strict):
    terms: list[Term] = Field(default_factory=list)
