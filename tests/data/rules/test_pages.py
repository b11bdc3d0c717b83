"""Sections list pages that exist: content files or generated pages."""

from __future__ import annotations

BOROUGHS = "data/boroughs.yaml"


def test_missing_content_page(project, check):
    project.path("content/northshire/about.md").unlink()
    line = project.line_of(BOROUGHS, "pages: [about.md]")
    assert check(project) == (
        1,
        [f"{BOROUGHS}:{line}: section 'about': page 'content/northshire/about.md' does not exist"],
    )


def test_unknown_generated_page(project, check):
    project.replace(BOROUGHS, "[levels-of-need,", "[levels-of-needs,")
    line = project.line_of(BOROUGHS, "levels-of-needs")
    assert check(project) == (
        1,
        [f"{BOROUGHS}:{line}: section 'levels': 'levels-of-needs' is neither a content page "
         "(name.md) nor a generated page (levels-of-need, contacts, whats-changed, finder, "
         "glossary)"],
    )  # fmt: skip


def test_content_page_needs_a_title(project, check):
    project.path("content/northshire/about.md").write_text("\nA page without a title.\n")
    assert check(project) == (
        1,
        ["content/northshire/about.md:2: the page must start with a '# Title' line (a '#', a "
         "space and its title)"],
    )  # fmt: skip


def test_section_id_cannot_take_a_generated_page_address(project, check):
    project.replace(BOROUGHS, "id: teams", "id: contacts")
    project.replace("data/services.yaml", "section: teams", "section: contacts")
    project.replace("data/services.yaml", "section: teams", "section: contacts")
    line = project.line_of(BOROUGHS, "id: contacts")
    assert check(project) == (
        1,
        [f"{BOROUGHS}:{line}: section id 'contacts' is taken by a generated page; "
         "choose another id"],
    )  # fmt: skip
