"""What runs on a borough's site after the builder wrote it, in order.

Each step is a plain function of the built folder and the stage's manifest (see
src/handbook/site/stage.py), so it works the same whichever builder made the pages. The live
preview runs only the quick ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..postbuild.hardening import harden
from ..postbuild.offline import write_offline
from ..postbuild.open_data import write_open_data
from ..postbuild.search_index import index_site


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Path, dict], object]
    slow: bool = False  # the live preview skips it


def _pdfs(folder: Path, manifest: dict) -> object:
    from ..print.pdf import write_pdfs  # WeasyPrint takes half a second to import

    return write_pdfs(folder, manifest)


STEPS: tuple[Step, ...] = (
    # First: every later step reads the pages as they will be published.
    Step("hardening", lambda folder, manifest: harden(folder)),
    Step("search index", index_site),
    Step("pdfs", _pdfs, slow=True),
    Step("open data", write_open_data),
    # Last: the worker keeps every file the steps before it wrote. Not in the live preview,
    # where a worker would keep pages that change on every save.
    Step("offline", write_offline, slow=True),
)


def run_steps(folder: Path, manifest: dict, *, pdfs: bool = True, quick: bool = False) -> None:
    for step in STEPS:
        if (step.slow and quick) or (step.name == "pdfs" and not pdfs):
            continue
        step.run(folder, manifest)
