"""The allowlist keeps what the site's Markdown makes, and nothing that runs or fetches."""

from __future__ import annotations

from handbook.data import sanitize

from ..conftest import REPO


def _changed(text: str):
    html = sanitize.to_html(text, REPO)
    return sanitize.first_change(html, sanitize.text_cleaner().clean(html))


def test_what_the_site_markdown_makes_is_kept():
    text = (
        '## Who to call { #who }\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! warning "Urgent"\n'
        "    Call [999](tel:999) or [email](mailto:a@b.org).\n\nTerm\n:   Meaning\n\n"
        "*[CADS]: Children's Advice and Duty Service\n\nCADS [form](https://example.org/f) "
        "![Map](../northshire/map.png)\n"
    )
    assert _changed(text) is None


def test_what_runs_or_fetches_is_named():
    assert _changed("[a](http://example.org)") == sanitize.Change(
        "link", "a", "href", "http://example.org"
    )
    assert _changed("![a](https://example.org/x.png)").kind == "image"
    assert _changed("<b>bold</b>") == sanitize.Change("tag", "b")
    assert _changed('[a](https://example.org){ target="_blank" }').name == "target"


def test_the_site_extensions_are_read_from_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "markdown_extensions:\n  - admonition\n  - toc:\n      permalink: true\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    names, configs = sanitize.site_extensions(tmp_path)
    assert names == ["toc", "tables", "fenced_code", "admonition", "pymdownx.emoji"]
    assert configs["toc"] == {"permalink": True}
