"""The loader keeps file:line for every value and turns YAML faults into problems."""

from __future__ import annotations

from handbook.data.loader import load_yaml


def test_every_value_has_its_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("services:\n  - id: a\n    ages:\n      min: 3\n  - id: b\n")
    loaded = load_yaml(path, "x.yaml")
    assert loaded.data == {"services": [{"id": "a", "ages": {"min": 3}}, {"id": "b"}]}
    assert loaded.locate(("services", 0, "ages", "min")).line == 4
    assert loaded.locate(("services", 1, "id")).line == 5
    # A path that does not exist (a missing field) falls back to its nearest ancestor.
    assert loaded.locate(("services", 1, "name")).line == 5


def test_repeated_key_is_reported_at_the_second(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("contacts:\n  - id: a\n    phone: '1'\n    phone: '2'\n")
    loaded = load_yaml(path, "x.yaml")
    assert [p.format_plain() for p in loaded.problems] == [
        "x.yaml:4: 'phone' appears twice in the same entry (remove one of them)"
    ]


def test_unquoted_colon_is_a_syntax_problem_at_its_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("services:\n  - id: a\n    summary: Call us: now\n")
    loaded = load_yaml(path, "x.yaml")
    assert len(loaded.problems) == 1
    assert loaded.problems[0].location.line == 3
    assert "YAML syntax error" in loaded.problems[0].message


def test_empty_file_is_an_empty_mapping(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("# nothing yet\n")
    loaded = load_yaml(path, "x.yaml")
    assert loaded.data == {} and loaded.problems == []


def test_values_keep_how_they_were_written(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("phone: 01254666400\nday: 2026-11-31\nmonths: 6\nname: '6'\n")
    loaded = load_yaml(path, "x.yaml")
    # YAML reads 01254666400 as a number in base 8; a date that does not exist stays text.
    assert loaded.data == {"phone": 179531008, "day": "2026-11-31", "months": 6, "name": "6"}
    assert loaded.written[("phone",)] == "01254666400"


def test_a_file_too_large_is_not_read(tmp_path, monkeypatch):
    from handbook.data import loader

    monkeypatch.setattr(loader, "MAX_BYTES", 10)
    path = tmp_path / "x.yaml"
    path.write_text("services:\n  - id: a\n")
    loaded = load_yaml(path, "x.yaml")
    assert loaded.data is None
    assert [p.message for p in loaded.problems] == ["the file is larger than 0 MB"]


def test_aliases_are_never_expanded(tmp_path):
    # Each alias would double the data: read as values, this would be 2**40 items.
    lines = ["a0: &a0 [x, x]"] + [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, 41)]
    path = tmp_path / "x.yaml"
    path.write_text("\n".join(lines) + "\n")
    loaded = load_yaml(path, "x.yaml")
    assert loaded.data is None
    assert len(loaded.problems) == 41  # one a line
