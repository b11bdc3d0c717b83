"""Query understanding on its own, without a browser: the search box's understand.js run in
Node on what practitioners type, with the model the build writes from data/search.yaml."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from functools import cache

import pytest

from handbook.data.validate import check
from handbook.site.render import render_for_build

from ..conftest import REPO

MODULE = REPO / "overrides" / "assets" / "javascripts" / "search" / "understand.js"
# Runs the module (which has no imports of its own) from a data: URL, as an ES module, on each
# call in the JSON read from stdin; prints the answers as JSON.
RUNNER = """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
import(input.module).then((m) => {
  const out = input.calls.map(([name, ...args]) => m[name](...args));
  process.stdout.write(JSON.stringify(out));
});
"""


@cache
def model(borough: str = "blackburn-with-darwen") -> dict:
    dataset, _ = check(REPO)
    return json.loads(render_for_build(dataset, borough).files["search-model.json"])


def run(*calls) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (.ci/run installs it)")
    source = base64.b64encode(MODULE.read_bytes()).decode()
    payload = {"module": f"data:text/javascript;base64,{source}", "calls": list(calls)}
    result = subprocess.run(
        [node, "-e", RUNNER], input=json.dumps(payload), capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "typed, digits",
    [
        ("+44 1254 666400", "01254666400"),
        ("+441254666400", "01254666400"),
        ("0044 1254 666400", "01254666400"),
        ("+44 (0)1254 666400", "01254666400"),
        ("(01254) 666400", "01254666400"),
        ("01254.666.400", "01254666400"),
        ("01254-666400", "01254666400"),
        ("1253 477299", "01253477299"),
        ("477 299", "477299"),
        ("666400", "666400"),
    ],
)
def test_a_number_is_understood_in_any_form(typed, digits):
    [phone] = run(["phoneNumber", typed])
    assert phone["search"] == digits and not phone["short"]


def test_short_numbers_and_words_are_told_apart():
    nine, helpline, word, mixed = run(
        ["phoneNumber", "999"], ["phoneNumber", "116 123"], ["phoneNumber", "homeless"],
        ["phoneNumber", "CADS 666400"],
    )  # fmt: skip
    assert nine["short"] and helpline["short"]
    assert word is None and mixed is None


def test_a_swap_of_two_letters_is_one_mistake():
    assert run(["distance", "adoptoin", "adoption", 2], ["distance", "homless", "homeless", 2],
               ["distance", "safegaurding", "safeguarding", 2],
               ["distance", "bullying", "building", 2]) == [1, 1, 1, 2]  # fmt: skip


def test_typos_are_corrected_by_length_only_into_the_words_given():
    vocabulary = ["homeless", "safeguarding", "exploitation", "fostering", "adoption"]
    assert run(
        ["correct", "homless", vocabulary],
        ["correct", "safgaurding", vocabulary],  # two mistakes in a long word
        ["correct", "expolitaton", vocabulary],
        ["correct", "adpotoin", vocabulary],  # two mistakes in a word of eight: allowed
        ["correct", "adotpion", ["adoption"]],
        ["correct", "hme", vocabulary],  # short words are never corrected
        ["correct", "crisis", vocabulary],  # nothing close
    ) == ["homeless", "safeguarding", "exploitation", "adoption", "adoption", None, None]


def test_a_worry_asks_for_the_front_door_and_little_words_are_dropped():
    [understood] = run(["understand", "worried about a child", model(), []])
    assert understood["concern"] is True
    assert [c["text"] for c in understood["concepts"]] == ["worried", "child"]


def test_a_referral_is_told_from_a_worry_and_from_the_night():
    referral, night = run(
        ["understand", "making a referral to social care", model(), []],
        ["understand", "social worker at the weekend", model(), []],
    )
    assert referral["referral"] is True and referral["concern"] is False
    assert night["referral"] is True and night["outOfHours"] is True


@pytest.mark.parametrize(
    "typed, searched",
    [
        ("cannabis", "drugs"),
        ("ADHD", "send"),
        ("autism", "disability"),
        ("CAMHS", "mental health"),
        ("DV", "domestic abuse"),
        ("runaway", "missing"),
        ("sofa surfing", "homelessness"),
        ("LADO", "local area designated officer"),  # the glossary's own expansion
    ],
)
def test_synonyms_and_acronyms_search_for_what_the_guide_calls_them(typed, searched):
    [understood] = run(["understand", typed, model(), []])
    assert any(searched in c["searches"] for c in understood["concepts"]), understood


def test_a_phrase_matches_whatever_its_plurals():
    # data/search.yaml has "foster carer"; "foster carers" is the same phrase.
    [understood] = run(["understand", "foster carers nearby", model(), []])
    [phrase, word] = understood["concepts"]
    assert phrase["text"] == "foster carers" and phrase["known"] is True
    assert "fostering" in phrase["searches"] and word["text"] == "nearby"


def test_a_mistake_is_corrected_and_said():
    [understood] = run(["understand", "homless family", model(), ["homeless"]])
    assert understood["corrections"] == [{"from": "homless", "to": "homeless"}]
    assert understood["shown"] == "homeless family"


def test_a_word_the_model_knows_is_never_corrected():
    # "sexting" is one letter from "setting", a word of the guide: it is a word of concern.
    [understood] = run(["understand", "sexting", model(), ["setting"]])
    assert understood["corrections"] == [] and understood["concern"] is True
