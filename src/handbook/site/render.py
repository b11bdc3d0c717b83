"""Render one borough's site from the data: Markdown pages in memory, and the navigation.

The output is plain Markdown keyed by path, so it can be handed to MkDocs by the hook or
written to disk (`handbook render`) for any other builder.
"""

from __future__ import annotations

import functools
import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..data import areas, gaps, phones
from ..data.addresses import (
    GENERATED,
    HOME,
    OPEN_DATA,
    content_page,
    html_path,
    section_index,
    service_page,
)
from ..data.content import IMAGE_SUFFIXES, is_real_file
from ..data.dataset import Dataset
from ..data.model import SHARED, Borough, Section, Service
from ..data.words import page_title
from ..editions import changes as changes_module
from ..editions.edition import Edition, current_edition
from . import glossary, open_data
from . import search as search_module
from .finder import finder
from .localise import Localiser
from .presentation import FILTERS
from .report import report
from .search import MODEL_FILE, PageSearch, page_search, search_model, service_search

PDF_FOLDER = "pdf"
WHOLE_GUIDE = "whole-guide"


def pdf_href(from_page: str, name: str) -> str:
    """The link from a page (e.g. 'teams/index.md') to one of the site's PDFs."""
    return posixpath.relpath(f"{PDF_FOLDER}/{name}.pdf", posixpath.dirname(html_path(from_page)))


TEMPLATES = Path(__file__).parent / "templates"
# What a search result says of each generated page.
SUMMARIES = {
    "home": "The front door and the urgent numbers, and what is in this guide.",
    "contacts": "Every number in this guide: 999, the front door and out of hours, then A to Z.",
    "levels-of-need": "The four levels of need: what each means, what to do, and who will help.",
    "whats-changed": "What has changed since the last published version.",
    "finder": "Find services by a child's age, the level of need and what they need.",
    "glossary": "Every acronym and term used in this guide, and what it means.",
    "open-data": "The services of this guide as open data (Open Referral UK), and its licence.",
}
TITLES = {
    "levels-of-need": "Levels of need",
    "contacts": "Who to call",
    "whats-changed": "What's changed",
    "finder": "Find a service",
    "glossary": "Glossary",
    "open-data": "Open data",
}
INACTIVE = "inactive"  # a service that no longer runs: no page, in no listing (see _BoroughView)
SNAPSHOT_FILE = "handbook-data.json"
# The most services of one section listed in the navigation (see _nav_paths).
NAV_SERVICES = 40
CHANGES_FILE = "whats-changed.json"


@dataclass(frozen=True)
class SiteSection:
    """A top-level section of the guide as built: its index page first, then its pages."""

    id: str
    title: str
    paths: list[str]


@dataclass
class RenderedSite:
    borough: Borough
    edition: Edition
    pages: dict[str, str] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    sections: list[SiteSection] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # other outputs, such as JSON
    images: dict[str, Path] = field(default_factory=dict)  # content/'s images, by site path
    header: dict = field(default_factory=dict)  # what the header bar shows on every page
    # The borough's services as Open Referral UK records, for the after-build step to write.
    open_data: list[dict] = field(default_factory=list)


@functools.cache
def environment() -> jinja2.Environment:
    """The one template environment: compiling the templates again for every borough was a
    third of rendering 150 boroughs. It reloads a template whose file changed."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # the output is Markdown, escaped by Python-Markdown downstream
    )
    env.filters.update(FILTERS)
    return env


def render_for_build(dataset: Dataset, borough_id: str) -> RenderedSite:
    """Render with this build's edition, compared with the newest published version."""
    edition = current_edition(dataset.root)
    changes = changes_module.since_published(dataset, borough_id, edition.version)
    return render_borough(dataset, borough_id, edition, changes)


