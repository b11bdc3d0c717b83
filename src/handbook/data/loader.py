"""Load YAML and remember where every value came from.

PyYAML's composer gives every node its position; we build plain Python values from those
nodes ourselves so that each value's path (keys and list indexes) maps to a file and line.
A syntax error or a repeated key becomes a Problem at its line, never a traceback.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .problems import Location, Problem

try:  # libyaml is several times faster; fall back where it is not compiled in.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

PathKey = tuple[str | int, ...]
STR_TAG = "tag:yaml.org,2002:str"


class Locations(Mapping):
    """Where each value of a file sits: the line and column as read, a Location when asked.

    10,000 services are 700,000 values and a check asks where a handful of them are; making
    every Location up front was a third of the time spent turning nodes into values.
    """

    def __init__(self, path: str):
        self.path = path
        self.marks: dict[PathKey, tuple[int, int]] = {}

    def __getitem__(self, key: PathKey) -> Location:
        line, column = self.marks[key]
        return Location(self.path, line, column)

    def __contains__(self, key: object) -> bool:
        return key in self.marks

    def __iter__(self) -> Iterator[PathKey]:
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)


@dataclass
class LoadedFile:
    """One YAML file: its data, where each value sits, and what went wrong reading it."""

    path: str
    data: Any = None
    locations: Mapping[PathKey, Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def locate(self, key: PathKey) -> Location:
        """The location of `key`, or of its nearest ancestor that exists in the file."""
        while key not in self.locations and key:
            key = key[:-1]
        return self.locations.get(key, Location(self.path, 1))


def load_yaml(path: Path, display_path: str | None = None) -> LoadedFile:
    shown = display_path or str(path)
    loaded = LoadedFile(shown)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        loaded.problems.append(Problem(Location(shown, 1), "file not found", "syntax"))
        return loaded
    except UnicodeDecodeError as exc:
        loaded.problems.append(
            Problem(Location(shown, 1), f"not UTF-8 text ({exc.reason})", "syntax")
        )
        return loaded
    with collector_paused():
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            loaded.problems.append(_syntax_problem(shown, exc))
            return loaded
        except yaml.YAMLError as exc:  # pragma: no cover - errors without a position
            loaded.problems.append(Problem(Location(shown, 1), f"YAML error: {exc}", "syntax"))
            return loaded
        loaded.data = {} if root is None else _Builder(loaded).build(root, ())
    return loaded


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while data is read: YAML to nodes, values and models.

    Each step allocates several objects per YAML node and frees none, so the collector runs
    again and again over an ever larger heap and finds nothing: it was over half of
    `handbook check` on 10,000 services (`make bench`). Nodes, values and models hold no
    reference cycles, so the pause leaves nothing uncollected.
    """
    if not gc.isenabled():  # already paused by a caller: leave it as it is
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _syntax_problem(shown: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    what = exc.problem or "invalid YAML"
    context = f" {exc.context}" if exc.context else ""
    message = (
        f"YAML syntax error: {what}{context} "
        "(check the indentation and that text containing ': ' is in quotes)"
    )
    return Problem(Location(shown, line, column), message, "syntax")


class _Builder:
    def __init__(self, loaded: LoadedFile):
        self.loaded = loaded
        loaded.locations = Locations(loaded.path)
        self.marks = loaded.locations.marks  # written directly: this is the hot loop
        self.constructor = SafeConstructor()

    def build(self, node: yaml.Node, key: PathKey) -> Any:
        mark = node.start_mark
        self.marks[key] = (mark.line + 1, mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, key)
        if isinstance(node, SequenceNode):
            return [self.build(item, key + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        # Nearly every value and key is text, which is the node's value as it stands; the
        # constructor's bookkeeping for it cost more than composing the node.
        if isinstance(node, ScalarNode) and node.tag == STR_TAG:
            return node.value
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: MappingNode, key: PathKey) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            name = self._scalar(key_node)
            if not isinstance(name, (str, int)):
                self.loaded.problems.append(
                    Problem(_location(self.loaded.path, key_node), "a key must be plain text")
                )
                continue
            name = str(name)
            if name in result:
                self.loaded.problems.append(
                    Problem(
                        _location(self.loaded.path, key_node),
                        f"'{name}' appears twice in the same entry (remove one of them)",
                        "duplicates",
                    )
                )
                continue
            result[name] = self.build(value_node, key + (name,))
            # The line of the key itself is where an editor looks for a misspelt field.
            mark = key_node.start_mark
            self.marks[key + (name,)] = (mark.line + 1, mark.column + 1)
        return result


def _location(path: str, node: yaml.Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)
