"""Read every data file and content page into one validated, located data set."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import load_cache
from .content import load_pages
from .loader import LoadedFile, collector_paused
from .model import (
    Area,
    Borough,
    BoroughsFile,
    Contact,
    ContactsFile,
    GlossaryFile,
    Level,
    LevelsFile,
    SearchFile,
    Section,
    Service,
    ServicesFile,
    Term,
)  # fmt: skip
from .problems import Location, Problem
from .schema_errors import problems_from

# The data files of the contract, the model of each, and the list each holds.
DATA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "boroughs.yaml": (BoroughsFile, "boroughs"),
    "contacts.yaml": (ContactsFile, "contacts"),
    "services.yaml": (ServicesFile, "services"),
    "levels.yaml": (LevelsFile, "levels"),
    "glossary.yaml": (GlossaryFile, "terms"),
    "search.yaml": (SearchFile, "synonyms"),
}
# Files a project may leave out: without them the model's defaults apply.
OPTIONAL_FILES = ("search.yaml",)


@dataclass
class Dataset:
    root: Path
    files: dict[str, LoadedFile] = field(default_factory=dict)
    boroughs: list[Borough] = field(default_factory=list)
    shared_sections: list[Section] = field(default_factory=list)
    other_areas: list[Area] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    not_acronyms: list[str] = field(default_factory=list)
    levels_file: LevelsFile | None = None
    search: SearchFile = field(default_factory=SearchFile)
    site_url: str | None = None
    repository: str | None = None  # where 'Report a problem' opens an issue, if set
    # Every id written in the data, valid or not, so that a reference to an entry that
    # failed its own checks is not reported a second time as missing. A file that could not
    # be read has no entry: references into it are not checked (see `known_ids`).
    raw_ids: dict[str, set[str]] = field(default_factory=dict)
    # The data files (by name) that could not be read, whose entries are therefore unknown.
    unreadable: set[str] = field(default_factory=set)
    # The text of every content page the sections list, by 'folder/name.md', read once.
    pages: dict[str, str] = field(default_factory=dict)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    def locate(self, entry: BaseModel, *key: str | int) -> Location:
        """The file and line of `entry` (or of one of its fields)."""
        file_name, base = entry._where
        return self.files[file_name].locate(base + tuple(key))

    def known_ids(self, kind: str) -> set[str] | None:
        """Every id of a kind ('contacts' ...) written in the data; None when its file could
        not be read, so that the rules do not report every reference into it as unknown."""
        return self.raw_ids.get(kind)

    def contact(self, contact_id: str) -> Contact | None:
        return self.by_id("contacts").get(contact_id)

    def by_id(self, kind: str) -> dict:
        return {item.id: item for item in getattr(self, kind)}

    def borough(self, borough_id: str) -> Borough:
        return self.by_id("boroughs")[borough_id]


def load_dataset(root: Path) -> tuple[Dataset, list[Problem]]:
    dataset = Dataset(root=root)
    problems: list[Problem] = []
    # pydantic's models, like the loader's values, are many small objects that all live on.
    with collector_paused():
        for name, (model, list_key) in DATA_FILES.items():
            problems.extend(_load_file(dataset, root, name, model, list_key))
    problems.extend(load_pages(dataset))
    return dataset, problems


def _load_file(dataset: Dataset, root: Path, name: str, model, list_key: str) -> list[Problem]:
    if name in OPTIONAL_FILES and not (root / "data" / name).exists():
        return []
    loaded = load_cache.load(root, root / "data" / name, f"data/{name}")
    dataset.files[name] = loaded
    if loaded.data is None:
        return [*loaded.problems, *_unreadable(dataset, name, loaded.problems)]
    file_model, indexes, file_problems = _validate_file(loaded, model, list_key)
    if file_model is None:
        return [*loaded.problems, *file_problems, *_unreadable(dataset, name, file_problems)]
    dataset.raw_ids[list_key] = _raw_ids(loaded.data, list_key)
    _attach(dataset, name, file_model, indexes)
    return [*loaded.problems, *file_problems]


def _unreadable(dataset: Dataset, name: str, problems: list[Problem]) -> list[Problem]:
    """One line saying what was not checked, so that one fault does not become many."""
    dataset.unreadable.add(name)
    # At the file's last fault, so that the line follows what it is about.
    where = max(p.location for p in problems) if problems else Location(f"data/{name}", 1)
    message = f"the checks that need data/{name} were skipped until it can be read"
    return [Problem(where, message, "syntax", "note")]


def _validate_file(loaded: LoadedFile, model: type[BaseModel], list_key: str):
    """Validate a whole file, keeping every entry that is valid on its own.

    pydantic reports every fault in one pass; entries with no fault of their own are kept
    so that the rules that span files can still run on them.
    """
    if not isinstance(loaded.data, dict):
        where = loaded.locate(())
        return None, None, [Problem(where, f"the file must start with '{list_key}:'")]
    required = model.model_fields[list_key].is_required()
    if not isinstance(loaded.data.get(list_key, None if required else []), list):
        # Nothing in the file can be checked: its entries are not a list of entries.
        return None, None, list(problems_from(_error(model, loaded.data), loaded, model))
    try:
        return model.model_validate(loaded.data), None, []
    except ValidationError as error:
        problems = list(problems_from(error, loaded, model))
        bad_items = {
            d["loc"][1] for d in error.errors() if len(d["loc"]) > 1 and d["loc"][0] == list_key
        }
        salvaged, indexes = _salvage(loaded.data, model, list_key, bad_items)
        return salvaged, indexes, problems


def _error(model: type[BaseModel], data: dict) -> ValidationError:
    try:
        model.model_validate(data)
    except ValidationError as error:
        return error
    raise AssertionError("a list that is not a list passed its model")  # pragma: no cover


def _salvage(data: dict, model: type[BaseModel], list_key: str, bad_items: set):
    """The file's valid entries, and the index each had in the file."""
    items = data.get(list_key)
    if not isinstance(items, list):
        items = []
    item_model = _item_model(model, list_key)
    kept = {}
    for index, item in enumerate(items):
        if index not in bad_items:
            try:
                kept[index] = item_model.model_validate(item)
            except ValidationError:
                continue
    return model.model_construct(**{list_key: list(kept.values())}), list(kept)


