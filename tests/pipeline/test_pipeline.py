"""The pipeline: render to disk, any builder, boroughs in parallel, unchanged boroughs reused,
and the live preview's hook rendering afresh from the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from handbook.builders import BUILDERS, MkDocsBuilder
from handbook.data.validate import check
from handbook.pipeline.build import BuildFailed, Options, build_all
from handbook.site.render import render_for_build
from handbook.site.stage import write_stage

from ..conftest import REPO


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _two_boroughs(project):
    project.add_borough("southshire", "Southshire", section="help", page="welcome.md")
    dataset, problems = check(project.root)
    assert problems == []
    return dataset


def test_one_changed_number_rebuilds_one_borough_and_matches_a_clean_build(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    project.add_borough("southshire", "Southshire", section="help", page="welcome.md")
    project.append(
        "data/contacts.yaml",
        "  - id: ss-youth\n    borough: southshire\n    name: Southshire Youth Team\n"
        '    phone: "01253 478000"\n    source: test\n',
    )
    out = project.root / "site"
    first = build_all(check(project.root)[0], out, Options(pdfs=False))
    assert sorted(first.built) == ["northshire", "southshire"] and first.reused == []

    # Not a front door: every site lists the other areas' front doors, but not this one.
    project.replace("data/contacts.yaml", '"01253 478000"', '"01253 478001"')
    again = build_all(check(project.root)[0], out, Options(pdfs=False))
    assert again.built == ["southshire"] and again.reused == ["northshire"]
    contacts = (out / "southshire" / "contacts" / "index.html").read_text()
    assert 'href="tel:+441253478001"' in contacts

    clean = project.root / "clean"
    build_all(check(project.root)[0], clean, Options(pdfs=False, reuse=False))
    assert _files(out) == _files(clean)


def test_boroughs_built_in_parallel_are_the_same_as_one_after_another(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    dataset = _two_boroughs(project)
    build_all(dataset, project.root / "serial", Options(jobs=1))
    report = build_all(dataset, project.root / "parallel", Options(jobs=2))
    assert sorted(report.built) == ["northshire", "southshire"]
    assert _files(project.root / "serial") == _files(project.root / "parallel")


def test_a_change_to_the_theme_rebuilds_every_borough(project):
    out = project.root / "site"
    dataset = _two_boroughs(project)
    build_all(dataset, out, Options(pdfs=False))
    css = project.root / "overrides" / "assets" / "stylesheets" / "handbook.css"
    css.write_text(css.read_text() + "\n/* a new rule */\n")
    assert sorted(build_all(dataset, out, Options(pdfs=False)).built) == [
        "northshire",
        "southshire",
    ]


def test_a_failing_builder_leaves_the_previous_site(project, monkeypatch):
    out = project.root / "site"
    dataset = _two_boroughs(project)
    build_all(dataset, out, Options(pdfs=False))
    before = _files(out)

    def broken(self, config, site_dir):
        raise BuildFailed("MkDocs: the theme is missing")

    monkeypatch.setattr(MkDocsBuilder, "build", broken)
    project.replace("data/contacts.yaml", '"01253 477299"', '"01253 477300"')
    with pytest.raises(BuildFailed, match="the theme is missing"):
        build_all(check(project.root)[0], out, Options(pdfs=False, jobs=1))
    assert _files(out) == before
    assert not out.with_name("site.staging").exists()


def test_a_large_section_keeps_service_pages_small(project, monkeypatch):
    # 150 services in one section: the navigation lists the sections, not the 150 services,
    # so a service page stays the size it is with a handful.
    services = project.path("data/services.yaml").read_text()
    entry = services[services.index("  - id: ns-family-time") :]
    project.append(
        "data/services.yaml",
        "".join(entry.replace("ns-family-time", f"ns-team-{n:03}") for n in range(150)),
    )
    dataset, problems = check(project.root)
    assert problems == []
    out = project.root / "site"
    build_all(dataset, out, Options(pdfs=False))
    page = out / "northshire" / "teams" / "ns-team-149" / "index.html"
    assert page.stat().st_size < 60_000
    nav = BeautifulSoup(page.read_text(), "html.parser").select_one("nav.md-nav--primary")
    assert not nav.select('a[href*="ns-team-"]')
    index = BeautifulSoup((out / "northshire" / "teams" / "index.html").read_text(), "html.parser")
    listed = {a["href"] for a in index.select("article li a")}
    assert {f"ns-team-{n:03}/" for n in range(150)} <= listed  # one tap from its section


def test_the_live_preview_hook_renders_the_data_as_it_is_now(project):
    dataset, _ = check(project.root)
    stage = write_stage(dataset, render_for_build(dataset, "northshire"), project.root / "preview",
                        preview=True)  # fmt: skip
    config = yaml.safe_load(stage.config.read_text())
    assert config["hooks"] == [str(project.root / "hooks" / "handbook_hooks.py")]
    assert config["extra"]["handbook_preview"]["borough"] == "northshire"

    # An edit after the stage was written shows up in the next rebuild, as on save.
    project.replace("data/contacts.yaml", '"01254 666400"', '"01254 666500"')
    MkDocsBuilder().build(stage.config, project.root / "preview-site")
    page = (project.root / "preview-site" / "teams" / "ns-engage" / "index.html").read_text()
    assert 'href="tel:+441254666500"' in page
    assert "01254 666500" in (stage.docs / "teams" / "ns-engage.md").read_text()


def _article(page: Path) -> tuple[str, list[str]]:
    """A built page's article as a reader meets it: its words and its tap-to-call links."""
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
    for chrome in article.select(".headerlink, .md-content__button, script"):
        chrome.decompose()
    text = re.sub(r"\s+", " ", article.get_text(" ")).strip()
    return text, [a["href"] for a in article.select('a[href^="tel:"]')]


def _pages(site: Path) -> dict[str, tuple[str, list[str]]]:
    return {
        p.relative_to(site).as_posix(): _article(p)
        for p in site.rglob("index.html")
        if "assets" not in p.relative_to(site).parts
    }


@pytest.fixture(scope="module")
def default_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("default") / "site"
    build_all(check(REPO)[0], out, Options(pdfs=False))
    return out


@pytest.mark.parametrize("builder", sorted(set(BUILDERS) - {"mkdocs"}))
def test_another_builder_makes_the_same_pages_numbers_and_text(builder, default_build, tmp_path):
    if BUILDERS[builder]().versions().get(builder) is None:
        pytest.skip("Zensical is an optional extra: pip install -e '.[zensical]'")
    out = tmp_path / "site"
    build_all(check(REPO)[0], out, Options(builder=builder, pdfs=False))
    for borough in ("blackburn-with-darwen", "blackpool"):
        ours, theirs = _pages(default_build / borough), _pages(out / borough)
        assert sorted(theirs) == sorted(ours)
        assert len(ours) > 40
        for path, (text, tels) in ours.items():
            assert theirs[path][1] == tels, path
            assert theirs[path][0] == text, path
