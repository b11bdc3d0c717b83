"""The benchmark measures what it says: valid synthetic data, an honest edit, predictions
that follow the measured growth, and targets that a prediction never meets (no timings here)."""

from __future__ import annotations

import json

import pytest

from bench import edits, growth, report, run, scenarios, synthetic
from bench.runner import Runner
from handbook.cli import main
from handbook.data.validate import check

SERVICES = 20


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return synthetic.generate(tmp_path_factory.mktemp("bench") / "project", SERVICES)


def test_synthetic_data_passes_handbook_check(project, capsys):
    assert main(["--root", str(project), "check"]) == 0
    assert capsys.readouterr().err == ""  # not even a warning (such as an overdue review)


def test_services_are_grouped_in_sections_of_a_hundred(tmp_path):
    dataset, problems = check(synthetic.generate(tmp_path / "p", 250, boroughs=1))
    assert problems == []
    sizes = [
        sum(s.section == section.id for s in dataset.services)
        for section in dataset.boroughs[0].sections
    ]
    assert [size for size in sizes if size] == [100, 100, 50]


def test_england_has_a_hundred_and_fifty_different_boroughs(tmp_path):
    dataset, problems = check(synthetic.generate(tmp_path / "p", 300, boroughs=150))
    assert problems == []
    assert len({b.id for b in dataset.boroughs}) == 150
    assert {sum(s.borough == b.id for s in dataset.services) for b in dataset.boroughs} == {2}


def test_the_same_seed_gives_the_same_services(tmp_path):
    first = synthetic.generate(tmp_path / "a", SERVICES) / "data" / "services.yaml"
    second = synthetic.generate(tmp_path / "b", SERVICES) / "data" / "services.yaml"
    assert first.read_text() == second.read_text()


def test_one_number_changed_is_one_line_of_valid_data(tmp_path):
    root = synthetic.generate(tmp_path / "p", SERVICES)
    before = (root / "data" / "contacts.yaml").read_text().splitlines()
    borough, contact, old, new = edits.change_one_number(root)
    after = (root / "data" / "contacts.yaml").read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and old in changed[0][0] and new in changed[0][1]
    dataset, problems = check(root)
    assert problems == []
    changed_contact = next(c for c in dataset.contacts if c.id == contact)
    assert changed_contact.phone == new and changed_contact.borough == borough
    front_doors = {b.front_door for b in dataset.boroughs}
    assert contact not in front_doors  # on every page: not the typical edit


def test_the_real_data_copy_takes_one_number_change(tmp_path):
    root = edits.copy_real_project(tmp_path / "real")
    edits.change_one_number(root)
    assert check(root)[1] == []


def test_a_rebuild_after_one_number_rebuilds_that_borough_and_shows_it(tmp_path):
    root = synthetic.generate(tmp_path / "p", 6, boroughs=2)
    bench = scenarios.Bench(Runner(tmp_path / "work"), tmp_path / "work", budget_s=60)
    result = scenarios.incremental(bench, "small", root, pdfs=False)
    assert bench.runner.failures == []
    assert result["boroughs"] == 2
    assert result["rebuilt"] == [result["edit"]["borough"]]


def test_growth_is_measured_not_assumed():
    linear = [(1_000, 10.0), (2_000, 20.0)]
    square = [(1_000, 10.0), (2_000, 40.0)]
    assert growth.exponent(linear) == pytest.approx(1.0)
    assert growth.predict(linear, 10_000) == pytest.approx(100.0)
    assert growth.predict(square, 10_000) == pytest.approx(1_000.0)
    # A fixed cost makes small runs grow slowly; beyond them, never less than linear.
    assert growth.predict([(100, 5.0), (1_000, 10.0)], 10_000) == pytest.approx(100.0)
    assert growth.predict([(1_000, 10.0)], 10_000) is None
    assert growth.over_linear((1_000, 10.0), (3_000, 33.0)) == pytest.approx(1.1)


def test_a_predicted_figure_never_meets_a_target():
    scale = {
        "1000": {
            "services": 1_000,
            "check": {"wall": 1.0, "status": 0},
            "ours": {"wall": 10.0, "status": 0},
            "plain_predicted": 100.0,
        }
    }
    (target,) = report.targets({"scale": scale})
    assert target["verdict"] == "not measured"
    assert "~0.10" in target["target"]
    scale["1000"]["plain"] = {"wall": 15.0, "status": 0}
    assert report.targets({"scale": scale})[0]["verdict"] == "NOT met"
    scale["1000"]["plain"]["wall"] = 30.0
    assert report.targets({"scale": scale})[0]["verdict"] == "met"


def test_the_benchmark_runs_end_to_end(tmp_path, capsys):
    results = tmp_path / "results.json"
    args = ["--sizes", "10", "--no-real", "--no-england", "--results", str(results)]
    assert run.main(args) == 0
    written = json.loads(results.read_text())
    small = written["scale"]["10"]
    assert small["ours"]["status"] == 0 and small["plain"]["status"] == 0
    assert small["site"]["service_pages"] == 10
    assert "| 10 |" in capsys.readouterr().out
