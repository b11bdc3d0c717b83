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
# Web addresses are https (nothing on the way can change the page) and are written into
# Markdown links, so they hold none of the characters that would end one.
WEBSITE = r"^https://[^\s<>\"'`\\()\[\]{}|^]+$"
# A GitHub repository's address: reports of problems open a new issue in it.
REPOSITORY = r"^https://github\.com/[A-Za-z0-9-]+/[A-Za-z0-9._-]+$"
EMAIL = r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$"
INTENDED_TYPES = ("premium-rate", "personal")  # number types that cost more to call

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

# A GitHub account (@name) or team (@organisation/team), as CODEOWNERS names them.
OWNER = r"^@[A-Za-z0-9]+(-[A-Za-z0-9]+)*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$"
Owner = Annotated[str, StringConstraints(pattern=OWNER)]
Email = Annotated[str, StringConstraints(pattern=EMAIL)]
Website = Annotated[str, StringConstraints(pattern=WEBSITE)]

# Open Referral UK's service statuses, in our kebab-case ("temporarily closed" in its data).
STATUSES = ("active", "temporarily-closed", "inactive")
Status = Literal[STATUSES]  # type: ignore[valid-type]


def _located():
    """Where an entry sits in its file, so rules can point at a line (set by the dataset).

    Made by a factory: pydantic deep-copies a plain default into every model it makes, which
    was a third of validating 10,000 services."""
    return PrivateAttr(default_factory=lambda: ("", ()))


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Entry(Strict):
    """Fields every entry may carry: where it came from and when it was last checked."""

    source: Text = Field(description="The document and section this entry was taken from")
    last_reviewed: date | None = Field(
        None, description="The day the entry was last checked against its source, e.g. 2026-11-23"
    )
    review_by: date | None = Field(
        None, description="The day it must next be checked by (instead of review_every_months)"
    )
    review_every_months: int | None = Field(
        None, ge=1, le=36, description="How often to check it, in months (1 to 36)"
    )
    notes: Markdown | None = Field(None, description="Where the source is unclear, say so")

    # Where the entry sits in its file, so rules can point at a line (set by the dataset).
    _where: tuple = _located()


class Contact(Entry):
    """One phone number, email or web address that practitioners or families use."""

    id: Id = Field(description="Unique id: lower-case words joined by hyphens, e.g. bwd-cads")
    borough: Id = Field(description="A borough id, or `shared`")
    name: Text = Field(description="The name shown with the number")
    phone: Text | None = Field(None, description="One UK number, as written")
    extension: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,8}$")] | None = Field(
        None, description='The extension to dial after the number, digits only, e.g. "4321"'
    )
    number_type_intended: Literal[INTENDED_TYPES] | None = Field(  # type: ignore[valid-type]
        None,
        description="premium-rate or personal: the number costs more to call, and is right",
    )
    email: Email | None = Field(None, description="An email address")
    website: Website | None = Field(None, description="A web address starting with https://")
    hours: Text | None = Field(None, description="When it is answered, in words")
    emergency: bool = Field(False, description="True only for 999")
    audience: Literal["professionals", "public", "both"] | None = Field(
        None, description="Who may use it: professionals, public or both"
    )
    service: Id | None = Field(
        None, description="The service this is the direct line of (its page ranks first in search)"
    )

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.email or self.website):
            raise ValueError("needs at least one of `phone`, `email` or `website`")
        return self


class Ages(Strict):
    """An age range in years; one end may be left open ("15.75 and over", "up to 25")."""

    min: Years | Literal["unborn"] | None = Field(
        None, description="Youngest age in years, or `unborn` for work before birth"
    )
    max: Years | None = Field(None, description="Oldest age in years")
    strict: bool = Field(
        True,
        description="false where the source gives the range loosely or for part of the service "
        "only ('predominantly 11 to 17'): the finder then never leaves the service out by age",
    )
    note: Text | None = Field(
        None, description="How the source puts the range, shown with it, e.g. 'predominantly'"
    )

    @model_validator(mode="after")
    def _one_end(self) -> Ages:
        if self.min is None and self.max is None:
            raise ValueError("'ages' needs 'min', 'max' or both (leave 'ages' out if unknown)")
        if not self.strict and self.note is None:
            raise ValueError(
                "'ages' with 'strict: false' needs a 'note' saying how the source gives the range"
            )
        return self


class Referral(Strict):
    """How to refer to a service, and who may."""

    who: Markdown | None = Field(None, description="Who may refer")
    how: Markdown = Field(description="How to refer, in words")
    routes: list[Route] = Field(
        default_factory=list, description="The ways in, from a fixed list, e.g. phone, via-cads"
    )


