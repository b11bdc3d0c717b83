"""JSON Schemas for the data files, generated from the models that validate them.

An editor with a YAML extension (VS Code's uses yaml-language-server) reads the schema named
on a data file's first line and autocompletes field names, shows each field's description
and flags unknown fields as they are typed. `handbook check` stays the authority: a schema
cannot say that a phone number is valid or that a contact id exists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .dataset import DATA_FILES

SCHEMA_FOLDER = "schemas"
# yaml-language-server understands JSON Schema draft 7 and older, not pydantic's 2020-12.
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def schema_file_name(data_file: str) -> str:
    """'services.yaml' -> 'services.schema.json'."""
    return data_file.removesuffix(".yaml") + ".schema.json"


def modeline(data_file: str) -> str:
    """The first line of a data file, naming its schema for the editor."""
    return f"# yaml-language-server: $schema=../{SCHEMA_FOLDER}/{schema_file_name(data_file)}"


def schema_texts() -> dict[str, str]:
    """Every schema file's name and its text, as `handbook schema` writes them."""
    return {
        schema_file_name(name): _dump(file_schema(name, model))
        for name, (model, _) in DATA_FILES.items()
    }


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def file_schema(data_file: str, model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    header = {
        "$schema": DRAFT_07,
        "title": f"data/{data_file}",
        "description": (
            f"The fields of data/{data_file}. Generated from src/handbook/model.py by "
            "`make schemas`; do not edit by hand."
        ),
    }
    body = {key: value for key, value in schema.items() if key not in ("title", "description")}
    if definitions:
        body["definitions"] = definitions
    return _for_draft_07(header | body)


def _for_draft_07(node: Any) -> Any:
    """Rewrite what draft 7 reads differently from pydantic's output, everywhere in `node`."""
    if isinstance(node, list):
        return [_for_draft_07(item) for item in node]
    if not isinstance(node, dict):
        return node
    # An editor's completion would insert `notes: null`; optional fields simply have no default.
    node = {k: _for_draft_07(v) for k, v in node.items() if not (k == "default" and v is None)}
    if "$ref" in node and len(node) > 1:
        # Draft 7 ignores keywords beside $ref, which would hide a field's description.
        ref = node.pop("$ref")
        node = {"allOf": [{"$ref": ref}], **node}
    return node


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
