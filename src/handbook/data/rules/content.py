"""content/ holds only what is meant to be published: real Markdown pages and the images
they use. A symbolic link (to the system password file, say) or any other kind of file (an
.html page with a script in it) would be copied into every site unchecked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..content import IMAGE_SUFFIXES
from ..dataset import Dataset
from ..problems import Location, Problem

# Left by version control in an empty folder; never published.
KEPT_EMPTY = ".gitkeep"


def check(dataset: Dataset) -> Iterator[Problem]:
    root = dataset.content_dir
    if root.is_symlink():
        yield _problem(dataset, root, _LINK)
        return
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):  # never follows a link to a folder
        here = Path(folder)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                yield _problem(dataset, here / name, _LINK)
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
        for name in sorted(files):
            yield from _file(dataset, here / name)


_LINK = (
    "is a link to another file or folder (a symbolic link): content/ may hold only real "
    "files, so copy the file in instead"
)


def _file(dataset: Dataset, path: Path) -> Iterator[Problem]:
    suffix = path.suffix.lower()
    if path.is_symlink():
        yield _problem(dataset, path, _LINK)
    elif not path.is_file():
        yield _problem(dataset, path, "is not a file: content/ may hold only pages and images")
    elif suffix == ".svg":
        yield _problem(dataset, path, "SVG images can carry scripts: save the image as PNG instead")
    elif suffix != ".md" and suffix not in IMAGE_SUFFIXES and path.name != KEPT_EMPTY:
        allowed = ", ".join(IMAGE_SUFFIXES)
        yield _problem(
            dataset,
            path,
            f"content/ may hold only Markdown pages (.md) and images ({allowed}): move or "
            "delete this file",
        )


def _problem(dataset: Dataset, path: Path, message: str) -> Problem:
    shown = path.relative_to(dataset.root).as_posix()
    return Problem(Location(shown, 1), message, "content")
