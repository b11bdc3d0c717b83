"""Where `handbook check` and the rendering spend their time, measured inside one process.

Run by bench/run.py in a fresh interpreter, so that nothing is warm from an earlier step:

    python -m bench.phases PROJECT OUT.json [--render-out DIR]

Writes the seconds of each phase (loading YAML and pydantic validation, each rule,
rendering each borough), and what the later steps need to know about the rendered sites:
each borough's service pages and the settings the hooks give MkDocs, so that the plain
MkDocs build of the same Markdown shows the same header and footer.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from handbook.data.dataset import load_dataset
from handbook.data.rules import RULES
from handbook.site.render import html_path, render_for_build


def timed(function, *args):
    """(result, wall seconds, CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def measure(root: Path) -> dict:
    (dataset, problems), wall, cpu = timed(load_dataset, root)
    out: dict = {"load": {"wall": wall, "cpu": cpu}, "rules": {}, "render": {}, "sites": {}}
    for name, rule in RULES.items():
        found, wall, cpu = timed(lambda r=rule: list(r(dataset)))
        problems += found
        out["rules"][name] = {"wall": wall, "cpu": cpu}
    out["errors"] = [p.format_plain() for p in problems if p.level == "error"]
    if out["errors"]:
        return out
    for borough in dataset.boroughs:
        site, wall, cpu = timed(render_for_build, dataset, borough.id)
        out["render"][borough.id] = {"wall": wall, "cpu": cpu}
        out["sites"][borough.id] = describe(site, dataset)
    return out


def describe(site, dataset) -> dict:
    """What the later steps need: the pages, and the settings the hook gives MkDocs."""
    services = [s for s in dataset.services if s.borough == site.borough.id]
    header = getattr(site, "header", {})  # newer renders carry the header bar's facts
    return {
        "pages": len(site.pages),
        "markdown_bytes": sum(len(text.encode()) for text in site.pages.values()),
        "service_pages": [html_path(f"{s.section}/{s.id}.md") for s in services],
        "site_name": f"Working Well with Children and Families: {site.borough.name}",
        "extra": {
            "borough": {"id": site.borough.id, "name": site.borough.name, **header},
            "edition": site.edition.as_dict(),
        },
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    args.out.write_text(json.dumps(measure(args.root.resolve()), indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
