"""content/ holds real Markdown pages and images only; everything in it is published."""

from __future__ import annotations

import os

import pytest


@pytest.mark.parametrize("name", ["map.png", "photo.JPG", "chart.webp", ".gitkeep", "notes.md"])
def test_pages_and_images_are_allowed(project, check, name):
    project.path(f"content/northshire/{name}").write_bytes(b"x")
    assert check(project) == (0, [])


def test_a_link_to_a_folder_is_not_followed(project, check):
    # A link back to its own folder would be walked for ever, and one to /etc published.
    os.symlink(project.root, project.path("content/shared/project"))
    assert check(project) == (
        1,
        ["content/shared/project:1: is a link to another file or folder (a symbolic link): "
         "content/ may hold only real files, so copy the file in instead"],
    )  # fmt: skip


def test_the_content_folder_itself_may_not_be_a_link(project, check, tmp_path):
    real = tmp_path / "elsewhere"
    project.path("content").rename(real)
    os.symlink(real, project.path("content"))
    status, lines = check(project)
    assert status == 1
    assert lines[0].startswith("content:1: is a link to another file or folder")
