"""Text is Markdown only: raw HTML, scripts and javascript: links are reported at their line."""

from __future__ import annotations

import pytest

SERVICES = "data/services.yaml"
HOW = "      how: Phone the duty team."


def _html(label: str, field: str) -> str:
    return f"{label}: raw HTML is not allowed in '{field}' (write Markdown instead)"


def test_html_in_a_field_is_reported_at_its_line(project, check):
    project.replace(SERVICES, "children at risk", "children <b>at risk</b>")
    line = project.line_of(SERVICES, "<b>at risk")
    assert check(project) == (1, [f"{SERVICES}:{line}: {_html('ns-engage', 'summary')}"])


def test_html_deep_in_a_long_text_is_reported_at_its_own_line(project, check):
    project.replace(
        SERVICES,
        "    source: test fixture\n  - id: ns-family-time",
        "    description: |\n      First paragraph.\n\n      Second <script>alert(1)</script>.\n"
        "    source: test fixture\n  - id: ns-family-time",
    )
    line = project.line_of(SERVICES, "<script>")
    assert check(project) == (1, [f"{SERVICES}:{line}: {_html('ns-engage', 'description')}"])


def test_each_fault_in_a_long_text_is_reported_at_its_line(project, check):
    project.replace(
        SERVICES,
        "    source: test fixture\n  - id: ns-family-time",
        "    description: |\n      One<br>\n      Two.\n      Three<br>\n"
        "    source: test fixture\n  - id: ns-family-time",
    )
    message = _html("ns-engage", "description")
    assert check(project) == (
        1,
        [f"{SERVICES}:{project.line_of(SERVICES, 'One<br>')}: {message}",
         f"{SERVICES}:{project.line_of(SERVICES, 'Three<br>')}: {message}"],
    )  # fmt: skip


def test_a_fault_not_written_as_found_is_reported_at_its_field(project, check):
    # "\u003c" is how YAML may write "<": the search for the line stops at the field's end
    # rather than pointing at the harmless `<b>` written further down.
    project.replace(SERVICES, "children at risk", "\\u003cb>at risk")
    project.replace(SERVICES, "summary: Helps", 'summary: "Helps')
    project.replace(SERVICES, "of exploitation.", 'of exploitation."')
    project.replace(SERVICES, HOW, "      how: Phone the duty team, not `<b>`.")
    line = project.line_of(SERVICES, "summary:")
    assert check(project) == (1, [f"{SERVICES}:{line}: {_html('ns-engage', 'summary')}"])


def test_each_item_of_a_list_is_checked(project, check):
    project.replace(
        SERVICES,
        "    levels: [4]\n",
        '    levels: [4]\n    what_we_do:\n      - A plain point.\n      - "A point<br>broken"\n',
    )
    line = project.line_of(SERVICES, "<br>")
    assert check(project) == (1, [f"{SERVICES}:{line}: {_html('ns-family-time', 'what_we_do')}"])


@pytest.mark.parametrize(
    "path, old, new, label, field",
    [
        ("data/contacts.yaml", "Northshire Duty Team", "Northshire <i>Duty</i> Team",
         "ns-duty", "name"),
        ("data/levels.yaml", "definition: Significant harm.",
         "definition: Significant <u>harm</u>.", "level 4", "definition"),
        ("data/glossary.yaml", "Child Sexual Exploitation",
         "Child Sexual <!-- hidden --> Exploitation", "cse", "expansion"),
        ("data/boroughs.yaml", "        title: Teams\n",
         '        title: Teams\n        intro: <iframe src="https://example.org"></iframe>\n',
         "teams", "intro"),
    ],
)  # fmt: skip
def test_every_data_file_is_checked(project, check, path, old, new, label, field):
    project.replace(path, old, new)
    needle = new.strip().splitlines()[-1].strip()
    line = project.line_of(path, needle)
    assert check(project) == (1, [f"{path}:{line}: {_html(label, field)}"])


@pytest.mark.parametrize(
    "link",
    [
        "[Refer online](javascript:alert(1))",
        "[Refer online]( JavaScript:alert(1))",
        "[Refer online](java&#115;cript:alert(1))",
        "[Refer online](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "![Logo](javascript:alert(1))",
    ],
)
def test_javascript_links_are_rejected(project, check, link):
    project.replace(SERVICES, HOW, f"      how: 'Phone the duty team or {link}.'")
    line = project.line_of(SERVICES, "how: 'Phone")
    assert check(project) == (
        1,
        [f"{SERVICES}:{line}: ns-engage: 'javascript:' links are not allowed in 'how' "
         "(link to a web address starting with https://)"],
    )  # fmt: skip


def test_javascript_in_a_reference_definition_is_rejected(project, check):
    project.replace(
        SERVICES,
        HOW,
        "      how: |\n        Use [the form][form].\n\n        [form]: javascript:x()\n",
    )
    line = project.line_of(SERVICES, "[form]: javascript")
    status, lines = check(project)
    assert (status, lines) == (
        1,
        [f"{SERVICES}:{line}: ns-engage: 'javascript:' links are not allowed in 'how' "
         "(link to a web address starting with https://)"],
    )  # fmt: skip


def test_script_attributes_are_rejected(project, check):
    project.replace(SERVICES, HOW, "      how: '[Refer](https://example.org){ onclick=\"x()\" }'")
    line = project.line_of(SERVICES, "onclick")
    assert check(project) == (
        1,
        [f"{SERVICES}:{line}: ns-engage: 'onclick' attributes are not allowed in 'how' "
         "(they run scripts; remove the { ... } part)"],
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Refer online at <https://example.org/refer>.",
        "Email <duty@northshire.example>.",
        "[Refer online](https://example.org/javascript-guide).",
        "Children aged <5 or >16, where a < b.",
        "Write `<br>` as a blank line instead.",
    ],
)
def test_markdown_is_allowed(project, check, text):
    project.replace(SERVICES, HOW, f"      how: '{text}'")
    assert check(project) == (0, [])


def test_content_pages_are_checked(project, check):
    project.path("content/northshire/about.md").write_text(
        '# About Northshire\n\nA test borough.\n\n<div class="box">Hello</div>\n'
    )
    assert check(project) == (
        1,
        ["content/northshire/about.md:5: raw HTML is not allowed in this page "
         "(write Markdown instead)"],
    )  # fmt: skip


def test_every_fault_is_reported_in_one_run(project, check):
    project.replace(SERVICES, "children at risk", "children <b>at risk</b>")
    project.replace("data/contacts.yaml", "Northshire Duty Team", "Northshire <i>Duty</i> Team")
    project.path("content/shared/consent.md").write_text("# Consent\n\n<script>x()</script>\n")
    status, lines = check(project)
    assert status == 1
    assert [line.split(": ", 1)[0] for line in lines] == [
        "content/shared/consent.md:3",
        f"data/contacts.yaml:{project.line_of('data/contacts.yaml', '<i>')}",
        f"{SERVICES}:{project.line_of(SERVICES, '<b>')}",
    ]