class Service(Entry):
    """One team or service: who it is for, how to refer and whom to call."""

    id: Id = Field(description="Unique id: lower-case words joined by hyphens, e.g. bwd-engage")
    borough: Id = Field(description="The id of the borough it belongs to")
    name: Text = Field(description="Its full name: the page title")
    short_name: Text | None = Field(None, description="A shorter name or acronym, e.g. CADS")
    aliases: list[Text] = Field(
        default_factory=list, description="Other names people may search for"
    )
    section: Id = Field(description="The id of the borough's section its page sits in")
    summary: Text = Field(description="One or two sentences: what it does")
    ages: Ages | None = Field(
        None, description="Ages it serves, e.g. {min: 10, max: 18}; leave out if unknown"
    )
    levels: list[int] = Field(min_length=1, description="Levels of need it serves, 1 to 4")
    tags: list[Tag] = Field(
        default_factory=list,
        description="Needs it helps with, for the finder and search; list its main need first",
    )
    contacts: list[Id] = Field(default_factory=list, description="Ids of its contacts")
    related: list[Id] = Field(
        default_factory=list, description="Ids of related services in the same borough"
    )
    referral: Referral = Field(description="How to refer, and who may")
    consent: Markdown | None = Field(None, description="What consent is needed to refer")
    eligibility: Markdown | None = Field(None, description="Who qualifies, in words")
    timescales: list[Text] = Field(default_factory=list, description="How quickly it responds")
    what_we_do: list[Markdown] = Field(
        default_factory=list, description="What it does, one point per item"
    )
    why: list[Markdown] = Field(default_factory=list, description="Why, one point per item")
    how: list[Markdown] = Field(default_factory=list, description="How, one point per item")
    description: Markdown | None = Field(None, description="Longer text about the service")
    status: Status = Field(
        "active", description="active, temporarily-closed or inactive (no longer runs)"
    )
    alert: Text | None = Field(
        None, description="A short notice shown first on its page, e.g. why it is closed"
    )
    until: date | None = Field(
        None, description="When a temporary closure is expected to end, e.g. 2027-01-31"
    )
    content_owner: Email | None = Field(
        None,
        description="Who keeps this service's page right: 'Report a problem with this page' "
        "emails them (instead of the borough's content_owner)",
    )


class Section(Strict):
    """A part of the guide: a heading in the navigation, with its pages."""

    id: Id = Field(description="Unique within the borough; part of the page addresses")
    title: Text = Field(description="The heading shown in the navigation")
    intro: Markdown | None = Field(None, description="Text at the top of its page")
    pages: list[Text] = Field(
        default_factory=list,
        description="`name.md` for a content page; a bare name for a generated page",
    )
    _where: tuple = _located()


class Licence(Strict):
    """The licence a council publishes its open data under: its choice, never assumed."""

    name: Text = Field(description="The licence's name, e.g. Open Government Licence v3.0")
    url: Website = Field(description="Where the licence is published, starting with https://")


class Borough(Strict):
    """A borough, with its own site at site/<id>/."""

    id: Id = Field(description="Lower-case words joined by hyphens; the site's address")
    name: Text = Field(description="The borough's name, e.g. Blackpool")
    other_names: list[Text] = Field(
        default_factory=list,
        description="Other ways the borough is written, e.g. BwD; shared text may not use them",
    )
    council: Text = Field(description="The council's full name")
    front_door: Id = Field(description="Contact id of the front door (duty) number")
    out_of_hours: list[Id] = Field(
        default_factory=list, description="Contact ids of the out-of-hours numbers"
    )
    out_of_hours_gap: Markdown | None = Field(
        None,
        description="While `out_of_hours` is empty: what the sources say (or do not), shown with "
        "the gap and listed by `handbook review`",
    )
    wording: dict[Id, Markdown] = Field(
        default_factory=dict,
        description="Words a shared page fills in for this borough: `{name}` in shared text "
        "becomes the value given here",
    )
    emergency: Id | None = Field(None, description="Contact id of the 999 entry")
    intro: Markdown | None = Field(None, description="Text on the home page")
    source: Text | None = Field(None, description="The document these details come from")
    owners: list[Owner] = Field(
        default_factory=list,
        description="GitHub accounts or teams who approve changes to its data, e.g. @org/team",
    )
    content_owner: Email | None = Field(
        None,
        description="Who keeps the borough's pages right: 'Report a problem with this page' "
        "emails them, unless the data names a repository",
    )
    open_data_licence: Licence | None = Field(
        None,
        description="The licence the council publishes its open data under; until it is set, "
        "the open data and every page say the licence is not yet stated",
    )
    sections: list[Section] = Field(
        min_length=1, description="The borough's own parts of the guide, in order"
    )
    _where: tuple = _located()


class Area(Strict):
    """An area that shares the levels of need but has no site here, such as Lancashire."""

    name: Text = Field(description="The area's name, e.g. Lancashire")
    front_door: Id = Field(description="Contact id of its front door (duty) number, a shared one")
    source: Text | None = Field(None, description="The document its details come from")
    _where: tuple = _located()