def render_borough(
    dataset: Dataset, borough_id: str, edition: Edition, changes: dict
) -> RenderedSite:
    env = environment()
    view = _BoroughView(dataset, Localiser(dataset, dataset.borough(borough_id), env))
    borough = view.borough
    site = RenderedSite(borough, edition, header=view.header())
    terms = view.terms
    # Each page carries the definitions of its acronyms, so each has a tooltip where it appears.
    abbreviations = glossary.Abbreviations(terms)

    weights = {
        "names": search_module.NAMES_WEIGHT, "main_need": search_module.MAIN_NEED_WEIGHT,
        "need": search_module.NEED_WEIGHT, "summary": search_module.SUMMARY_WEIGHT,
    }  # fmt: skip

    def report_block(path: str, title: str, service: Service | None = None) -> str:
        found = report(
            md_path=path,
            title=title,
            borough=borough,
            edition=edition,
            site_url=dataset.site_url,
            repository=dataset.repository,
            service=service,
        )
        return "\n\n" + report_markup.render(r=found)

    def page(path: str, template: str, title: str, search: PageSearch | None = None,
             **context) -> None:  # fmt: skip
        def href(target: str) -> str:
            return posixpath.relpath(target, posixpath.dirname(path) or ".")

        markdown = env.get_template(template).render(
            href=href,
            pdf_href=lambda name: pdf_href(path, name),
            borough=borough,
            view=view,
            level_names=view.level_names,
            weights=weights,
            **context,
        )
        markdown += report_block(path, title, context.get("service"))
        if search is not None:
            markdown += "\n" + search_markup.render(s=search, weights=weights)
        site.pages[path] = markdown + abbreviations.for_page(markdown)

    search_markup = env.get_template("_search.md.j2")
    report_markup = env.get_template("_report.md.j2")
    unowned = [c.phone for c in view.borough_contacts() if c.phone and not c.service]
    page(HOME, "home.md.j2", "Home", search=page_search(SUMMARIES["home"], kind="home"))
    page(GENERATED["contacts"], "contacts.md.j2", TITLES["contacts"], search=page_search(
        SUMMARIES["contacts"], kind="contacts",
        numbers=[f for raw in unowned for f in search_module.number_forms(raw)],
    ), reports=view.report_note())  # fmt: skip
    page(GENERATED["levels-of-need"], "levels.md.j2", TITLES["levels-of-need"],
         levels=view.levels, levels_file=view.levels_file,
         search=page_search(SUMMARIES["levels-of-need"], kind="levels"))  # fmt: skip
    page(GENERATED["whats-changed"], "whats-changed.md.j2", TITLES["whats-changed"],
         changes=changes, edition=edition,
         has_changes=changes_module.has_changes(changes), sections=changes_module.SECTIONS,
         search=page_search(SUMMARIES["whats-changed"]))  # fmt: skip
    page(GENERATED["finder"], "finder.md.j2", TITLES["finder"],
         finder=finder(view.services_in_guide_order()),
         search=page_search(SUMMARIES["finder"]))  # fmt: skip
    page(GENERATED["glossary"], "glossary.md.j2", TITLES["glossary"], terms=terms,
         search=page_search(SUMMARIES["glossary"], kind="glossary"))  # fmt: skip
    site.open_data = view.open_data()
    page(OPEN_DATA, "open-data.md.j2", TITLES["open-data"], records=site.open_data,
         licence=open_data.licence(borough), files=open_data,
         search=page_search(SUMMARIES["open-data"]))  # fmt: skip
    site.images = content_images(dataset, [SHARED, borough_id])
    site.files[SNAPSHOT_FILE] = to_json(changes_module.snapshot(dataset, borough_id))
    site.files[CHANGES_FILE] = to_json(changes)
    site.files[MODEL_FILE] = to_json(search_model(dataset, borough, view.search_links(), terms))
    site.nav = [
        {"Home": HOME},
        {TITLES["contacts"]: GENERATED["contacts"]},
        {TITLES["finder"]: GENERATED["finder"]},
        {TITLES["whats-changed"]: GENERATED["whats-changed"]},
    ]
    for section, folder in view.sections():
        index = section_index(section.id)
        entries = view.section_entries(section, folder)
        about = section.intro or f"The services and pages of {section.title}."
        page(index, "section.md.j2", section.title, section=section, entries=entries,
             search=page_search(about, kind="index"))  # fmt: skip
        for entry in entries:
            if entry.service is not None:
                contacts = [view.contact(c) for c in entry.service.contacts]
                page(entry.path, "service.md.j2", entry.title, service=entry.service,
                     search=service_search(entry.service, contacts, section.title))  # fmt: skip
            elif entry.content is not None:
                text = entry.content + report_block(entry.path, entry.title)
                site.pages[entry.path] = text + abbreviations.for_page(text)
        paths = [index, *[e.path for e in entries]]
        site.nav.append({section.title: _nav_paths(index, entries)})
        site.sections.append(SiteSection(section.id, section.title, paths))
    site.nav.append({TITLES["glossary"]: GENERATED["glossary"]})
    return site


