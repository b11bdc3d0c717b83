"""Load and check the whole data set: every problem at once, sorted by file and line."""

from __future__ import annotations

from pathlib import Path

from .dataset import Dataset, load_dataset
from .problems import Problem, sort_problems
from .rules import run_rules


def check(root: Path) -> tuple[Dataset, list[Problem]]:
    dataset, problems = load_dataset(root)
    problems.extend(run_rules(dataset))
    return dataset, sort_problems(problems)
