"""The benchmark's synthetic data stays valid as the data contract changes (no timings here)."""

from __future__ import annotations

import pytest

from bench import synthetic
from handbook.cli import main
from handbook.data.validate import check

SERVICES = 20


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return synthetic.generate(tmp_path_factory.mktemp("bench") / "project", SERVICES)


def test_synthetic_data_passes_handbook_check(project, capsys):
    assert main(["--root", str(project), "check"]) == 0
    assert capsys.readouterr().err == ""  # not even a warning (such as an overdue review)


def test_render_writes_one_page_per_service(project, tmp_path):
    # `handbook render --out` is what the benchmark's plain MkDocs build is given.
    assert main(["--root", str(project), "render", "--out", str(tmp_path)]) == 0
    dataset, _ = check(project)
    assert len(dataset.boroughs) > 1  # spread over boroughs, as in the benchmark
    for borough in dataset.boroughs:
        folder = tmp_path / borough.id
        written = sorted(
            p.relative_to(folder).as_posix()
            for p in folder.glob(f"{synthetic.section_id(0)[:-3]}*/*.md")
            if p.name != "index.md"
        )
        expected = sorted(
            f"{s.section}/{s.id}.md" for s in dataset.services if s.borough == borough.id
        )
        assert written == expected
        assert (tmp_path / f"{borough.id}.mkdocs.yml").is_file()
    assert (
        sum(len(list((tmp_path / b.id).rglob("*-service-*.md"))) for b in dataset.boroughs)
        == SERVICES
    )


def test_services_are_grouped_in_sections_of_a_hundred(tmp_path):
    dataset, problems = check(synthetic.generate(tmp_path / "p", 250, boroughs=1))
    assert problems == []
    sizes = [
        sum(s.section == section.id for s in dataset.services)
        for section in dataset.boroughs[0].sections
    ]
    assert [size for size in sizes if size] == [100, 100, 50]


def test_the_same_seed_gives_the_same_services(tmp_path):
    first = synthetic.generate(tmp_path / "a", SERVICES) / "data" / "services.yaml"
    second = synthetic.generate(tmp_path / "b", SERVICES) / "data" / "services.yaml"
    assert first.read_text() == second.read_text()
