"""Property tests: any range inside 0 (or unborn) to 25 with min <= max is accepted, and a
reversed or out-of-range one is reported at the line of the `ages` field."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.data.model import Ages
from handbook.data.validate import check
from handbook.site.presentation import age_range

FIXTURES = Path(__file__).parent.parent / "fixtures"

quarter_years = st.integers(min_value=-8, max_value=26 * 4).map(lambda q: q / 4)
AGES_LINE = "    ages: {min: 10, max: 18}"


@pytest.fixture(scope="module")
def root():
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "project"
        shutil.copytree(FIXTURES / "minimal", target)
        yield target


def _messages(root: Path, low, high) -> list[str]:
    services = FIXTURES / "minimal" / "data" / "services.yaml"
    text = services.read_text().replace(AGES_LINE, f"    ages: {{min: {low}, max: {high}}}")
    (root / "data" / "services.yaml").write_text(text)
    line = 1 + services.read_text().splitlines().index(AGES_LINE)
    _, problems = check(root)
    assert all(p.location.line == line for p in problems), problems
    return [p.message for p in problems]


@settings(max_examples=150, deadline=None)
@given(low=quarter_years, high=quarter_years)
def test_ranges(root, low, high):
    messages = _messages(root, low, high)
    if 0 <= low <= high <= 25:
        assert messages == []
        assert age_range(Ages(min=low, max=high)).endswith("years")
    else:
        assert messages
    assert any("reversed" in m for m in messages) == (low > high)
    out_of_range = [m for m in messages if "outside 0 to 25" in m]
    assert len(out_of_range) == (not 0 <= low <= 25) + (not 0 <= high <= 25)


@settings(max_examples=50, deadline=None)
@given(high=quarter_years)
def test_unborn_is_younger_than_any_age(root, high):
    messages = _messages(root, "unborn", high)
    assert messages == (
        [] if 0 <= high <= 25 else [f"ns-engage: age max {high:g} is outside 0 to 25 years"]
    )
