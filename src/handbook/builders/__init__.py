"""Builders: turn one borough's rendered folder into a static site.

A builder is one replaceable step behind a small interface (`Builder`): it is given the
configuration file that the render stage wrote (src/handbook/site/stage.py) and writes the
site where that configuration says. MkDocs 1.6 is the default; ProperDocs (a maintained fork
of MkDocs 1.6) and Zensical (the successor by Material's authors) read the same file.
Nothing a practitioner relies on lives only in a builder: search, PDFs, open data and the
checks are our own after-build steps (src/handbook/postbuild/).

Adding a builder is one module with a class like those below and one line in BUILDERS.
"""

from __future__ import annotations

from .base import Builder, BuildFailed
from .mkdocs import MkDocsBuilder
from .properdocs import ProperDocsBuilder
from .zensical import ZensicalBuilder

BUILDERS: dict[str, type[Builder]] = {
    "mkdocs": MkDocsBuilder,
    "properdocs": ProperDocsBuilder,
    "zensical": ZensicalBuilder,
}
DEFAULT = "mkdocs"


def get(name: str) -> Builder:
    try:
        return BUILDERS[name]()
    except KeyError:
        raise BuildFailed(f"unknown builder '{name}' (one of: {', '.join(BUILDERS)})") from None


__all__ = ["BUILDERS", "DEFAULT", "Builder", "BuildFailed", "get"]
