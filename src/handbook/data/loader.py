"""Load YAML and remember where every value came from.

We build plain Python values straight from the parser's events, so that each value's path
(keys and list indexes) maps to a file and line, and so that nothing in a file can make the
loader do more than read it: anchors, aliases, merge keys and tags (which the data needs
none of) are problems at their line, never expanded or constructed; nesting and size have
limits. A syntax error, a repeated key or an impossible value becomes a Problem at its line,
never a traceback.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
)  # fmt: skip
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .problems import Location, Problem

try:  # libyaml is several times faster; fall back where it is not compiled in.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

PathKey = tuple[str | int, ...]
STR_TAG = "tag:yaml.org,2002:str"
YAML_TAGS = "tag:yaml.org,2002:"

# The data is a list of entries whose fields hold lists of text at most: 6 levels deep. The
# limits stop a file built to exhaust memory or time, far above anything an editor writes.
MAX_DEPTH = 20
MAX_BYTES = 64 * 1024 * 1024


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
    """One YAML file: its data, where each value sits, and what went wrong reading it.

    `data` is None when the file could not be read safely; `written` keeps how each value
    that YAML did not read as text was written (`01254666400`, read as the number
    179531008), so that messages can quote the editor's own words.
    """

    path: str
    data: Any = None
    locations: Mapping[PathKey, Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    written: dict[PathKey, str] = field(default_factory=dict)

    def locate(self, key: PathKey) -> Location:
        """The location of `key`, or of its nearest ancestor that exists in the file."""
        while key not in self.locations and key:
            key = key[:-1]
        return self.locations.get(key, Location(self.path, 1))


def load_yaml(path: Path, display_path: str | None = None) -> LoadedFile:
    loaded = LoadedFile(display_path or str(path))
    raw = read_bytes(path, loaded)
    return loaded if raw is None else parse_yaml(raw, loaded)


def read_bytes(path: Path, loaded: LoadedFile) -> bytes | None:
    """The file's bytes, or None with a problem in `loaded` saying why it cannot be read."""
    where = Location(loaded.path, 1)
    try:
        if path.is_symlink() or not path.is_file():
            message = "file not found" if not path.exists() else "must be a file of its own"
            loaded.problems.append(Problem(where, message, "syntax"))
            return None
        if path.stat().st_size > MAX_BYTES:
            loaded.problems.append(
                Problem(where, f"the file is larger than {MAX_BYTES // 2**20} MB", "syntax")
            )
            return None
        return path.read_bytes()
    except OSError as exc:
        loaded.problems.append(Problem(where, f"cannot be read ({exc.strerror})", "syntax"))
        return None


def parse_yaml(raw: bytes, loaded: LoadedFile) -> LoadedFile:
    """Fill `loaded` from a file's bytes: its values, where each sits, what went wrong."""
    shown = loaded.path
    text = _decode(raw, loaded)
    if text is None:
        return loaded
    with collector_paused():
        builder = _Builder(loaded)
        try:
            for event in yaml.parse(text, Loader=_Loader):
                if not builder.take(event):
                    break
        except yaml.MarkedYAMLError as exc:
            loaded.problems.append(_syntax_problem(shown, exc))
            return loaded
        except yaml.YAMLError as exc:  # errors of the reader: a character YAML refuses
            loaded.problems.append(_reader_problem(shown, text, exc))
            return loaded
    if builder.unsafe:
        loaded.problems.extend(builder.unsafe)
        loaded.locations = {}
        return loaded
    loaded.data = {} if builder.root is _NOTHING else builder.root
    return loaded


