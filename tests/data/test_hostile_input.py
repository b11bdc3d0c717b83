"""A corpus of hostile and broken edits, as a careless or a malicious editor would make them.

Each is refused by `handbook check` with exactly the lines given (`path:line: message`, the
line found from a piece of text on it), and never with a traceback. The edits that are
harmless are built, and what the page shows is asserted (test_harmless_input.py in site/).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

SERVICES = "data/services.yaml"
CONTACTS = "data/contacts.yaml"
BOROUGHS = "data/boroughs.yaml"
LEVELS = "data/levels.yaml"
GLOSSARY = "data/glossary.yaml"
ABOUT = "content/northshire/about.md"
SUMMARY = "summary: Helps children at risk of exploitation."
HOW = "how: Phone the duty team."
DUTY_PHONE = '"01254 666400"'

HTML_IN = "raw HTML is not allowed in '{}' (write Markdown instead)"
IN_PAGE = "raw HTML is not allowed in this page (write Markdown instead)"
LINK_IN = "'{}' links are not allowed in '{}' (link to a web address starting with https://)"
OTHER_LINK = (
    "'{}' links are not allowed in '{}' (link to a web address starting with https://, an "
    "email address, a phone number or a page of this site)"
)
FOREIGN_IMAGE = (
    "images from other hosts are not allowed in {} ('{}'): put the image in content/ and "
    "show it from there"
)
LINK = (
    "is a link to another file or folder (a symbolic link): content/ may hold only real "
    "files, so copy the file in instead"
)
ONLY_PAGES = (
    "content/ may hold only Markdown pages (.md) and images (.png, .jpg, .jpeg, .gif, .webp): "
    "move or delete this file"
)
SKIPPED = "note: the checks that need data/{} were skipped until it can be read"
PAGE_NAME = (
    "section 'about': '{}' must be the name of a page in content/northshire/, such as "
    "'vision.md' (no '/' at the start, no '..', letters, digits and hyphens only)"
)
ANCHORS = "anchors ('&{}') are not allowed: write the value out in full where it is needed"
SYNTAX = "(check the indentation and that text containing ': ' is in quotes)"
COSTLY = "check it against the source, and if it is right, add 'number_type_intended: {}'"


@dataclass(frozen=True)
class Case:
    """One edit (a list of steps) and the lines `check` must print, each (path, where,
    message): `where` is a line number or a piece of text on the line."""

    id: str
    edits: tuple
    expect: tuple


def replace(path, old, new):
    return ("replace", path, old, new)


def write(path, text):
    return ("write", path, text)


def link(path, target):
    return ("symlink", path, target)


CASES = [
    # Script in the built pages, past the first patterns.
    Case("tag with a colon in it", (replace(SERVICES, SUMMARY, 'summary: "Helps <img/src=x:y onerror=alert(1)> children"'),),
         ((SERVICES, "<img/src", "ns-engage: " + HTML_IN.format("summary")),)),
    Case("attribute value holding a brace", (replace(SERVICES, HOW, "how: '[link](https://example.org){ onclick=\"alert(1){\" }'"),),
         ((SERVICES, "onclick", "ns-engage: 'onclick' attributes are not allowed in 'how' (they run scripts; remove the { ... } part)"),)),
    Case("tag split across two fields shown side by side", (replace(GLOSSARY, "expansion: Child Sexual Exploitation", 'expansion: "<img src=x onerror=alert(1) title="\n    meaning: "x>"'),),
         ((GLOSSARY, "expansion", "cse: " + HTML_IN.format("expansion")),)),
    Case("unclosed script tag in a name", (replace(CONTACTS, "name: Northshire Duty Team", "name: Northshire <script src=x.png"),),
         ((CONTACTS, "<script", "ns-duty: " + HTML_IN.format("name")),)),
    Case("tag written with entities in a title", (replace(SERVICES, "name: Engage", "name: Engage &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),),
         ((SERVICES, "&lt;/title", "ns-engage: HTML written with '&lt;' is not allowed in 'name' (write Markdown instead; a '<' on its own, as in '<5', is fine)"),)),
    Case("svg onload in a level", (replace(LEVELS, "definition: Significant harm.", 'definition: "Significant <svg/onload=alert(1)> harm."'),),
         ((LEVELS, "<svg", "level 4: " + HTML_IN.format("definition")),)),
    Case("a redirect written as a meta tag", (replace(SERVICES, HOW, 'how: <meta http-equiv="refresh" content="0;url=https://evil.example">'),),
         ((SERVICES, "<meta", "ns-engage: " + HTML_IN.format("how")),)),
    Case("a form that posts elsewhere", (replace(SERVICES, HOW, "how: '<form/action=https://evil.example:443><button>Go</button></form>'"),),
         ((SERVICES, "<form", "ns-engage: " + HTML_IN.format("how")),)),
    Case("javascript link in a reference definition, mixed case", (replace(SERVICES, HOW, "how: |\n        Use [the form][f].\n\n        [f]: JaVaScRiPt:alert(1)"),),
         ((SERVICES, "[f]: JaVa", "ns-engage: " + LINK_IN.format("javascript:", "how")),)),
    Case("attribute list that replaces a link's address", (replace(SERVICES, HOW, "how: '[Refer](https://example.org){ href=\"javascript:alert(1)\" }'"),),
         ((SERVICES, "href=", "ns-engage: " + LINK_IN.format("javascript:", "how")),)),
    Case("heading taking the theme's settings id", (write(ABOUT, "# About\n\n## __config\n\nText.\n"),),
         ((ABOUT, 3, "the id '__config' is not allowed in this page (ids starting '__' belong to the theme)"),)),
    Case("iframe in a content page", (write(ABOUT, '# About\n\nText.\n\n<iframe src="https://evil.example"></iframe>\n'),),
         ((ABOUT, 5, IN_PAGE),)),
    # Requests to other hosts.
    Case("image from another host", (replace(SERVICES, HOW, "how: '![x](https://evil.example/x.png)'"),),
         ((SERVICES, "evil.example", "ns-engage: " + FOREIGN_IMAGE.format("'how'", "https://evil.example/x.png")),)),
    Case("image from another host in a content page", (write(ABOUT, "# About\n\nSee:\n\n![map](https://evil.example/map.png)\n"),),
         ((ABOUT, 5, FOREIGN_IMAGE.format("this page", "https://evil.example/map.png")),)),
    Case("style attribute loading a background", (replace(SERVICES, HOW, "how: '[a](https://example.org){ style=\"background:url(https://evil.example/y)\" }'"),),
         ((SERVICES, "style=", "ns-engage: 'style' attributes are not allowed in 'how' (remove it from the { ... } part; #id and .class are fine)"),)),
    Case("link without a scheme to another host", (replace(SERVICES, HOW, "how: '[Refer](//evil.example/form)'"),),
         ((SERVICES, "//evil", "ns-engage: " + OTHER_LINK.format("//evil.example/form", "how")),)),
    # Rules that disagree with the docs or the world.
    Case("http link in a text", (replace(SERVICES, HOW, "how: '[Refer online](http://example.org/refer)'"),),
         ((SERVICES, "http://", "ns-engage: 'http://example.org/refer' must start with https:// in 'how' (websites must be https, so that no one can change the page on its way)"),)),
    Case("http website", (replace(CONTACTS, "    hours: Evenings and weekends", "    hours: Evenings and weekends\n    website: http://example.org"),),
         ((CONTACTS, "website", "ns-out-of-hours: 'website' must be a web address starting with https:// (got 'http://example.org'); websites must be https, so that no one can change the page on its way"),)),
    Case("data link", (replace(SERVICES, HOW, "how: '[Open](data:text/plain,hello)'"),),
         ((SERVICES, "data:", "ns-engage: " + OTHER_LINK.format("data:", "how")),)),
    Case("email address that smuggles a link", (replace(CONTACTS, "    hours: Evenings and weekends", "    hours: Evenings and weekends\n    email: a@b.org)[x](https://evil.example"),),
         ((CONTACTS, "email", "ns-out-of-hours: 'email' is not an email address: 'a@b.org)[x](https://evil.example'"),)),
    # Files from outside the project.
    Case("symbolic link to the password file listed as a page", (link("content/northshire/passwd.md", "/etc/passwd"), replace(BOROUGHS, "pages: [about.md]", "pages: [about.md, passwd.md]")),
         (("content/northshire/passwd.md", 1, LINK),)),
    Case("symbolic link not listed anywhere", (link("content/shared/logo.png", "/etc/hostname"),),
         (("content/shared/logo.png", 1, LINK),)),
    Case("symbolically linked folder", (link("content/northshire/etc", "/etc"),),
         (("content/northshire/etc", 1, LINK),)),
    Case("symbolic link to its own folder", (link("content/northshire/loop", "."),),
         (("content/northshire/loop", 1, LINK),)),
    Case("an html page with a script", (write("content/northshire/evil.html", "<script>alert(1)</script>"),),
         (("content/northshire/evil.html", 1, ONLY_PAGES),)),
    Case("an svg image", (write("content/shared/logo.svg", "<svg onload='alert(1)'/>"),),
         (("content/shared/logo.svg", 1, "SVG images can carry scripts: save the image as PNG instead"),)),
    Case("a script file", (write("content/shared/app.js", "alert(1)"),),
         (("content/shared/app.js", 1, ONLY_PAGES),)),
    Case("absolute page path", (replace(BOROUGHS, "pages: [about.md]", "pages: [/etc/passwd.md]"),),
         ((BOROUGHS, "/etc/passwd.md", PAGE_NAME.format("/etc/passwd.md")),)),
    Case("page path going up", (replace(BOROUGHS, "pages: [about.md]", "pages: [../shared/consent.md]"),),
         ((BOROUGHS, "../shared", PAGE_NAME.format("../shared/consent.md")),)),
    Case("a data file that is a symbolic link", (("remove", GLOSSARY), link(GLOSSARY, "/etc/passwd")),
         ((GLOSSARY, 1, "must be a file of its own"), (GLOSSARY, 1, SKIPPED.format("glossary.yaml")))),
    # YAML that could hurt.
    Case("alias bomb", (write(GLOSSARY, 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n'),),
         tuple((GLOSSARY, n, ANCHORS.format(a)) for n, a in enumerate("abcdefghi", 1)) + ((GLOSSARY, 9, SKIPPED.format("glossary.yaml")),)),
    Case("python tag", (replace(CONTACTS, "name: Northshire Duty Team", "name: !!python/name:os.system"),),
         ((CONTACTS, "!!python", "tags such as '!!python/name:os.system' are not allowed: remove it (text starting with '!' goes in quotes)"), (CONTACTS, "!!python", SKIPPED.format("contacts.yaml")))),
    Case("merge key", (replace(CONTACTS, "  - id: ns-out-of-hours\n", "  - <<: {borough: northshire}\n    id: ns-out-of-hours\n"),),
         ((CONTACTS, "<<:", "merge keys ('<<') are not allowed: write out each field the entry needs"), (CONTACTS, "<<:", SKIPPED.format("contacts.yaml")))),
    Case("recursive alias", (write(GLOSSARY, "terms: &x\n  - *x\n"),),
         ((GLOSSARY, 1, ANCHORS.format("x")), (GLOSSARY, 2, "aliases ('*x') are not allowed: write the value out in full"), (GLOSSARY, 2, SKIPPED.format("glossary.yaml")))),
    Case("nested too deeply", (replace(SERVICES, "levels: [3, 4]", "levels: " + "[" * 40 + "]" * 40),),
         ((SERVICES, "levels: [[", "nested more than 20 levels deep (check the indentation)"), (SERVICES, "levels: [[", SKIPPED.format("services.yaml")))),
    Case("two documents in one file", (("append", GLOSSARY, "---\nterms: []\n"),),
         ((GLOSSARY, "---", "a data file holds one document: remove the '---' line and what follows it, or merge the two"), (GLOSSARY, "---", SKIPPED.format("glossary.yaml")))),
    Case("a control character", (replace(SERVICES, "Helps children", "Helps\x07 children"),),
         ((SERVICES, "Helps", "a character YAML does not allow (U+0007): delete it or retype the line"), (SERVICES, "Helps", SKIPPED.format("services.yaml")))),
    Case("data file not UTF-8", (write(CONTACTS, b"contacts:\n  - id: caf\xe9\n"),),
         ((CONTACTS, 2, "not UTF-8 text (invalid continuation byte); save the file as UTF-8"), (CONTACTS, 2, SKIPPED.format("contacts.yaml")))),
    Case("one syntax error is one message", (replace(SERVICES, "    name: Family Time", "    name: Family: Time"),),
         ((SERVICES, "Family: Time", "YAML syntax error: mapping values are not allowed in this context " + SYNTAX), (SERVICES, "Family: Time", SKIPPED.format("services.yaml")))),
    Case("entries not written as a list", (write(CONTACTS, "contacts:\n  id: ns-duty\n"),),
         ((CONTACTS, "contacts:", "'contacts' must be a list (check the indentation and the '-' marks)"), (CONTACTS, "contacts:", SKIPPED.format("contacts.yaml")))),
    Case("a repeated field", (replace(CONTACTS, "    name: Northshire Duty Team\n", "    name: Northshire Duty Team\n    name: [x]\n"),),
         ((CONTACTS, "name: [x]", "'name' appears twice in the same entry (remove one of them)"),)),
    # Every value's type checked before use; messages for editors.
    Case("an impossible date", (replace(CONTACTS, "    hours: Evenings and weekends", "    hours: Evenings and weekends\n    last_reviewed: 2026-11-31"),),
         ((CONTACTS, "2026-11-31", "ns-out-of-hours: 'last_reviewed' must be a real date, written year-month-day such as 2026-11-23 (got 2026-11-31)"),)),
    Case("an id written as a list", (replace(CONTACTS, "id: ns-duty", "id: [ns-duty]"),),
         ((CONTACTS, "[ns-duty]", "'id' must be text, not a list (remove the '-' marks or the [ ])"),)),
    Case("an unquoted number", (replace(CONTACTS, DUTY_PHONE, "01254666400"),),
         ((CONTACTS, "01254666400", 'ns-duty: \'phone\' must be text: write the number in quotes, such as phone: "01254666400"'),)),
    Case("an age in words", (replace(SERVICES, "{min: 10, max: 18}", "{min: sixteen, max: 18}"),),
         ((SERVICES, "sixteen", "ns-engage: 'min' must be an age in years, e.g. 16, or 'unborn' (got 'sixteen')"),)),
    Case("a level in words", (replace(SERVICES, "levels: [4]", "levels: [four]"),),
         ((SERVICES, "[four]", "ns-family-time: 'levels' must be a level of need, 1 to 4 (got 'four')"),)),
    Case("an empty name", (replace(CONTACTS, "name: Northshire Duty Team", "name:"),),
         ((CONTACTS, "    name:\n", "ns-duty: 'name' is empty (fill it in, or remove it if it is optional)"),)),
    Case("yes or no written otherwise", (replace(CONTACTS, "    emergency: true", "    emergency: maybe"),),
         ((CONTACTS, "maybe", "shared-police: 'emergency' must be true or false (got 'maybe')"),)),
    # A wrong number must not ship.
    Case("the letter O for a zero", (replace(CONTACTS, DUTY_PHONE, '"0800 O92 2332"'),),
         ((CONTACTS, "O92", "ns-duty: '0800 O92 2332' contains the letter O: did you mean 0?"),)),
    Case("a premium-rate number", (replace(CONTACTS, DUTY_PHONE, '"0906 123 4567"'),),
         ((CONTACTS, "0906", "ns-duty: '0906 123 4567' is a premium-rate or service-charge number (calls cost more than a normal call): " + COSTLY.format("premium-rate")),)),
    Case("a personal number", (replace(CONTACTS, DUTY_PHONE, '"070 1234 5678"'),),
         ((CONTACTS, "070 1234", "ns-duty: '070 1234 5678' is a personal number (070: it forwards to any phone, costs more, and is often used by scammers): " + COSTLY.format("personal")),)),
    Case("112 on a contact not marked emergency", (replace(CONTACTS, DUTY_PHONE, '"112"'),),
         ((CONTACTS, '"112"', "ns-duty: '112' is an emergency number; it is allowed only on a contact marked 'emergency: true'"),)),
    # References and pages.
    Case("a level's helper from another borough", (("add_borough",), replace(LEVELS, "northshire: [ns-duty]", "northshire: [ns-duty, ss-duty]")),
         ((LEVELS, "ss-duty]", "level 4: contact 'ss-duty' belongs to southshire, not northshire (use a contact of this borough or a shared one)"),)),
    Case("a borough's contact listed as everyone's helper", (replace(LEVELS, "northshire: [ns-duty]", "shared: [ns-duty]"),),
         ((LEVELS, "shared: [ns-duty]", "level 4: contact 'ns-duty' belongs to northshire, so it cannot help every borough (list it under 'northshire:' instead)"),)),
    Case("a content page at a service's address", (replace(BOROUGHS, "        title: Teams\n", "        title: Teams\n        pages: [ns-engage.md]\n"), write("content/northshire/ns-engage.md", "# Mine\n\nText.\n")),
         ((BOROUGHS, "[ns-engage.md]", "two pages at one address 'teams/ns-engage/': content page 'content/northshire/ns-engage.md' and service 'ns-engage' (data/services.yaml:2); rename one of them"),)),
    Case("a content page replacing the section's index", (replace(BOROUGHS, "pages: [about.md]", "pages: [index.md]"), write("content/northshire/index.md", "# Index\n\nText.\n")),
         ((BOROUGHS, "[index.md]", "two pages at one address 'about/': content page 'content/northshire/index.md' and the index page of section 'about' (data/boroughs.yaml:14); rename one of them"),)),
    Case("a section in the site's own folder", (replace(BOROUGHS, "id: about", "id: assets"),),
         ((BOROUGHS, "id: assets", "section id 'assets' is taken by the site's own files; choose another id"),)),
    Case("a broken link in a content page", (write(ABOUT, "# About\n\nSee [the team](../teams/ns-engag.md).\n"),),
         ((ABOUT, 3, "link '../teams/ns-engag.md' leads to no page of the site of Northshire (links are relative to this page's place in the site: a page of another section starts '../')"),)),
    Case("a link to a heading that does not exist", (write(ABOUT, "# About\n\nText.\n\nSee [how to refer](../teams/ns-engage.md#how-to-reefer).\n"),),
         ((ABOUT, 5, "link '../teams/ns-engage.md#how-to-reefer' leads to a page with no heading or anchor '#how-to-reefer'"),)),
    Case("a link from the site's root", (write(ABOUT, "# About\n\nSee [the team](/teams/ns-engage/).\n"),),
         ((ABOUT, 3, "link '/teams/ns-engage/' starts with '/': write it relative to this page, such as '../teams/bwd-engage.md', so that it works wherever the site is published"),)),
    Case("a link out of the site", (write(ABOUT, "# About\n\nSee [this](../../../../etc/passwd).\n"),),
         ((ABOUT, 3, "link '../../../../etc/passwd' leads outside the site"),)),
    Case("a content page not UTF-8", (write(ABOUT, b"# About\n\nCaf\xe9.\n"),),
         ((ABOUT, 3, "not UTF-8 text (invalid continuation byte); save the page as UTF-8"),)),
]  # fmt: skip


def apply(project, edits) -> None:
    for step in edits:
        kind, *args = step
        if kind == "replace":
            project.replace(*args)
        elif kind == "append":
            project.append(*args)
        elif kind == "write":
            path, text = args
            target = project.path(path)
            if isinstance(text, bytes):
                target.write_bytes(text)
            else:
                target.write_text(text, encoding="utf-8")
        elif kind == "symlink":
            path, target = args
            os.symlink(target, project.path(path))
        elif kind == "remove":
            project.path(args[0]).unlink()
        elif kind == "add_borough":
            project.add_borough("southshire", "Southshire")


def expected_lines(project, expect) -> list[str]:
    lines = []
    for path, where, message in expect:
        if isinstance(where, str):
            text = project.path(path).read_bytes().decode("utf-8", "replace")
            where = text[: text.index(where)].count("\n") + 1
        lines.append(f"{path}:{where}: {message}")
    return lines


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_edit_is_refused_at_its_line(project, check, case):
    apply(project, case.edits)
    expected = expected_lines(project, case.expect)
    assert check(project) == (1, expected)
