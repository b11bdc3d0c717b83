"""The yardstick: a plain MkDocs build of Markdown that `handbook render` wrote to disk.

The project's own mkdocs.yml (same theme, features, overrides, extensions and plugins) with
no hooks: docs_dir is one borough's rendered folder and the nav is its nav.yml. The site
name and `extra` are the ones our hook would set, so both builds make the same pages and the
difference between them is our layer alone. One process builds every borough, as
`handbook build` does.

    python -m bench.plain PROJECT RENDERED SITE SETTINGS.json
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_borough(project: Path, folder: Path, site_dir: Path, settings: dict) -> None:
    config = load_config(
        str(project / "mkdocs.yml"),
        docs_dir=str(folder),
        site_dir=str(site_dir),
        hooks=[],
        strict=True,  # as `handbook build`
    )
    nav = yaml.safe_load((folder / "nav.yml").read_text(encoding="utf-8"))["nav"]
    # What our on_config hook sets; a plain project would write these in mkdocs.yml.
    config.nav = nav
    config.site_name = settings["site_name"]
    config.extra.update(settings["extra"])
    build(config)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="holds mkdocs.yml and overrides/")
    parser.add_argument("rendered", type=Path, help="`handbook render --out` folder")
    parser.add_argument("site", type=Path, help="where to build, one folder per borough")
    parser.add_argument("settings", type=Path, help="site name and extra per borough (JSON)")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    settings = json.loads(args.settings.read_text(encoding="utf-8"))
    for borough_id, borough_settings in settings.items():
        started = time.perf_counter()
        build_borough(
            args.project.resolve(),
            (args.rendered / borough_id).resolve(),
            (args.site / borough_id).resolve(),
            borough_settings,
        )
        print(f"plain build of {borough_id}: {time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
