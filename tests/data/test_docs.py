"""CONTRIBUTING.md cannot drift from the models: every field is documented, exactly as required.

As datasette's test_docs does for its settings: the models are the one definition, and the
editors' field reference is checked against them.
"""

from __future__ import annotations

import re
import typing

import pytest
from pydantic import BaseModel

from handbook.data import model
from handbook.data.dataset import DATA_FILES

from ..conftest import REPO

DOC = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")

# The heading of each model's table in the field reference.
HEADINGS = {
    "BoroughsFile": "`data/boroughs.yaml`",
    "Borough": "A borough",
    "Section": "A section",
    "Area": "An area without a site",
    "Licence": "An open data licence",
    "ContactsFile": "`data/contacts.yaml`",
    "Contact": "A contact",
    "ServicesFile": "`data/services.yaml`",
    "Service": "A service",
    "Ages": "A service's ages",
    "Referral": "A service's referral",
    "LevelsFile": "`data/levels.yaml`",
    "Level": "A level",
    "GlossaryFile": "`data/glossary.yaml`",
    "Term": "A term",
    "Entry": "Source and review fields",
    "SearchFile": "`data/search.yaml`",
    "Synonym": "A synonym",
}
ROW = re.compile(r"^\| `(\w+)` \| (required|optional) \|", re.MULTILINE)


def _models() -> list[type[BaseModel]]:
    """Every model the data files use, found from DATA_FILES through the fields' types."""
    found: list[type[BaseModel]] = []

    def visit(annotation) -> None:
        is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
        if is_model and annotation not in found:
            found.append(annotation)
            for info in annotation.model_fields.values():
                visit(info.annotation)
        for arg in typing.get_args(annotation):
            visit(arg)

    for file_model, _ in DATA_FILES.values():
        visit(file_model)
    return found


def _table(heading: str) -> dict[str, str]:
    """The rows of the table under `### heading` in the field reference: field -> required?"""
    reference = DOC.split("\n## Field reference\n", 1)[1]
    sections = re.split(r"^### ", reference, flags=re.MULTILINE)
    body = next((s for s in sections if s.startswith(heading + "\n")), None)
    assert body is not None, f"CONTRIBUTING.md has no '### {heading}' in its field reference"
    return dict(ROW.findall(body))


def _documented_in(model_class: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Each field of a model and the model whose table documents it (Entry's are shared)."""
    shared = issubclass(model_class, model.Entry) and model_class is not model.Entry
    return {
        name: model.Entry if shared and name in model.Entry.model_fields else model_class
        for name in model_class.model_fields
    }


def test_every_model_has_a_table():
    missing = [m.__name__ for m in _models() if m.__name__ not in HEADINGS]
    assert missing == [], f"add a table for {missing} to CONTRIBUTING.md and to HEADINGS here"


@pytest.mark.parametrize("model_class", [*_models(), model.Entry], ids=lambda m: m.__name__)
def test_every_field_is_documented_as_required_or_optional(model_class):
    tables = {}
    for name, owner in _documented_in(model_class).items():
        table = tables.setdefault(owner, _table(HEADINGS[owner.__name__]))
        expected = "required" if owner.model_fields[name].is_required() else "optional"
        assert table.get(name) == expected, (
            f"CONTRIBUTING.md, '### {HEADINGS[owner.__name__]}': `{name}` should be {expected}"
        )


@pytest.mark.parametrize("model_class", [*_models(), model.Entry], ids=lambda m: m.__name__)
def test_no_field_is_documented_that_does_not_exist(model_class):
    own = {name for name, owner in _documented_in(model_class).items() if owner is model_class}
    documented = set(_table(HEADINGS[model_class.__name__]))
    assert documented <= own, (
        f"CONTRIBUTING.md documents fields that do not exist: {documented - own}"
    )


@pytest.mark.parametrize("values", [model.TAGS, model.ROUTES], ids=["tags", "routes"])
def test_fixed_lists_are_documented(values):
    missing = [value for value in values if f"`{value}`" not in DOC]
    assert missing == [], f"CONTRIBUTING.md does not list {missing}"


def test_commands_editors_use_are_documented():
    for command in (
        "make check",
        "make serve BOROUGH=",
        "make publish VERSION=",
        "handbook review",
    ):
        assert command in DOC