class Level(Entry):
    """One of the four levels of the Continuum of Need."""

    level: int = Field(description="The level's number, 1 to 4")
    name: Text = Field(description="Its pan-Lancashire name, e.g. Early Help")
    also_called: list[Text] = Field(default_factory=list, description="Other names for it")
    local_names: dict[Id, Text] = Field(
        default_factory=dict,
        description="What a borough calls it on its own pages, shown on that borough's site only: "
        "'In Blackpool this is called Universal Plus'",
    )
    definition: Markdown = Field(description="What the level means")
    response: Markdown = Field(description="What happens at this level")
    assessment: Markdown | None = Field(None, description="Which assessment is used")
    information_sharing: Markdown | None = Field(
        None, description="How information is shared at this level"
    )
    consent: Markdown | None = Field(None, description="The consent rule at this level")
    indicators: list[Markdown] = Field(
        default_factory=list, description="Example indicators of need, one per item"
    )
    resilient_factors: list[Markdown] = Field(
        default_factory=list, description="Example strengths, one per item"
    )
    who_will_help: dict[Id, list[Id]] = Field(
        default_factory=dict, description="For each borough id (or shared), the contact ids to call"
    )


class Term(Entry):
    """An acronym or specialist term, for the glossary."""

    id: Id = Field(description="Unique id, e.g. cse")
    term: Text = Field(description="The term as written, e.g. CSE")
    expansion: Text = Field(description="What it stands for, e.g. Child Sexual Exploitation")
    meaning: Markdown | None = Field(None, description="What it means, in a sentence or two")
    boroughs: list[Id] = Field(
        default_factory=list, description="Only in these boroughs' guides; leave out for all"
    )


class Synonym(Strict):
    """Words people type for something the guide calls otherwise."""

    words: list[Text] = Field(
        min_length=1, description="What people type: words or phrases, e.g. cannabis, weed"
    )
    means: list[Text] = Field(
        min_length=1, description="What to search for instead, e.g. drugs, substance misuse"
    )


# One model per data file: these drive validation and, later, the JSON Schemas.


class BoroughsFile(Strict):
    """data/boroughs.yaml: the boroughs and the parts of the guide they share."""

    site_url: Annotated[str, StringConstraints(pattern=WEBSITE[:-1] + "/$")] | None = Field(
        None, description="Where the sites are published, ending in /; shown on the PDFs"
    )
    repository: Annotated[str, StringConstraints(pattern=REPOSITORY)] | None = Field(
        None,
        description="The GitHub repository the guide is kept in, e.g. "
        "https://github.com/org/handbook: 'Report a problem with this page' opens an issue there",
    )
    shared_sections: list[Section] = Field(
        default_factory=list, description="Parts of the guide in every borough's site"
    )
    other_areas: list[Area] = Field(
        default_factory=list,
        description="Areas with no site here whose front-door number every site shows, labelled",
    )
    boroughs: list[Borough] = Field(min_length=1, description="One entry per borough")


class ContactsFile(Strict):
    """data/contacts.yaml: every number, email and web address."""

    contacts: list[Contact] = Field(description="One entry per phone number")


class ServicesFile(Strict):
    """data/services.yaml: every team and service."""

    services: list[Service] = Field(description="One entry per service")


class LevelsFile(Strict):
    """data/levels.yaml: the pan-Lancashire Continuum of Need."""

    intro: Markdown | None = Field(None, description="Text at the top of the levels page")
    straight_to_level_4: Markdown | None = Field(
        None, description="When to go straight to level 4, shown as a warning"
    )
    source: Text | None = Field(None, description="The document the levels come from")
    levels: list[Level] = Field(description="The four levels of need")


class GlossaryFile(Strict):
    """data/glossary.yaml: acronyms and specialist terms."""

    not_acronyms: list[Text] = Field(
        default_factory=list,
        description="Words in capitals that need no glossary entry, such as NOT for emphasis or "
        "a name written in capitals: the glossary check does not ask for them to be defined",
    )
    terms: list[Term] = Field(default_factory=list, description="One entry per term")


class SearchFile(Strict):
    """data/search.yaml: how search understands what practitioners type."""

    stop_words: list[Text] = Field(
        default_factory=list, description="Words dropped from a search, e.g. a, of, to"
    )
    concern_words: list[Text] = Field(
        default_factory=list,
        description="Words or phrases of worry (abuse, harm, disclosure ...): the front door first",
    )
    referral_words: list[Text] = Field(
        default_factory=list,
        description="Words for referring (referral, social care ...): the front door first, "
        "unless the search also names a service",
    )
    out_of_hours_words: list[Text] = Field(
        default_factory=list,
        description="Words for evenings, nights and weekends: a referral word then does not put "
        "the front door, which is closed, first",
    )
    synonyms: list[Synonym] = Field(
        default_factory=list, description="Words people type, and what the guide calls them"
    )
