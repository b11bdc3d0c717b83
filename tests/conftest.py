"""Shared fixtures: a small valid project to break, and a way to run `handbook check`."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from handbook.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


class Project:
    """A copy of tests/fixtures/minimal that a test may edit."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, name: str) -> Path:
        return self.root / name

    def replace(self, name: str, old: str, new: str) -> None:
        path = self.path(name)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def append(self, name: str, text: str) -> None:
        with self.path(name).open("a", encoding="utf-8") as handle:
            handle.write(text)

    def add_borough(self, borough_id: str, name: str, *, section: str = "teams",
                    page: str | None = None) -> None:  # fmt: skip
        """A second borough with one section (and content page) and its duty number."""
        pages = f"        pages: [{page}]\n" if page else ""
        self.append(
            "data/boroughs.yaml",
            f"  - id: {borough_id}\n    name: {name}\n    council: {name} Council\n"
            f"    front_door: ss-duty\n    sections:\n      - id: {section}\n"
            f"        title: {section.title()}\n{pages}",
        )
        self.append(
            "data/contacts.yaml",
            f"  - id: ss-duty\n    borough: {borough_id}\n    name: {name} Duty\n"
            '    phone: "01253 477299"\n    source: test\n',
        )
        if page:
            folder = self.root / "content" / borough_id
            folder.mkdir(exist_ok=True)
            (folder / page).write_text("# Welcome\n\nHello.\n")

    def add_other_area(self, name: str = "Eastshire", contact_name: str = "Eastshire Duty") -> None:
        """An area with no site of its own (as Lancashire is): its shared front-door contact,
        es-duty, on 0113 496 0000 (a number reserved for examples)."""
        self.replace(
            "data/boroughs.yaml",
            "boroughs:\n",
            f"other_areas:\n  - name: {name}\n    front_door: es-duty\nboroughs:\n",
        )
        self.append(
            "data/contacts.yaml",
            f"  - id: es-duty\n    borough: shared\n    name: {contact_name}\n"
            '    phone: "0113 496 0000"\n    source: test\n',
        )

    def line_of(self, name: str, needle: str, occurrence: int = 1) -> int:
        """The 1-based line of the n-th line containing `needle`."""
        lines = self.path(name).read_text(encoding="utf-8").splitlines()
        hits = [i + 1 for i, line in enumerate(lines) if needle in line]
        return hits[occurrence - 1]


def copy_project(root: Path) -> Project:
    """A fresh copy of tests/fixtures/minimal at `root`, with the theme and hooks it builds with."""
    shutil.copytree(FIXTURES / "minimal", root)
    for name in ("mkdocs.yml", "hooks", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "project")


@pytest.fixture
def check(capsys):
    """Run `handbook check` on a project; return (exit status, error lines)."""

    def run(project: Project, *extra: str) -> tuple[int, list[str]]:
        status = main(["--root", str(project.root), "check", *extra])
        captured = capsys.readouterr()
        output = captured.out if "github" in extra else captured.err
        lines = [line for line in output.splitlines() if not line.startswith(tuple("0123456789"))]
        return status, lines

    return run


@pytest.fixture(scope="session")
def real_site() -> Path:
    """The real data built once for the whole test session, PDFs included.

    Built in a world-readable folder: LinkChecker, run as root, drops to the `nobody` user,
    who cannot read pytest's private temporary folders.
    """
    folder = Path(tempfile.mkdtemp(prefix="handbook-site-"))
    folder.chmod(0o755)
    out = folder / "site"
    assert main(["--root", str(REPO), "build", "--out", str(out)]) == 0
    yield out
    shutil.rmtree(folder, ignore_errors=True)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def borough_ids() -> list[str]:
    data = yaml.safe_load((REPO / "data" / "boroughs.yaml").read_text())
    return [b["id"] for b in data["boroughs"]]


@pytest.fixture(scope="session")
def site_server(real_site):
    """The real built site on http://127.0.0.1:<port>/."""
    from .browser import serve

    server = serve(real_site)
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from .browser import QUIET_FLAGS, require_chromium

    executable = require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=[f for f in QUIET_FLAGS if f != "--headless"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, site_server):
    """A fresh page on the served site; fails the test on console errors or foreign requests."""
    from .browser import WatchedPage

    context = browser.new_context(base_url=f"http://{site_server}/")
    watched = WatchedPage(context.new_page(), site_server)
    yield watched
    context.close()
    watched.assert_clean()


# A small project with a service of every status, for closures, reports and the open data.
CLOSURES_SERVICES = """\
  - id: ns-old-service
    borough: northshire
    name: Old Drop-in
    section: teams
    summary: A drop-in that no longer runs.
    levels: [2]
    contacts: [ns-old-line]
    referral:
      how: Drop in.
    status: inactive
    source: test fixture
"""
CLOSURES_CONTACTS = """\
  - id: ns-engage-line
    borough: northshire
    name: Engage Team
    phone: "0113 496 0001"
    extension: "21"
    email: engage@northshire.example
    service: ns-engage
    source: test fixture
  - id: ns-old-line
    borough: northshire
    name: Old Drop-in Line
    phone: "0113 496 0002"
    service: ns-old-service
    source: test fixture
"""
CLOSED_UNTIL = "2099-01-31"
CLOSED_ALERT = "Closed while the team moves building; meanwhile call the duty team."


def closures_project(root: Path) -> Project:
    """Engage temporarily closed (with an alert and a date), Old Drop-in inactive, Family Time
    open and related to both."""
    project = copy_project(root)
    project.replace(
        "data/services.yaml",
        "    contacts: [ns-duty]\n    related: [ns-family-time]\n",
        "    contacts: [ns-engage-line, ns-duty]\n    related: [ns-family-time]\n"
        f'    status: temporarily-closed\n    alert: "{CLOSED_ALERT}"\n'
        f"    until: {CLOSED_UNTIL}\n",
    )
    project.replace(
        "data/services.yaml",
        "    contacts: []\n",
        "    contacts: []\n    related: [ns-engage, ns-old-service]\n",
    )
    project.append("data/services.yaml", CLOSURES_SERVICES)
    project.append("data/contacts.yaml", CLOSURES_CONTACTS)
    return project


@pytest.fixture(scope="session")
def closures_site(tmp_path_factory) -> Path:
    """closures_project built once (no PDFs), on a fixed build date."""
    import os

    from handbook.data.validate import check as validate
    from handbook.pipeline.build import Options, build_all

    project = closures_project(tmp_path_factory.mktemp("closures") / "project")
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1790000000"
    try:
        dataset, problems = validate(project.root)
        assert problems == [], problems
        out = project.root / "site"
        build_all(dataset, out, Options(pdfs=False))
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    return out / "northshire"
