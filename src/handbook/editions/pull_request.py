"""What a pull request changes for practitioners: the data at a base commit against the
working tree, per borough, through the same comparison as the What's changed page.

`handbook changes` prints it (see summary.py for the words); CI posts it on the pull request.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..data.dataset import Dataset
from ..data.problems import Problem
from ..data.validate import check
from . import changes, git_ref, summary


@dataclass
class BoroughChanges:
    changes: dict  # compare()'s result, with borough_change: added, removed or None
    owners: list[str]  # who approves: the owners named at the base, else in the change
    new_owners: list[str] | None = None  # set when the change names other owners


@dataclass
class Report:
    base: str  # the commit compared with, as named ("HEAD~1"), or the branch it left
    commit: str  # its short hash
    merge_base: bool  # the commit is where this branch left `base` (the default)
    boroughs: list[BoroughChanges] = field(default_factory=list)
    base_errors: int | None = 0  # errors in the data at the base; None: it has no data/
    change_errors: int = 0  # errors in the data of this change


def run(root: Path, base: str | None, output_format: str) -> int:
    """`handbook changes`: print the report; a base that is not a commit is a one-line error."""
    try:
        report = build_report(root, base)
    except git_ref.RefError as error:
        print(f"handbook changes: {error}", file=sys.stderr)
        return 1
    print(summary.FORMATS[output_format](report), end="")
    return 0


def build_report(root: Path, base: str | None) -> Report:
    merge_base = base is None
    if merge_base:
        base, commit = git_ref.default_base(root)
    else:
        commit = git_ref.resolve(root, base)
    report = Report(base, git_ref.short(root, commit), merge_base)
    new, new_problems = check(root)
    report.change_errors = _errors(new_problems)
    with git_ref.data_at(root, commit) as folder:
        old, old_problems = check(folder) if folder else (None, [])
        report.base_errors = _errors(old_problems) if folder else None
        # Snapshots read the base's content pages, so compare while its folder exists.
        report.boroughs = [_with_owners(result, old, new) for result in changes.between(old, new)]
    return report


def _errors(problems: list[Problem]) -> int:
    return sum(problem.level == "error" for problem in problems)


def _with_owners(result: dict, old: Dataset | None, new: Dataset) -> BoroughChanges:
    # GitHub asks the owners named in CODEOWNERS on the base branch, so those approve.
    before, after = (_owners(data, result["borough"]) for data in (old, new))
    owners = before if before is not None else after or []
    changed = after is not None and before is not None and after != before
    return BoroughChanges(result, owners, after if changed else None)


def _owners(dataset: Dataset | None, borough_id: str) -> list[str] | None:
    if dataset is None:
        return None
    borough = dataset.by_id("boroughs").get(borough_id)
    return list(borough.owners) if borough else None