def _decode(raw: bytes, loaded: LoadedFile) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"not UTF-8 text ({exc.reason}); save the file as UTF-8"
        loaded.problems.append(Problem(Location(loaded.path, line), message, "syntax"))
        return None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while data is read: YAML to values and models.

    Each step allocates several objects per YAML value and frees none, so the collector runs
    again and again over an ever larger heap and finds nothing: it was over half of
    `handbook check` on 10,000 services (`make bench`). Values and models hold no reference
    cycles, so the pause leaves nothing uncollected.

    Afterwards what was read is frozen (`gc.freeze`): it is kept for the rest of the run, and
    the collector, once resumed, would otherwise go over all of it again each time the rules
    had made enough objects of their own, finding nothing (another third of a check at
    10,000 services). Frozen values are still freed when let go; only a cycle among them
    would wait, and they have none.
    """
    if not gc.isenabled():  # already paused by a caller: leave it as it is
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def release_frozen() -> None:
    """Let the collector have again what `collector_paused` froze, and collect it.

    Freezing suits a command that reads the data once and exits. `gc.freeze` freezes every
    object of the process, though, so a process that lives on and reads the data again (the
    live preview, on every save, beside MkDocs' pages, which do hold cycles) calls this first,
    or each earlier rebuild's cycles would be kept for good."""
    gc.unfreeze()
    gc.collect()


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


def _reader_problem(shown: str, text: str, exc: yaml.YAMLError) -> Problem:
    position = getattr(exc, "position", 0) or 0
    line = text.count("\n", 0, position) + 1
    character = getattr(exc, "character", None)  # libyaml gives its code, PyYAML the text
    code = ord(character) if isinstance(character, str) else character
    what = f" (U+{code:04X})" if isinstance(code, int) else ""
    message = f"a character YAML does not allow{what}: delete it or retype the line"
    return Problem(Location(shown, line), message, "syntax")


_NOTHING = object()  # no document yet (an empty file)
_SKIP = object()  # a value with no place in the data: under a key that was refused


class _Frame:
    """An open mapping or list, and where its next value goes."""

    __slots__ = ("value", "key", "next_key", "key_mark", "expect_key")

    def __init__(self, value, key: PathKey):
        self.value = value
        self.key = key
        self.next_key: str | object | None = None  # the key waiting for its value
        self.key_mark: tuple[int, int] = (1, 1)
        self.expect_key = True


class _Builder:
    """Turns parser events into values, recording each value's line and any unsafe YAML."""

    def __init__(self, loaded: LoadedFile):
        self.loaded = loaded
        loaded.locations = Locations(loaded.path)
        self.marks = loaded.locations.marks  # written directly: this is the hot loop
        self.stack: list[_Frame] = []
        self.root: Any = _NOTHING
        self.documents = 0
        self.unsafe: list[Problem] = []  # faults that make the file unusable
        self.unsafe_lines: set[int] = set()
        self.resolver = Resolver()
        self.constructor = SafeConstructor()
        self._written: str | None = None  # how the scalar being placed was written

    def take(self, event) -> bool:
        """Handle one event; False when reading must stop."""
        if isinstance(event, ScalarEvent):
            self._place(self._scalar(event), event)
        elif isinstance(event, CollectionStartEvent):
            self._check_unsafe(event)
            if len(self.stack) >= MAX_DEPTH:
                self._unsafe(event, f"nested more than {MAX_DEPTH} levels deep "
                             "(check the indentation)")  # fmt: skip
                return False
            value = {} if isinstance(event, MappingStartEvent) else []
            key = self._place(value, event)
            self.stack.append(_Frame(value, key))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
        elif isinstance(event, AliasEvent):
            self._unsafe(event, f"aliases ('*{event.anchor}') are not allowed: write the "
                         "value out in full")  # fmt: skip
            self._place(_SKIP, event)
        elif isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._unsafe(event, "a data file holds one document: remove the '---' line "
                             "and what follows it, or merge the two")  # fmt: skip
                return False
        return True

    def _scalar(self, event: ScalarEvent):
        self._check_unsafe(event)
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.expect_key and isinstance(frame.value, dict):
            if event.value == "<<" and event.implicit[0]:
                self._unsafe(event, "merge keys ('<<') are not allowed: write out each "
                             "field the entry needs")  # fmt: skip
            return event.value  # a key is a name, whatever it looks like
        # Nearly every value is text, which is the event's value as it stands.
        if event.tag is not None or not event.implicit[0]:
            return event.value
        tag = self.resolver.resolve(ScalarNode, event.value, (True, False))
        if tag == STR_TAG or tag in (YAML_TAGS + "merge", YAML_TAGS + "value"):
            return event.value
        if tag == YAML_TAGS + "timestamp":
            # Kept as written: the model reads dates, and says so when one does not exist
            # (2026-11-31), where PyYAML's constructor would raise.
            value = event.value
        else:
            try:
                value = self.constructor.construct_object(ScalarNode(tag, event.value))
            except (ConstructorError, ValueError):
                value = event.value
        self._written = event.value
        return value

    def _place(self, value, event) -> PathKey:
        """Put a value where it belongs: the root, the next item of a list, or under a key."""
        mark = event.start_mark
        line_column = (mark.line + 1, mark.column + 1)
        written, self._written = self._written, None
        if not self.stack:
            self.root = value
            self.marks[()] = line_column
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            key = frame.key + (len(frame.value),)
            frame.value.append(value)
            self.marks[key] = line_column
        elif frame.expect_key:
            frame.expect_key = False
            frame.key_mark = line_column
            frame.next_key = self._key_name(value, frame, event)
            return frame.key + ("\0key",)
        else:
            frame.expect_key = True
            name = frame.next_key
            if not isinstance(name, str) or value is _SKIP:
                return frame.key + ("\0skipped",)
            key = frame.key + (name,)
            frame.value[name] = value
            # The line of the key itself is where an editor looks for a misspelt field.
            self.marks[key] = frame.key_mark
        if written is not None:
            self.loaded.written[key] = written
        return key

    def _key_name(self, value, frame: _Frame, event) -> str | object:
        where = Location(self.loaded.path, *frame.key_mark)
        if not isinstance(value, str):
            self.loaded.problems.append(Problem(where, "a key must be plain text"))
            return _SKIP
        if value in frame.value:
            message = f"'{value}' appears twice in the same entry (remove one of them)"
            self.loaded.problems.append(Problem(where, message, "duplicates"))
            return _SKIP
        return value

    def _check_unsafe(self, event) -> None:
        if event.anchor is not None:
            self._unsafe(event, f"anchors ('&{event.anchor}') are not allowed: write the "
                         "value out in full where it is needed")  # fmt: skip
        tag = event.tag
        if tag is not None:
            shown = "!!" + tag.removeprefix(YAML_TAGS) if tag.startswith(YAML_TAGS) else tag
            self._unsafe(event, f"tags such as '{shown}' are not allowed: remove it (text "
                         "starting with '!' goes in quotes)")  # fmt: skip

    def _unsafe(self, event, message: str) -> None:
        # One message a line: a line of an alias bomb holds many aliases and one anchor.
        line = event.start_mark.line + 1
        if line in self.unsafe_lines:
            return
        self.unsafe_lines.add(line)
        where = Location(self.loaded.path, line, event.start_mark.column + 1)
        self.unsafe.append(Problem(where, message, "syntax"))