def _item_model(model: type[BaseModel], list_key: str) -> type[BaseModel]:
    return model.model_fields[list_key].annotation.__args__[0]


def _raw_ids(data, list_key: str) -> set[str]:
    items = data.get(list_key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return set()
    ids: set[str] = set()
    for item in items:
        written = item.get("id") if isinstance(item, dict) else None
        # An id written wrongly (as a list, or a number) is reported at its entry; the
        # references to what it meant are not reported again as unknown.
        for value in written if isinstance(written, list) else [written]:
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                ids.add(str(value))
    return ids


def _attach(dataset: Dataset, name: str, file_model: BaseModel, indexes: list | None) -> None:
    list_key = DATA_FILES[name][1]
    items = getattr(file_model, list_key, None) or []
    for index, item in zip(indexes or range(len(items)), items, strict=True):
        item._where = (name, (list_key, index))
    if isinstance(file_model, BoroughsFile):
        dataset.boroughs = list(items)
        dataset.shared_sections = list(getattr(file_model, "shared_sections", None) or [])
        dataset.site_url = getattr(file_model, "site_url", None)
        dataset.repository = getattr(file_model, "repository", None)
        for index, section in enumerate(dataset.shared_sections):
            section._where = (name, ("shared_sections", index))
        dataset.other_areas = list(getattr(file_model, "other_areas", None) or [])
        for index, area in enumerate(dataset.other_areas):
            area._where = (name, ("other_areas", index))
        for borough in dataset.boroughs:
            for index, section in enumerate(borough.sections):
                section._where = (name, borough._where[1] + ("sections", index))
    elif isinstance(file_model, GlossaryFile):
        dataset.terms = list(items)
        dataset.not_acronyms = list(getattr(file_model, "not_acronyms", None) or [])
    elif isinstance(file_model, LevelsFile):
        dataset.levels = list(items)
        dataset.levels_file = file_model if indexes is None else None
    elif isinstance(file_model, SearchFile):
        if indexes is None:  # a file with faults of its own is reported, not half-used
            dataset.search = file_model
    else:
        setattr(dataset, list_key, list(items))
