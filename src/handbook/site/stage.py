"""One borough rendered to disk: the folder a builder is given.

    <stage>/<borough>/              the Markdown pages and data files (the builder's docs_dir)
    <stage>/<borough>.mkdocs.yml    the builder configuration: the project's mkdocs.yml with
                                    this borough's name, navigation and footer details
    <stage>/<borough>.json          what the after-build steps need to know (the manifest)

MkDocs, ProperDocs and Zensical all read an mkdocs.yml, so one configuration serves every
builder. Files are written only when their text changed, so a live preview watching the
folder rebuilds once per edit, not in a loop.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..data.addresses import OPEN_DATA, shown_address
from ..data.dataset import Dataset
from . import open_data, webapp
from .render import RenderedSite, to_json

BASE_CONFIG = "mkdocs.yml"
THEME_DIR = "overrides"
# The live preview's hook: the only thing MkDocs runs of ours (src/handbook/builders/).
PREVIEW_HOOK = "hooks/handbook_hooks.py"
# Where the preview's configuration says which project and borough the hook renders.
PREVIEW_KEY = "handbook_preview"


@dataclass(frozen=True)
class Stage:
    """Where one borough's rendered site sits on disk."""

    root: Path
    borough: str

    @property
    def docs(self) -> Path:
        return self.root / self.borough

    @property
    def config(self) -> Path:
        return self.root / f"{self.borough}.mkdocs.yml"

    @property
    def manifest(self) -> Path:
        return self.root / f"{self.borough}.json"

    def read_manifest(self) -> dict:
        return json.loads(self.manifest.read_text(encoding="utf-8"))

    def files(self) -> list[Path]:
        """Everything a build of this borough is made from, in a stable order."""
        pages = sorted(p for p in self.docs.rglob("*") if p.is_file())
        return [self.config, self.manifest, *pages]


def write_stage(
    dataset: Dataset, site: RenderedSite, root: Path, *, preview: bool = False
) -> Stage:
    """Write one rendered borough under `root`; return where it went.

    A `preview` stage's configuration runs our hook, which renders the borough again on
    every rebuild of MkDocs' live server.
    """
    stage = Stage(root, site.borough.id)
    wanted = {**site.pages, **site.files}
    wanted |= {path: source.read_bytes() for path, source in site.images.items()}
    _write_pages(stage.docs, wanted)
    config = builder_config(dataset, site, docs_dir=stage.borough, preview=preview)
    _write_if_changed(stage.config, yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    _write_if_changed(stage.manifest, to_json(manifest(dataset, site)))
    return stage


def builder_config(dataset: Dataset, site: RenderedSite, *, docs_dir: str, preview: bool = False):
    """The project's mkdocs.yml, completed for one borough.

    Paths are absolute where they point into the project (the theme overrides, hooks) and
    relative where they point into the stage, so the same data gives the same file.
    """
    root = dataset.root
    base = yaml.safe_load((root / BASE_CONFIG).read_text(encoding="utf-8")) or {}
    borough = site.borough
    theme = dict(base.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    extra = dict(base.get("extra") or {})
    extra["borough"] = {"id": borough.id, "name": borough.name, **site.header}
    extra["edition"] = site.edition.as_dict()
    # The footer's "Open data" link and licence; the head's manifest and icon.
    extra["open_data"] = {"href": shown_address(OPEN_DATA), "licence": open_data.licence(borough)}
    if not preview:  # the live preview runs no worker (src/handbook/pipeline/steps.py)
        extra["webapp"] = webapp.theme_extra()
    if site.edition.version:
        # Material's version selector reads mike's versions.json, which only a published
        # build has; a plain build would ask for a file that is not there.
        extra["version"] = {"provider": "mike", "default": "latest", "alias": True}
    config = {
        **base,
        "site_name": f"Working Well with Children and Families: {borough.name}",
        "docs_dir": docs_dir,
        "site_dir": f"{docs_dir}.site",
        "theme": theme,
        "nav": site.nav,
        "extra": extra,
        "hooks": [],
    }
    if preview:
        config["hooks"] = [str((root / PREVIEW_HOOK).resolve())]
        extra[PREVIEW_KEY] = {"root": str(root.resolve()), "borough": borough.id}
    if dataset.site_url:
        config["site_url"] = f"{dataset.site_url}{borough.id}/"
    return config


def manifest(dataset: Dataset, site: RenderedSite) -> dict:
    """What the after-build steps need beyond the built pages: the borough, the edition, the
    sections (the PDFs print them), where the sites are published, and the open data."""
    borough = site.borough
    return {
        "borough": {"id": borough.id, "name": borough.name, "council": borough.council},
        "edition": site.edition.as_dict(),
        "sections": [{"id": s.id, "title": s.title, "paths": list(s.paths)} for s in site.sections],
        "site_url": dataset.site_url,
        "open_data": {
            "organization": open_data.organization(borough),
            "licence": open_data.licence(borough),
            "services": site.open_data,
        },
    }


def _write_pages(folder: Path, wanted: dict[str, str | bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in wanted.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_if_changed(target, text)
    # A page the data no longer has must not stay behind and be built.
    for existing in sorted(folder.rglob("*"), reverse=True):
        relative = existing.relative_to(folder).as_posix()
        if existing.is_file() and relative not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()


def _write_if_changed(path: Path, text: str | bytes) -> None:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
