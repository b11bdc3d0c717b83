"""What the MkDocs hooks call: validate, render one borough, hand its pages to MkDocs.

MkDocs builds one borough per run; the borough comes from the HANDBOOK_BOROUGH environment
variable, which `handbook build` and `handbook serve` set.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from ..data.problems import has_errors
from ..data.validate import check
from ..site.render import TEMPLATES, RenderedSite, render_for_build

BOROUGH_ENV = "HANDBOOK_BOROUGH"
PDF_ENV = "HANDBOOK_PDF"  # "0" skips the PDFs (the live preview does)

# The site rendered for each config in this process; keyed by the config object because
# `mkdocs serve` keeps the hook module loaded across rebuilds (see FIELD-NOTES).
_rendered: dict[int, tuple[RenderedSite, str | None]] = {}


def project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    root = project_root(config)
    dataset, problems = check(root)
    if has_errors(problems):
        lines = "\n".join(p.format_plain() for p in problems)
        raise Abort(f"the data has errors; nothing was built:\n{lines}")
    borough_id = os.environ.get(BOROUGH_ENV)
    known = [b.id for b in dataset.boroughs]
    if borough_id not in known:
        raise Abort(f"set {BOROUGH_ENV} to one of: {', '.join(known)} (got {borough_id!r})")
    site = render_for_build(dataset, borough_id)
    _rendered[id(config)] = (site, dataset.site_url)
    if dataset.site_url:
        config.site_url = f"{dataset.site_url}{borough_id}/"
    config.nav = site.nav
    config.site_name = f"Working Well with Children and Families: {site.borough.name}"
    config.extra["borough"] = {"id": site.borough.id, "name": site.borough.name, **site.header}
    config.extra["edition"] = site.edition.as_dict()
    if site.edition.version:
        # Material's version selector reads mike's versions.json, which only a published
        # build has; a plain build would ask for a file that is not there.
        config.extra["version"] = {"provider": "mike", "default": "latest", "alias": True}
    return config


def on_files(files: Files, config) -> Files:
    site, _ = _rendered[id(config)]
    # Pages come only from the renderer; the content/ folder is read through the data.
    kept = Files([f for f in files if not f.is_documentation_page()])
    for path, text in {**site.pages, **site.files}.items():
        kept.append(File.generated(config, path, content=text))
    return kept


def on_post_build(config):
    if os.environ.get(PDF_ENV) == "0":
        return
    from ..print.pdf import write_pdfs

    site, site_url = _rendered[id(config)]
    write_pdfs(site, Path(config.site_dir), site_url)


def on_serve(server, config, builder):
    root = project_root(config)
    for watched in (root / "data", TEMPLATES):
        server.watch(str(watched))
    return server
