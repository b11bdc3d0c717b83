"""Load YAML and remember where every value came from.

PyYAML's composer gives every node its position; we build plain Python values from those
nodes ourselves so that each value's path (keys and list indexes) maps to a file and line.
A syntax error or a repeated key becomes a Problem at its line, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .problems import Location, Problem

try:  # libyaml is several times faster; fall back where it is not compiled in.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

PathKey = tuple[str | int, ...]


@dataclass
class LoadedFile:
    """One YAML file: its data, where each value sits, and what went wrong reading it."""

    path: str
    data: Any = None
    locations: dict[PathKey, Location] = field(default_factory=dict)
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
    except FileNotFoundError:
        loaded.problems.append(Problem(Location(shown, 1), "file not found", "syntax"))
        return loaded
    except UnicodeDecodeError as exc:
        loaded.problems.append(
            Problem(Location(shown, 1), f"not UTF-8 text ({exc.reason})", "syntax")
        )
        return loaded
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        loaded.problems.append(_syntax_problem(shown, exc))
        return loaded
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a position
        loaded.problems.append(Problem(Location(shown, 1), f"YAML error: {exc}", "syntax"))
        return loaded
    if root is None:
        loaded.data = {}
        return loaded
    loaded.data = _Builder(loaded).build(root, ())
    return loaded


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
        self.constructor = SafeConstructor()

    def build(self, node: yaml.Node, key: PathKey) -> Any:
        self.loaded.locations[key] = _location(self.loaded.path, node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, key + (i,)) for i, item in enumerate(node.value)]
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, key: PathKey) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            name = self.constructor.construct_object(key_node, deep=True)
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
            self.loaded.locations[key + (name,)] = _location(self.loaded.path, key_node)
        return result


def _location(path: str, node: yaml.Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)
