"""The glossary is scoped by use: every acronym a borough's pages show is defined for it."""

from __future__ import annotations

SERVICES = "data/services.yaml"
GLOSSARY = "data/glossary.yaml"
SHARED_PAGE = "content/shared/consent.md"


def _undefined(word: str, where: str, site: str = "northshire") -> str:
    return (
        f"'{word}' {where} is on {site}'s site, but data/glossary.yaml does not define it (add "
        "the term; if it is not an acronym, add it to 'not_acronyms')"
    )


def _summary(project, text: str) -> int:
    project.replace(
        SERVICES, "summary: Helps children at risk of exploitation.", f"summary: {text}"
    )
    return project.line_of(SERVICES, text)


def test_an_acronym_the_glossary_does_not_define(project, check):
    line = _summary(project, "Refer through the ZQT panel.")
    message = _undefined("ZQT", "in 'summary'")
    assert check(project) == (1, [f"{SERVICES}:{line}: ns-engage: {message}"])


def test_each_missing_acronym_is_reported_once_where_it_is_first_used(project, check):
    project.path(SHARED_PAGE).write_text("# Consent\n\nAsk the ZQT.\n\nThe ZQT again.\n")
    _summary(project, "Refer through the ZQT panel.")
    assert check(project) == (1, [f"{SHARED_PAGE}:3: " + _undefined("ZQT", "in this page")])


def test_defined_acronyms_their_plurals_and_words_in_capitals_are_fine(project, check):
    # CSE is defined; 'CSEs' is its plural; a sentence in capitals is not a list of acronyms;
    # 'NOT' is listed as not an acronym.
    project.replace(GLOSSARY, "terms:\n", "not_acronyms: [NOT]\nterms:\n")
    _summary(
        project,
        "'Helps with CSE and CSEs. It is NOT a referral route. ALL OF THIS WILL HAPPEN HERE.'",
    )
    assert check(project) == (0, [])


def test_a_term_scoped_to_another_borough(project, check):
    project.add_borough("southshire", "Southshire")
    project.append(
        GLOSSARY,
        "  - id: sdt\n    term: SDT\n    expansion: Southshire Duty Team\n"
        "    boroughs: [southshire]\n    source: test\n",
    )
    line = _summary(project, "Refer through the SDT.")
    assert check(project) == (
        1,
        [
            f"{SERVICES}:{line}: ns-engage: 'SDT' in 'summary' is on northshire's site, but "
            "data/glossary.yaml defines it only for southshire (add northshire to the term's "
            "'boroughs', or leave 'boroughs' out)"
        ],
    )


def test_a_scoped_phrase_used_on_another_boroughs_page(project, check):
    project.add_borough("southshire", "Southshire")
    project.append(
        GLOSSARY,
        "  - id: universal-plus\n    term: Universal Plus\n"
        "    expansion: Universal Plus\n    boroughs: [southshire]\n    source: test\n"
        "  - id: intensive\n    term: Intensive\n    expansion: Intensive\n"
        "    boroughs: [southshire]\n    source: test\n",
    )
    project.path(SHARED_PAGE).write_text(
        "# Consent\n\nIntensive support is offered.\n\n{southshire: Universal Plus and Intensive.}"
        "\n\nThis is Universal Plus.\n"
    )
    assert check(project) == (
        1,
        [
            f"{SHARED_PAGE}:7: 'Universal Plus' in this page is on northshire's site, but "
            "data/glossary.yaml defines it only for southshire (add northshire to the term's "
            "'boroughs', or leave 'boroughs' out)"
        ],
    )


def test_an_acronym_a_placeholder_fills_in(project, check):
    project.replace(
        "data/contacts.yaml", "name: Northshire Duty Team", "name: Northshire Duty Team (NDT)"
    )
    project.path(SHARED_PAGE).write_text("# Consent\n\nCall {front-door}.\n")
    assert check(project) == (1, [f"{SHARED_PAGE}:3: " + _undefined("NDT", "in this page")])
