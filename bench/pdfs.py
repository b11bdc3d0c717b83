"""The PDFs alone: what the build's post-build step does, timed apart from the build.

Run on a site that `handbook build` made with HANDBOOK_PDF=0, in a fresh interpreter so
that WeasyPrint's import (about half a second) is counted, as it is in a build:

    python -m bench.pdfs PROJECT SITE OUT.json
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from handbook.data.validate import check
from handbook.site.render import render_for_build


def page_count(path: Path) -> int | None:
    try:
        from pypdf import PdfReader  # a test dependency: counted where it is installed
    except ImportError:  # pragma: no cover
        return None
    return len(PdfReader(path).pages)


def measure(root: Path, site: Path) -> dict:
    dataset, _ = check(root)
    out: dict = {"boroughs": {}}
    for borough in dataset.boroughs:
        rendered = render_for_build(dataset, borough.id)
        from handbook.print.pdf import write_pdfs  # imported here, as the hook does

        wall, cpu = time.perf_counter(), time.process_time()
        written = write_pdfs(rendered, site / borough.id, dataset.site_url)
        out["boroughs"][borough.id] = {
            "wall": time.perf_counter() - wall,
            "cpu": time.process_time() - cpu,
            "files": len(written),
            "bytes": sum(path.stat().st_size for path in written),
            "pages": sum(page_count(path) or 0 for path in written),
        }
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    result = measure(args.root.resolve(), args.site.resolve())
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
