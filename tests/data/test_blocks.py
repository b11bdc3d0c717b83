"""The per-borough block syntax: which text each site shows, and where each piece was written."""

from __future__ import annotations

from handbook.data import blocks

PAGE = """Shared first.

::: blackpool
Blackpool only.
:::

::: blackpool, northshire
Both.
:::

Shared last.
"""


def test_a_block_is_shown_only_on_the_sites_it_names():
    assert blocks.select(PAGE, "blackpool").text == (
        "Shared first.\n\nBlackpool only.\n\nBoth.\n\nShared last.\n"
    )
    assert blocks.select(PAGE, "northshire").text == "Shared first.\n\n\nBoth.\n\nShared last.\n"
    assert blocks.select(PAGE, "southshire").text == "Shared first.\n\n\n\nShared last.\n"


def test_a_block_inside_a_table_keeps_the_table_whole():
    table = "| a | b |\n| --- | --- |\n::: northshire\n| c | d |\n:::\n| e | f |\n"
    assert (
        blocks.select(table, "northshire").text
        == "| a | b |\n| --- | --- |\n| c | d |\n| e | f |\n"
    )
    assert blocks.select(table, "blackpool").text == "| a | b |\n| --- | --- |\n| e | f |\n"


def test_an_inline_part_keeps_the_space_after_its_colon():
    text = "Stepped down to early help{northshire: (the CAF)}; or up.{blackpool: Call 999.}"
    assert blocks.select(text, "northshire").text == "Stepped down to early help (the CAF); or up."
    assert blocks.select(text, "blackpool").text == "Stepped down to early help; or up. Call 999."


def test_where_each_selected_character_was_written():
    selected = blocks.select(PAGE, "blackpool")
    for word in ("Blackpool only", "Both", "Shared last"):
        assert PAGE[selected.origin(selected.text.index(word)) :].startswith(word)


def test_placeholders_are_found_with_the_sites_that_show_them():
    text = "Call {front-door-phone}.{blackpool: Or {area}.}"
    found = [(named.name, part.boroughs) for named, part in blocks.parse(text).placeholders()]
    assert found == [("front-door-phone", None), ("area", frozenset({"blackpool"}))]
    assert text[blocks.parse(text).placeholders()[1][0].offset :].startswith("{area}")


def test_braces_that_are_not_the_syntax_are_left_alone():
    # attr_list, template-looking text and escaped braces are text, not blocks or placeholders.
    for text in ("## Heading { #anchor }", "{{ borough.name }} {% if x %}", r"\{area} and \{a: b}"):
        parsed = blocks.parse(text)
        assert parsed.placeholders() == [] and parsed.faults == [] and parsed.boroughs == []
        assert blocks.select(text, "blackpool").text == text


def test_faults_are_found_at_their_place():
    text = "One.\n::: blackpool\nA.\n::: northshire\nB.\n:::\n:::\n::: Blackpool only\n{x: {y: z}}"
    faults = blocks.parse(text).faults
    offsets = [offset for offset, _ in faults]
    assert [text[o : o + 14] for o in offsets] == [
        "::: northshire",
        ":::\n::: Blackp",
        "::: Blackpool ",
    ]
    assert "cannot hold another one" in faults[0][1]
    assert "closes no per-borough block" in faults[1][1]
    assert "is not a per-borough block" in faults[2][1]


def test_a_block_left_open_is_a_fault_at_its_opening():
    text = "Shared.\n\n::: blackpool\nNever closed.\n"
    ((offset, message),) = blocks.parse(text).faults
    assert text[offset:].startswith("::: blackpool")
    assert message.startswith("the per-borough block '::: blackpool' {where} is not closed")
    # What it holds is still Blackpool's only: a fault never leaks text to another site.
    assert blocks.select(text, "northshire").text == "Shared.\n\n"
