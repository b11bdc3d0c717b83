"""No id is defined twice anywhere in the data set."""

from __future__ import annotations


def test_same_id_in_two_files(project, check):
    project.replace("data/glossary.yaml", "id: cse", "id: ns-engage")
    line = project.line_of("data/glossary.yaml", "id: ns-engage")
    assert check(project) == (
        1,
        [f"data/glossary.yaml:{line}: id 'ns-engage' is already defined at "
         f"data/services.yaml:{project.line_of('data/services.yaml', 'id: ns-engage')} "
         "(ids must be unique)"],
    )  # fmt: skip


def test_section_twice_in_a_borough(project, check):
    project.replace("data/boroughs.yaml", "id: teams", "id: about")
    status, lines = check(project)
    assert status == 1
    line = project.line_of("data/boroughs.yaml", "id: about", 2)
    assert lines[0].startswith(f"data/boroughs.yaml:{line}: section id 'about' is already defined")
