"""The located loader's results, kept between runs and keyed by each file's bytes.

Reading 10,000 services' YAML with every value's line takes seconds (the parser's events
are made one Python object at a time); reading back what the loader made from the same
bytes last time takes a tenth of that. The loader stays the source of every line number:
this only keeps what it returned, and is used only for the very bytes and the very loader
code that made it. A key that does not match is a miss, never a stale answer.

One entry a data file, in `<root>/.cache/handbook/`, overwritten when the file changes, so
the cache never grows past one copy of the data. A folder that cannot be written to only
means no cache. marshal, not pickle: it makes plain values and can run no code.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import struct
import sys
import tempfile
from dataclasses import astuple
from pathlib import Path

import yaml

from . import loader, problems
from .loader import LoadedFile, Locations
from .problems import Location, Problem

FOLDER = Path(".cache") / "handbook"
# What the loader's result depends on besides the file: its code and the parser under it
# (libyaml words its syntax errors its own way), and marshal's format (Python's version).
_CODE = (Path(loader.__file__), Path(problems.__file__), Path(__file__))
FORMAT = 2
_LENGTH = struct.Struct("<Q")  # the length of what was found, before where each value sits


def load(root: Path, path: Path, display_path: str) -> LoadedFile:
    """`loader.load_yaml(path, display_path)`, from the cache where the file is unchanged."""
    loaded = LoadedFile(display_path)
    raw = loader.read_bytes(path, loaded)
    if raw is None:  # not a file, too large, unreadable: said in `loaded`, nothing to keep
        return loaded
    key = _key(display_path, raw)
    entry = root / FOLDER / (display_path.replace("/", "_") + ".marshal")
    kept = _read(entry, key)
    if kept is not None:
        return kept
    loaded = loader.parse_yaml(raw, loaded)
    _write(entry, key, loaded)
    return loaded


def _key(display_path: str, raw: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=32)
    for part in (str(FORMAT), sys.version, yaml.__version__, str(yaml.__with_libyaml__)):
        digest.update(part.encode() + b"\0")
    for code in _CODE:
        digest.update(code.read_bytes() + b"\0")
    digest.update(display_path.encode() + b"\0")  # messages name the file as shown
    digest.update(raw)
    return digest.digest()


def _read(entry: Path, key: bytes) -> LoadedFile | None:
    try:
        kept = memoryview(entry.read_bytes())  # sliced without copying
        if kept[: len(key)] != key:
            return None
        split = len(key) + _LENGTH.size
        (length,) = _LENGTH.unpack(kept[len(key) : split])
        with loader.collector_paused():  # many small values that all live on
            found = marshal.loads(kept[split : split + length])
        return _unpack(found, bytes(kept[split + length :]))
    except (OSError, EOFError, ValueError, TypeError, struct.error):  # absent, or not ours
        return None


def _write(entry: Path, key: bytes, loaded: LoadedFile) -> None:
    try:
        found, marks = _pack(loaded)
    except ValueError:  # a value marshal cannot keep: the loader makes none, but never fail
        return
    temporary = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        ignore = entry.parent / ".gitignore"
        if not ignore.exists():  # never committed, in whichever project it is made
            ignore.write_text("*\n")
        # Written beside the entry and renamed over it: a check running at the same time
        # reads the old entry or the new one, never half of one.
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=entry.name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(key + _LENGTH.pack(len(found)) + found + marks)
        os.replace(temporary, entry)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _pack(loaded: LoadedFile) -> tuple[bytes, bytes]:
    """What the loader found, and apart from it where each value sits (b"" when nowhere)."""
    locations = loaded.locations
    marks = marshal.dumps(locations.marks) if isinstance(locations, Locations) else b""
    found = (
        loaded.path,
        loaded.data,
        [(*astuple(p.location), p.message, p.rule, p.level) for p in loaded.problems],
        loaded.written,
    )
    return marshal.dumps(found), marks


def _unpack(found: tuple, marks: bytes) -> LoadedFile:
    path, data, problems_found, written = found
    loaded = LoadedFile(path, data, problems=[], written=written)
    if marks:
        loaded.locations = _KeptLocations(path, marks)
    loaded.problems = [
        Problem(Location(where, line, column), message, rule, level)
        for where, line, column, message, rule, level in problems_found
    ]
    return loaded


class _KeptLocations(Locations):
    """Locations read back from the cache, decoded when first asked: at 10,000 services
    they are half of what is kept, and a check that finds no fault asks for none."""

    def __init__(self, path: str, kept: bytes):
        self.path = path
        self._kept: bytes | None = kept
        self._marks: dict | None = None

    @property
    def marks(self) -> dict:
        if self._marks is None:
            with loader.collector_paused():
                self._marks = marshal.loads(self._kept or b"")
            self._kept = None
        return self._marks
