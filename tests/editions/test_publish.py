"""Publishing numbered versions with mike, and the "What's changed" page between them."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from handbook.cli import main

from .conftest import git as _git
from .conftest import new_repo as _new_repo


@pytest.fixture
def repo(tmp_path, git_identity):
    return _new_repo(tmp_path / "project")


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory, git_identity):
    """Version 1.0, then a new Northshire duty number, then version 2.0."""
    repo = _new_repo(tmp_path_factory.mktemp("published") / "project")
    _publish(repo, "1.0")
    repo.replace("data/contacts.yaml", '"01254 666400"', '"01254 666500"')
    _git(repo.root, "commit", "-qam", "Northshire duty team has a new number")
    _publish(repo, "2.0")
    return repo


def _publish(repo, version):
    assert main(["--root", str(repo.root), "publish", "--version", version]) == 0


def _page(repo, path) -> BeautifulSoup:
    return BeautifulSoup(_git(repo.root, "show", f"gh-pages:{path}"), "html.parser")


def test_each_borough_lists_its_own_versions_with_latest_on_the_newest(two_versions):
    repo = two_versions
    for borough in ("northshire", "southshire"):
        versions = json.loads(_git(repo.root, "show", f"gh-pages:{borough}/versions.json"))
        assert [(v["version"], v["aliases"]) for v in versions] == [
            ("2.0", ["latest"]),
            ("1.0", []),
        ]
    landing = _page(repo, "index.html")
    assert [a["href"] for a in landing.select("main li a")] == ["northshire/", "southshire/"]


def test_changed_number_appears_old_and_new_on_the_newer_version(two_versions):
    repo = two_versions
    page = _page(repo, "northshire/2.0/whats-changed/index.html")
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in page.select("tr")]
    assert [
        "Northshire Duty Team (front door or out of hours)",
        "Phone number",
        "01254 666400",
        "01254 666500",
    ] in rows
    assert "since version 1.0" in page.select_one("article").get_text(" ", strip=True)
    changes = json.loads(_git(repo.root, "show", "gh-pages:northshire/2.0/whats-changed.json"))
    assert changes["contacts_changed"][0] | {"id": "ns-duty"} == {
        "id": "ns-duty", "name": "Northshire Duty Team", "field": "phone", "what": "Phone number",
        "old": "01254 666400", "new": "01254 666500", "urgent": True,
    }  # fmt: skip


def test_borough_with_no_change_says_so(two_versions):
    text = _page(two_versions, "southshire/2.0/whats-changed/index.html").get_text(" ", strip=True)
    assert "Nothing has changed for Southshire since version 1.0" in text


def test_first_version_says_it_is_the_first(two_versions):
    text = _page(two_versions, "northshire/1.0/whats-changed/index.html").get_text(" ", strip=True)
    assert "This is the first published version of the guide for Northshire" in text


def test_every_page_shows_its_version_and_dates(two_versions):
    for version in ("1.0", "2.0"):
        page = _page(two_versions, f"northshire/{version}/teams/ns-engage/index.html")
        text = " ".join(page.select_one(".handbook-edition").get_text().split())
        assert re.fullmatch(
            rf"Version {version}\. Data last changed \d+ \w+ \d{{4}}\. Built \d+ \w+ \d{{4}}\.",
            text,
        ), text


def test_published_pages_carry_the_version_selector(two_versions):
    page = _page(two_versions, "northshire/2.0/index.html")
    config = json.loads(page.select_one("#__config").string)
    assert config["version"] == {"provider": "mike", "default": "latest", "alias": True}


def test_publishing_uncommitted_data_is_refused(repo, capsys):
    repo.replace("data/contacts.yaml", '"01254 666400"', '"01254 666500"')
    assert main(["--root", str(repo.root), "publish", "--version", "1.0"]) == 1
    assert "commit your changes to data/" in capsys.readouterr().err


def test_preview_serves_the_published_branch_like_a_static_host(two_versions):
    import socket
    import sys
    import time
    import urllib.request
    from pathlib import Path

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handbook = Path(sys.executable).with_name("handbook")
    server = subprocess.Popen(
        [str(handbook), "--root", str(two_versions.root), "preview",
         "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                url = f"http://127.0.0.1:{port}/northshire/latest/whats-changed/"
                with urllib.request.urlopen(url, timeout=2) as response:
                    body = response.read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline, "preview server did not start"
                time.sleep(0.2)
        # `latest` redirects to the newest version, whose page shows the new number.
        assert (
            "01254 666500"
            in urllib.request.urlopen(
                f"http://127.0.0.1:{port}/northshire/2.0/whats-changed/", timeout=2
            )
            .read()
            .decode()
        )
        assert "2.0" in body
    finally:
        server.terminate()
        server.wait(timeout=10)
