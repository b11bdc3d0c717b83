"""The yardstick: a plain MkDocs + Material project over the same Markdown as our build.

What someone would get by pointing MkDocs at the pages `handbook build` renders, set up as
Material's documentation sets a project up: Material with its own search plugin and
`navigation.sections`, and no `nav`, so that MkDocs puts every page in the navigation.
Our Markdown extensions, so that each page's own content converts the same. The ratio of
our build to this one is what our pipeline saves or costs.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .runner import REPO

FEATURES = ["navigation.sections", "navigation.indexes"]


def write_config(docs: Path, site_name: str, target: Path) -> Path:
    """Write the plain project's mkdocs.yml for the rendered pages in `docs`."""
    ours = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": site_name,
        "docs_dir": str(docs.resolve()),
        "theme": {"name": "material", "features": FEATURES},
        "plugins": ["search"],
        "markdown_extensions": ours["markdown_extensions"],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target