def _nav_paths(index: str, entries: list[SectionEntry]) -> list[str]:
    """A section in the navigation: its index page, its content pages, and its services while
    they are few enough to scan.

    Material writes the whole navigation into every page; a section of hundreds of services
    would put hundreds of links on each of them (a page grew to 1.2 MB at 10,000 services).
    A larger section's services are listed on its index page instead, one tap away.
    """
    services = [e.path for e in entries if e.service is not None]
    pages = [e.path for e in entries if e.service is None]
    return [index, *pages, *(services if len(services) <= NAV_SERVICES else [])]


def content_images(dataset: Dataset, folders: list[str]) -> dict[str, Path]:
    """The images kept in these folders of content/, at the address a page's link to them
    resolves to (their path inside content/): the builder copies them as they are."""
    found = {}
    for folder in folders:
        base = dataset.content_dir / folder
        for path in sorted(base.rglob("*")) if base.is_dir() else []:
            if path.suffix.lower() in IMAGE_SUFFIXES and is_real_file(dataset.content_dir, path):
                found[path.relative_to(dataset.content_dir).as_posix()] = path
    return found


def to_json(value) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@dataclass
class SectionEntry:
    """One item of a section: a service, a content page or a generated page."""

    title: str
    path: str
    summary: str | None = None
    service: Service | None = None
    content: str | None = None


