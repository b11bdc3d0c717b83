"""Write each borough's rendered Markdown to disk, so another builder can take it."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..data.dataset import Dataset
from .render import render_for_build


def write_rendered(dataset: Dataset, out: Path) -> None:
    for borough in dataset.boroughs:
        site = render_for_build(dataset, borough.id)
        folder = out / borough.id
        for path, text in {**site.pages, **site.files}.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        nav = yaml.safe_dump({"nav": site.nav}, sort_keys=False, allow_unicode=True)
        (folder / "nav.yml").write_text(nav, encoding="utf-8")
