"""The JSON Schemas editors use: committed, up to date, named on each data file's first line."""

from __future__ import annotations

import json

import pytest

from handbook.cli import main
from handbook.data.dataset import DATA_FILES
from handbook.data.schema import modeline, schema_file_name, schema_texts

from ..conftest import REPO

SCHEMAS = REPO / "schemas"


def test_committed_schemas_are_up_to_date():
    fresh = schema_texts()
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMAS.glob("*.json")}
    stale = sorted(
        name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name)
    )
    assert stale == [], f"schemas/ is out of date ({', '.join(stale)}): run `make schemas`"


@pytest.mark.parametrize("name", DATA_FILES)
def test_each_data_file_names_its_schema_on_its_first_line(name):
    first = (REPO / "data" / name).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{schema_file_name(name)}"
    assert first == modeline(name)


def _objects(node):
    """Every object schema in a schema: the file itself and each definition."""
    yield node
    yield from node.get("definitions", {}).values()


@pytest.mark.parametrize("name", [schema_file_name(name) for name in DATA_FILES])
def test_schemas_help_an_editor(name):
    schema = json.loads(schema_texts()[name])
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)  # draft 7 names them "definitions"
    for obj in _objects(schema):
        assert obj["additionalProperties"] is False, obj.get("title")  # typos are flagged
        for field, prop in obj["properties"].items():
            assert prop.get("description"), f"{obj.get('title')}.{field} has no description"
            assert prop.get("default", "") is not None  # no `notes: null` from completion


def test_a_comment_line_keeps_line_numbers_right(project, check):
    path = "data/contacts.yaml"
    text = project.path(path).read_text(encoding="utf-8")
    project.path(path).write_text(modeline("contacts.yaml") + "\n" + text, encoding="utf-8")
    project.replace(path, '"01254 666400"', '"01254 66640"')
    status, lines = check(project)
    assert status == 1
    assert lines[0].startswith(f"{path}:{project.line_of(path, '66640')}: ns-duty: '01254 66640'")


def test_schema_command_writes_every_schema(tmp_path, capsys):
    out = tmp_path / "schemas"
    assert main(["--root", str(REPO), "schema", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(schema_texts())
    assert capsys.readouterr().out.count("wrote ") == len(DATA_FILES)


def test_real_data_matches_its_schema():
    # The schema must never flag valid data in an editor. jsonschema is not a dependency of
    # the project, so this runs only where it is installed.
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    for name in DATA_FILES:
        schema = json.loads(schema_texts()[schema_file_name(name)])
        # yaml-language-server reads YAML 1.2, where 2026-11-23 is text, not a date.
        data = json.loads(
            json.dumps(yaml.safe_load((REPO / "data" / name).read_text()), default=str)
        )
        validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
        assert [e.message for e in validator.iter_errors(data)] == [], name
