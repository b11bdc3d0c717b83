"""Property test: however the real data files are broken (bytes changed, lines deleted or
repeated, values of the wrong type, YAML's unsafe features), `handbook check` prints only
`path:line: ...` lines (and its closing count), never a traceback."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.cli import main

from ..conftest import REPO

DATA_FILES = sorted(path.name for path in (REPO / "data").glob("*.yaml"))
PAGES = sorted(str(p.relative_to(REPO)) for p in (REPO / "content").rglob("*.md"))
PROBLEM_LINE = re.compile(r"^(?:data|content)/[^:\s]+:\d+: \S")
CLOSING_LINE = re.compile(r"^\d+ (?:error|warning)\(s\)")
# Values of other types, and the YAML an attacker might try, put in place of a value.
SWAPS = [
    "[1, 2]", "{a: b}", "123", "01254666400", "true", "~", '""', "2026-02-30", "&a x", "*a",
    "!!python/name:os.system", "<<: {}", "[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]",
    '"<img src=x onerror=alert(1)>"', "'[a](javascript:alert(1))'", "- x", ": :", "!x y",
    '"\\u0000"', "[a](https://evil.example){ onclick=\"x{\" }", "-1e400", ".nan",
]  # fmt: skip


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("mutated")
    for name in ("data", "content", "mkdocs.yml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    return root


@st.composite
def mutations(draw):
    """(file, new bytes): one of the project's files, broken in one way."""
    name = draw(st.sampled_from([f"data/{n}" for n in DATA_FILES] + PAGES[:3]))
    original = (REPO / name).read_bytes()
    lines = original.split(b"\n")
    kind = draw(st.sampled_from(["bytes", "delete", "repeat", "swap"]))
    at = draw(st.integers(0, len(lines) - 1))
    if kind == "bytes":
        offset = draw(st.integers(0, len(original) - 1))
        junk = draw(st.binary(min_size=1, max_size=4))
        return name, original[:offset] + junk + original[offset + len(junk) :]
    if kind == "delete":
        count = draw(st.integers(1, 3))
        return name, b"\n".join(lines[:at] + lines[at + count :])
    if kind == "repeat":
        return name, b"\n".join(lines[: at + 1] + lines[at:])
    line = lines[at].decode("utf-8", "replace")
    key, colon, _ = line.partition(": ")
    value = draw(st.sampled_from(SWAPS))
    swapped = f"{key}: {value}" if colon else f"{line} {value}"
    return name, b"\n".join(lines[:at] + [swapped.encode("utf-8")] + lines[at + 1 :])


@settings(
    max_examples=int(os.environ.get("HANDBOOK_MUTATIONS", "60")),  # more for a deeper search
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutation=mutations())
def test_check_prints_only_problems_at_their_lines(copy, capsys, mutation):
    name, broken = mutation
    target = copy / name
    original = target.read_bytes()
    target.write_bytes(broken)
    try:
        status = main(["--root", str(copy), "check"])  # a traceback would fail the test here
    finally:
        target.write_bytes(original)
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert status in (0, 1)
    assert captured.out == ""
    stray = [line for line in lines if not (PROBLEM_LINE.match(line) or CLOSING_LINE.match(line))]
    assert stray == [], f"{name}: lines that are not problems: {stray}"
    if status == 1:
        assert any(PROBLEM_LINE.match(line) for line in lines)
