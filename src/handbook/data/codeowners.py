"""Who approves a change: `.github/CODEOWNERS`, generated from each borough's `owners`.

CODEOWNERS matches whole files, not lines, and every data file holds entries of every
borough, so data/ and the shared pages belong to every borough's owners; only a borough's
own pages (content/<id>/) belong to its owners alone. The pull request's summary
(`handbook changes`) says which boroughs a change touches and who approves each.
"""

from __future__ import annotations

import sys

from .dataset import Dataset
from .model import SHARED

PATH = ".github/CODEOWNERS"
HEADER = """\
# Generated from data/boroughs.yaml by `handbook codeowners`: do not edit by hand (a test
# fails while this file and the data disagree). See CONTRIBUTING.md, "Who approves a change".
"""
NO_OWNERS = """\
#
# No borough names its owners yet, so no one is asked to review a change automatically.
# Add `owners:` to a borough in data/boroughs.yaml, such as
#   owners: ["@lancashire-council/blackpool-editors"]
# and run `handbook codeowners` again.
"""
SHARED_RULES = """\
#
# Every data file holds entries of every borough, and the shared pages are in every
# borough's guide: each borough's owners are asked to review a change to them.
"""


def codeowners(dataset: Dataset) -> str:
    """The text of .github/CODEOWNERS for this data."""
    everyone = _unique(owner for borough in dataset.boroughs for owner in borough.owners)
    if not everyone:
        return HEADER + NO_OWNERS
    lines = [HEADER + SHARED_RULES.rstrip("\n")]
    for path in ("/data/", f"/content/{SHARED}/", f"/{PATH}"):
        lines.append(f"{path} {' '.join(everyone)}")
    lines.append("#\n# Each borough's own pages: its owners.")
    for borough in dataset.boroughs:
        if borough.owners:
            lines.append(f"/content/{borough.id}/ {' '.join(_unique(borough.owners))}")
        else:
            lines.append(f"# {borough.id} names no owners: no one is asked about its pages.")
    return "\n".join(lines) + "\n"


def command(dataset: Dataset, check_only: bool) -> int:
    """`handbook codeowners`: write the file, or with --check say whether it is current."""
    path = dataset.root / PATH
    text = codeowners(dataset)
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check_only:
        if current == text:
            return 0
        print(f"{PATH} is out of date with data/boroughs.yaml: run `handbook codeowners` "
              "and commit it", file=sys.stderr)  # fmt: skip
        return 1
    if current != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {PATH}" if current != text else f"{PATH} is up to date")
    return 0


def _unique(owners) -> list[str]:
    """Each owner once, in the order first named (GitHub compares them without case)."""
    seen: dict[str, str] = {}
    for owner in owners:
        seen.setdefault(owner.casefold(), owner)
    return list(seen.values())