class _BoroughView:
    """What the templates need to know about one borough, looked up once: every entry with
    its text made for this borough's site (its per-borough blocks, its placeholders)."""

    def __init__(self, dataset: Dataset, localiser: Localiser):
        self.dataset = dataset
        self.localise = localiser
        own = localiser.borough
        self.borough = localiser.entry(own)
        self.contacts = {c.id: localiser.entry(c) for c in dataset.contacts}
        mine = [localiser.entry(s) for s in dataset.services if s.borough == own.id]
        # Every service of the borough, for the open data; those that still run have pages.
        self.every_service = {s.id: s for s in mine}
        self.services = {s.id: s for s in mine if s.status != INACTIVE}
        self.paths = {s.id: service_page(s.section, s.id) for s in self.services.values()}
        self.levels = [localiser.entry(level) for level in dataset.levels]
        self.levels_file = dataset.levels_file and localiser.entry(dataset.levels_file)
        self.terms = [localiser.entry(t) for t in glossary.terms_for(dataset, own.id)]
        ordered = sorted(self.levels, key=lambda level: level.level)
        self.level_names = {level.level: level.name for level in ordered}
        self.local_names = {
            level.level: level.local_names[own.id]
            for level in ordered
            if own.id in level.local_names
        }

    def sections(self) -> list[tuple[Section, str]]:
        shared = [(self.localise.entry(s), SHARED) for s in self.dataset.shared_sections]
        return shared + [(s, self.borough.id) for s in self.borough.sections]

    def local_name(self, level) -> str | None:
        """What this borough calls a level on its own pages, if it has a name of its own."""
        return self.local_names.get(level.level)

    def local_level_note(self, numbers: list[int]) -> str:
        """'In Blackpool, level 2 is called Universal Plus and level 3 is called Intensive.'"""
        named = [
            f"level {number} is called {name}"
            for number, name in self.local_names.items()
            if number in numbers
        ]
        if not named:
            return ""
        listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        return f"In {self.borough.name}, {listed}."

    def section_entries(self, section: Section, folder: str) -> list[SectionEntry]:
        entries = [self._page_entry(section, folder, name) for name in section.pages]
        entries += [
            SectionEntry(s.name, self.paths[s.id], s.summary, service=s)
            for s in self.services.values()
            if s.section == section.id
        ]
        return entries

    def _page_entry(self, section: Section, folder: str, name: str) -> SectionEntry:
        if name in GENERATED:
            return SectionEntry(TITLES[name], GENERATED[name])
        text = self.localise.text(self.dataset.pages[f"{folder}/{name}"])
        title = page_title(text) or name
        return SectionEntry(title, content_page(section.id, name), content=text)

    def contact(self, contact_id: str):
        return self.contacts[contact_id]

    def front_door(self):
        return self.contacts[self.borough.front_door]

    def out_of_hours(self):
        return [self.contacts[c] for c in self.borough.out_of_hours]

    def out_of_hours_gap(self):
        """The gap where no source gives an out-of-hours number, with the sources' word."""
        return gaps.out_of_hours_gap(self.dataset, self.borough)

    def other_front_doors(self) -> list:
        """Every other area's front door, each with the words that name its area."""
        doors = areas.front_doors(self.dataset, self.localise.borough, other_boroughs=True)
        return [door for door in doors if door.area.borough_id != self.borough.id]

    def emergency(self):
        return self.contacts.get(self.borough.emergency) if self.borough.emergency else None

    def borough_contacts(self):
        """This borough's contacts and the shared ones, A to Z."""
        mine = [c for c in self.contacts.values() if c.borough in (self.borough.id, SHARED)]
        return sorted(mine, key=lambda c: c.name.casefold())

    def service_path(self, service_id: str) -> str:
        return self.paths[service_id]

    def service(self, service_id: str) -> Service:
        return self.services[service_id]

    def has_page(self, service_id: str) -> bool:
        """Whether a service has a page (one that no longer runs has none)."""
        return service_id in self.paths

    def related(self, service: Service) -> list[Service]:
        """Its related services that still run."""
        return [self.services[r] for r in service.related if r in self.services]

    def contact_service(self, contact) -> Service | None:
        """The service a contact is the direct line of, if it is this borough's."""
        return self.every_service.get(contact.service) if contact.service else None

    def report_note(self) -> bool:
        """Whether Who to call says where to report a problem: when the data names no one."""
        return not (self.borough.content_owner or self.dataset.repository)

    def open_data(self) -> list[dict]:
        """Every service of the borough as an Open Referral UK record, in the guide's order."""
        return [
            open_data.service_record(
                s,
                [self.contacts[c] for c in s.contacts],
                self.borough,
                self.level_names,
                self.dataset.root,
            )
            for s in self.services_in_guide_order(every=True)
        ]

    def own_contacts(self, service: Service) -> list:
        """The contacts that are this service's direct lines."""
        return [
            self.contacts[c] for c in service.contacts if self.contacts[c].service == service.id
        ]

    def services_in_guide_order(self, *, every: bool = False) -> list[Service]:
        """This borough's services section by section, as the guide prints them: those that
        still run, or `every` one."""
        order = {section.id: n for n, (section, _) in enumerate(self.sections())}
        services = (self.every_service if every else self.services).values()
        return sorted(services, key=lambda s: order.get(s.section, len(order)))

    def header(self) -> dict:
        front_door = self.front_door()
        phone = front_door.phone
        return {
            "front_door_name": front_door.name,
            "front_door_number": phones.national(phone, front_door.extension) if phone else None,
            "front_door_tel": phones.tel_uri(phone, front_door.extension) if phone else None,
        }

    def search_links(self) -> dict[str, str]:
        """The site's own addresses (from its root) of the pages search offers first."""
        links = {name: html_path(GENERATED[name]).removesuffix("index.html")
                 for name in ("contacts", "finder", "levels-of-need")}  # fmt: skip
        owner = self.front_door().service
        if owner in self.paths:
            links["front_door"] = html_path(self.paths[owner]).removesuffix("index.html")
        return links

    def helpers(self, level) -> list:
        ids = level.who_will_help.get(self.borough.id, []) + level.who_will_help.get(SHARED, [])
        return [self.contacts[c] for c in ids]
