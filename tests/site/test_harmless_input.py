"""Edits that look odd but are harmless are built, and show as they should: what a careful
reader of the hostile corpus (tests/data/test_hostile_input.py) might fear is refused."""

from __future__ import annotations

import base64
import shutil

import pytest

from handbook.cli import main

from ..conftest import FIXTURES, REPO, Project, soup

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("harmless") / "project"
    shutil.copytree(FIXTURES / "minimal", root)
    for name in ("mkdocs.yml", "hooks", "overrides"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    project = Project(root)
    contacts = "data/contacts.yaml"
    project.replace(contacts, '"01254 666400"', '"01254 666400"\n    extension: "4321"')
    project.replace(contacts, '"0300 123 6720"', '"116 123"')
    project.append(
        contacts,
        "  - id: ns-police-101\n    borough: northshire\n    name: Police (not an emergency)\n"
        '    phone: "101"\n    source: test\n'
        "  - id: ns-paid-line\n    borough: northshire\n    name: Paid advice line\n"
        '    phone: "0906 123 4567"\n    number_type_intended: premium-rate\n    source: test\n',
    )
    project.replace(
        "data/services.yaml",
        "how: Phone the duty team.",
        "how: 'Children aged <5 or >16, where a < b. Write `<script>` as text. "
        "Refer at <https://example.org/refer>.'",
    )
    # A byte-order mark, as some editors save pages; and an image kept in content/.
    (root / "content/northshire/about.md").write_bytes(
        "\ufeff# About Northshire\n\nA map:\n\n![Map of Northshire](../northshire/map.png)\n"
        "\nSee [how to refer](../teams/ns-engage.md#how-to-refer).\n".encode()
    )
    (root / "content/northshire/map.png").write_bytes(PNG)
    out = root / "site"
    assert main(["--root", str(root), "build", "--out", str(out)]) == 0
    return out / "northshire"


def test_an_extension_stays_in_the_tap_to_call_link(built):
    page = soup(built / "contacts" / "index.html")
    link = page.select_one('article a[href="tel:+441254666400;ext=4321"]')
    assert link.get_text() == "01254 666400 extension 4321"
    bar = soup(built / "index.html").select_one(".handbook-urgent a")
    assert (bar["href"], bar.get_text()) == (
        "tel:+441254666400;ext=4321",
        "01254 666400 extension 4321",
    )


@pytest.mark.parametrize("shown, tel", [("116 123", "tel:116123"), ("101", "tel:101"),
                                        ("0906 123 4567", "tel:+449061234567")])  # fmt: skip
def test_short_and_intended_numbers_are_shown_and_linked(built, shown, tel):
    links = soup(built / "contacts" / "index.html").select(f'article a[href="{tel}"]')
    assert [a.get_text() for a in links][:1] == [shown]


def test_angle_brackets_in_prose_and_code_are_text(built):
    article = soup(built / "teams" / "ns-engage" / "index.html").select_one("article")
    text = article.get_text(" ")
    assert "Children aged <5 or >16, where a < b." in text
    assert article.select_one("code").get_text() == "<script>"
    assert article.select("script") == []
    assert article.select_one('a[href="https://example.org/refer"]') is not None


def test_a_page_saved_with_a_byte_order_mark_keeps_its_title(built):
    page = soup(built / "about" / "about" / "index.html")
    assert page.select_one("article h1").get_text(strip=True).startswith("About Northshire")


def test_an_image_from_content_is_shown_from_the_site(built):
    image = soup(built / "about" / "about" / "index.html").select_one("article img")
    assert image["src"] == "../../northshire/map.png"
    assert (built / "northshire" / "map.png").read_bytes() == PNG
