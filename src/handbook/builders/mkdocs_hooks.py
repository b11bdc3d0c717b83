"""What the MkDocs hook calls during the live preview (`handbook serve`).

A build renders every page to disk before MkDocs runs and needs no hook. The live preview is
MkDocs' own server on a stage that `handbook serve` wrote; on each rebuild the hook checks the
data again and renders this borough afresh into the same folder, so an edit to the data, a
content page or a template shows up on save. Which project and borough to render is written
in the stage's configuration (`extra.handbook_preview`), not kept in this process.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort

from ..data.loader import release_frozen
from ..data.problems import has_errors
from ..data.validate import check
from ..site.render import TEMPLATES, render_for_build
from ..site.stage import PREVIEW_KEY, builder_config, write_stage


def on_config(config):
    release_frozen()  # this process lives on: what the last rebuild read may be garbage now
    source = config.extra[PREVIEW_KEY]
    root = Path(source["root"])
    dataset, problems = check(root)
    if has_errors(problems):
        lines = "\n".join(p.format_plain() for p in problems)
        raise Abort(f"the data has errors; the preview was not rebuilt:\n{lines}")
    site = render_for_build(dataset, source["borough"])
    stage_root = Path(config.config_file_path).parent
    write_stage(dataset, site, stage_root, preview=True)
    # The configuration was read before this render: take what the data may have changed.
    fresh = builder_config(dataset, site, docs_dir=site.borough.id, preview=True)
    config.nav = fresh["nav"]
    config.site_name = fresh["site_name"]
    config.extra.update(fresh["extra"])
    return config


def on_serve(server, config, builder):
    root = Path(config.extra[PREVIEW_KEY]["root"])
    for watched in (root / "data", root / "content", TEMPLATES):
        server.watch(str(watched))
    return server


def on_post_build(config):
    from ..pipeline.steps import run_steps
    from ..site.stage import Stage

    stage = Stage(Path(config.config_file_path).parent, config.extra[PREVIEW_KEY]["borough"])
    run_steps(Path(config.site_dir), stage.read_manifest(), quick=True)
