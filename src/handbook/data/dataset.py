"""Read every data file and content page into one validated, located data set."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .loader import LoadedFile, collector_paused, load_yaml
from .model import (
    Area,
    Borough,
    BoroughsFile,
    Contact,
    ContactsFile,
    GlossaryFile,
    Level,
    LevelsFile,
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
}


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
    site_url: str | None = None
    # Every id written in the data, valid or not, so that a reference to an entry that
    # failed its own checks is not reported a second time as missing.
    raw_ids: dict[str, set[str]] = field(default_factory=dict)

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
    return dataset, problems


def _load_file(dataset: Dataset, root: Path, name: str, model, list_key: str) -> list[Problem]:
    loaded = load_yaml(root / "data" / name, display_path=f"data/{name}")
    dataset.files[name] = loaded
    if loaded.data is None:
        return list(loaded.problems)
    file_model, indexes, file_problems = _validate_file(loaded, model, list_key)
    dataset.raw_ids[list_key] = _raw_ids(loaded.data, list_key)
    if file_model is not None:
        _attach(dataset, name, file_model, indexes)
    return [*loaded.problems, *file_problems]


def _validate_file(loaded: LoadedFile, model: type[BaseModel], list_key: str):
    """Validate a whole file, keeping every entry that is valid on its own.

    pydantic reports every fault in one pass; entries with no fault of their own are kept
    so that the rules that span files can still run on them.
    """
    if not isinstance(loaded.data, dict):
        where = loaded.locate(())
        return None, None, [Problem(where, f"the file must start with '{list_key}:'")]
    try:
        return model.model_validate(loaded.data), None, []
    except ValidationError as error:
        problems = list(problems_from(error, loaded, model))
        bad_items = {
            d["loc"][1] for d in error.errors() if len(d["loc"]) > 1 and d["loc"][0] == list_key
        }
        salvaged, indexes = _salvage(loaded.data, model, list_key, bad_items)
        return salvaged, indexes, problems


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
    return {item["id"] for item in items if isinstance(item, dict) and "id" in item}


def _attach(dataset: Dataset, name: str, file_model: BaseModel, indexes: list | None) -> None:
    list_key = DATA_FILES[name][1]
    items = getattr(file_model, list_key, None) or []
    for index, item in zip(indexes or range(len(items)), items, strict=True):
        item._where = (name, (list_key, index))
    if isinstance(file_model, BoroughsFile):
        dataset.boroughs = list(items)
        dataset.shared_sections = list(getattr(file_model, "shared_sections", None) or [])
        dataset.site_url = getattr(file_model, "site_url", None)
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
    else:
        setattr(dataset, list_key, list(items))
