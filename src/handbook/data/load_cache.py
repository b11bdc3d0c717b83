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
FORMAT = 1


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
        with entry.open("rb") as stream:
            if stream.read(len(key)) != key:
                return None
            with loader.collector_paused():  # many small values that all live on
                kept = marshal.loads(stream.read())  # whole: load() reads piecemeal
        return _unpack(kept)
    except (OSError, EOFError, ValueError, TypeError):  # absent, or not one of ours
        return None


def _write(entry: Path, key: bytes, loaded: LoadedFile) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        ignore = entry.parent / ".gitignore"
        if not ignore.exists():  # never committed, in whichever project it is made
            ignore.write_text("*\n")
        # Written beside the entry and renamed over it: a check running at the same time
        # reads the old entry or the new one, never half of one.
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=entry.name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(key)
            marshal.dump(_pack(loaded), stream)
        os.replace(temporary, entry)
    except OSError:
        return


def _pack(loaded: LoadedFile) -> tuple:
    locations = loaded.locations
    marks = locations.marks if isinstance(locations, Locations) else None
    return (
        loaded.path,
        loaded.data,
        marks,
        [(*astuple(p.location), p.message, p.rule, p.level) for p in loaded.problems],
        loaded.written,
    )


def _unpack(kept: tuple) -> LoadedFile:
    path, data, marks, found, written = kept
    loaded = LoadedFile(path, data, problems=[], written=written)
    if marks is not None:
        loaded.locations = Locations(path)
        loaded.locations.marks = marks
    loaded.problems = [
        Problem(Location(where, line, column), message, rule, level)
        for where, line, column, message, rule, level in found
    ]
    return loaded
