"""The service finder as a practitioner uses it, in Chromium: which services a shared link
lists, in which order and under which heading, and what the page says when it cannot help.

Two kinds of test: on the real data, the expected groups and orders are worked out here
from data/*.yaml by the finder's rules, so they keep holding as the data grows; on a small
project of our own, the orders are written out in full.
"""

from __future__ import annotations

import pytest
import yaml

from handbook.cli import main
from handbook.data import phones
from handbook.data.validate import check
from handbook.site import vocabulary
from handbook.site.render import render_for_build

from ..browser import WatchedPage, serve
from ..conftest import REPO, copy_project
from ..pipeline.test_quality_gates import _axe

OLDEST = 25
COVERS = (
    "This guide covers children up to the age of 18, together with unborn children during "
    f"pregnancy, and services for some young people up to {OLDEST}"
)
UNSTATED = "Ages not stated in the guide"


# The finder's rules, written from the issue, to work out what the real data should give.


def _data(name: str) -> dict:
    return yaml.safe_load((REPO / "data" / name).read_text(encoding="utf-8"))


def _borough(borough: str) -> dict:
    return next(b for b in _data("boroughs.yaml")["boroughs"] if b["id"] == borough)


def _listed(borough: str) -> list[dict]:
    """The borough's services a practitioner can still refer to, in the guide's order."""
    boroughs = _data("boroughs.yaml")
    sections = [s["id"] for s in boroughs.get("shared_sections", [])]
    sections += [s["id"] for s in _borough(borough)["sections"]]
    services = [
        s for s in _data("services.yaml")["services"]
        if s["borough"] == borough and s.get("status", "active") != "inactive"
    ]  # fmt: skip
    return sorted(services, key=lambda s: sections.index(s["section"]))


def _age_fit(service: dict, age: str | None) -> str:
    ages = service.get("ages") or {}
    if ages.get("strict") is False:  # a range the source gives loosely never rules a child out
        ages = {}
    low, high = ages.get("min"), ages.get("max")
    if age is None:
        return "fits"
    if age == "unborn":
        if low == "unborn":
            return "fits"
        return "unstated" if low is None else "outside"
    if low is None and high is None:
        return "unstated"
    years = float(age)
    if years > OLDEST:
        return "outside"
    too_young = low not in (None, "unborn") and years < low
    too_old = high is not None and years > high
    return "outside" if too_young or too_old else "fits"


def _expected(borough: str, age=None, need=None, level=None) -> tuple[list[str], list[str]]:
    """The ids listed under the age that fits and under "ages not stated", best first."""
    listed = _listed(borough)

    def rank(service: dict) -> tuple:
        tags = service.get("tags", [])
        return (
            service.get("status") == "temporarily-closed",
            bool(need) and tags[0] != need,
            bool(level) and int(level) not in service["levels"],
            age == "unborn" and not need and "pregnancy" not in tags,
            listed.index(service),
        )

    helped = [s for s in listed if not need or need in s.get("tags", [])]
    groups = {"fits": [], "unstated": [], "outside": []}
    for service in helped:
        groups[_age_fit(service, age)].append(service)
    return tuple([s["id"] for s in sorted(groups[g], key=rank)] for g in ("fits", "unstated"))


def _count_line(fits: int, unstated: int, filtered: bool = True) -> str:
    if not filtered:
        return f"{fits} services."
    line = "No services match" if fits == 0 else (
        f"{fits} service matches" if fits == 1 else f"{fits} services match")  # fmt: skip
    if unstated:
        line += f", and {unstated} whose ages the guide does not state"
    return line + "."


def _front_door(borough: str) -> dict:
    door = _borough(borough)["front_door"]
    return next(c for c in _data("contacts.yaml")["contacts"] if c["id"] == door)


def _in_a_sentence(label: str) -> str:
    return label[:1].lower() + label[1:]


# What the page shows.


def _groups(page) -> list[tuple[str, list[str]]]:
    """Each group shown: its heading and its services, top to bottom."""
    groups = page.eval_on_selector_all(
        ".finder-group:not([hidden])",
        """groups => groups.map(g => [
            g.querySelector('h2').firstChild.textContent.trim(),
            Array.from(g.querySelectorAll('.finder-service:not([hidden])'))
                .map(e => e.dataset.service)])""",
    )
    return [(heading, services) for heading, services in groups]


def _said(page) -> list[str]:
    """The messages and the count line, as the live region reads them."""
    return page.eval_on_selector_all(
        "#finder-status > p:not([hidden])", "els => els.map(e => e.innerText.trim())"
    )


def _form(page) -> tuple[str, bool, str, str]:
    return (
        page.input_value("#finder-age"),
        page.is_checked("#finder-unborn"),
        page.input_value("#finder-level"),
        page.input_value("#finder-need"),
    )


def _heading(borough: str, age) -> str:
    if age == "unborn":
        return "Pre-birth services"
    return f"For age {age}" if age is not None else f"Services in {_borough(borough)['name']}"


def _expected_groups(borough, age=None, need=None, level=None):
    fits, unstated = _expected(borough, age, need, level)
    groups = [(_heading(borough, age), fits)] if fits else []
    return groups + ([(UNSTATED, unstated)] if unstated else [])


BOROUGHS = ["blackburn-with-darwen", "blackpool"]
ADDRESSES = [
    {"age": "15"}, {"age": "4"}, {"age": "0"}, {"age": "17.5"}, {"age": "25"},
    {"age": "unborn"}, {"age": "15", "need": "exploitation"}, {"age": "15", "level": "3"},
    {"need": "safeguarding", "level": "4"}, {"age": "12", "need": "family-support", "level": "2"},
    {"age": "unborn", "need": "parenting"}, {"level": "1"},
]  # fmt: skip


def _address(choices: dict) -> str:
    return "&".join(f"{k}={v}" for k, v in choices.items())


@pytest.mark.parametrize("borough", BOROUGHS)
@pytest.mark.parametrize("choices", ADDRESSES, ids=_address)
def test_a_shared_link_lists_fitting_ages_first_then_unstated_best_match_first(
    page, borough, choices
):
    page.page.goto(f"{borough}/finder/?{_address(choices)}")
    groups = _groups(page.page)
    assert groups == _expected_groups(borough, **choices)
    fits, unstated = _expected(borough, **choices)
    assert _said(page.page)[-1] == _count_line(len(fits), len(unstated))
    assert page.page.is_visible("text=Best match first")
    if unstated and "age" in choices:
        note = page.page.inner_text("#finder-unstated .finder-note")
        assert note.endswith("check with the service before you refer.")


@pytest.mark.parametrize("borough", BOROUGHS)
def test_every_need_of_the_vocabulary_is_offered_and_answered(page, borough):
    page.page.goto(f"{borough}/finder/")
    offered = page.page.eval_on_selector_all(
        "#finder-need option", "els => els.map(e => e.value).filter(v => v)"
    )
    assert offered == list(vocabulary.TAGS)
    for need in vocabulary.TAGS:
        page.page.goto(f"{borough}/finder/?need={need}&age=15")
        assert _groups(page.page) == _expected_groups(borough, "15", need), need
        assert page.page.input_value("#finder-need") == need


@pytest.mark.parametrize("borough", BOROUGHS)
def test_a_need_no_service_here_serves_gives_the_front_door(page, borough):
    served = {tag for s in _listed(borough) for tag in s.get("tags", [])}
    unserved = [tag for tag in vocabulary.TAGS if tag not in served]
    if not unserved:
        pytest.skip(f"every need has a service in {borough}")
    door = _front_door(borough)
    for need in unserved:
        page.page.goto(f"{borough}/finder/?need={need}")
        assert _groups(page.page) == []
        assert _said(page.page) == [
            f"No service in this guide for {_in_a_sentence(vocabulary.label(need))} in "
            f"{_borough(borough)['name']}: call the front door on "
            f"{phones.national(door['phone'])}, {door['name']}."
        ]
        link = page.page.locator(f"#finder-none a[href='{phones.tel_uri(door['phone'])}']")
        assert link.inner_text() == phones.national(door["phone"])


def test_young_carers_in_blackpool_is_answered_not_silently_widened(page):
    """The case the issue names: Blackpool's guide has no young carers service."""
    if any("young-carers" in s.get("tags", []) for s in _listed("blackpool")):
        pytest.skip("Blackpool now has a young carers service")
    page.page.goto("blackpool/finder/?need=young-carers")
    assert _said(page.page)[0].startswith(
        "No service in this guide for young carers in Blackpool: call the front door on "
        "01253 477299"
    )
    assert page.page.locator(".finder-service:not([hidden])").count() == 0


@pytest.mark.parametrize("borough", BOROUGHS)
def test_an_unknown_need_or_level_in_a_link_is_said_and_the_form_shows_what_applies(page, borough):
    page.page.goto(f"{borough}/finder/?age=15&need=unicorns&level=7")
    fits, unstated = _expected(borough, "15")
    assert _said(page.page) == [
        "This link asks for a need the finder does not know: unicorns. Showing every need.",
        "This link asks for a level of need the finder does not know: 7. Showing every level.",
        _count_line(len(fits), len(unstated)),
    ]
    assert _form(page.page) == ("15", False, "", "")
    assert _groups(page.page) == _expected_groups(borough, "15")
    assert page.page.url.endswith("/finder/?age=15")
    # The next choice answers the form, and the link's message goes.
    page.page.select_option("#finder-level", "3")
    assert not any("This link" in line for line in _said(page.page))


@pytest.mark.parametrize("age", ["30", "25.5", "99"])
@pytest.mark.parametrize("borough", BOROUGHS)
def test_an_age_over_25_says_whom_the_guide_covers(page, borough, age):
    page.page.goto(f"{borough}/finder/?age={age}")
    door = _front_door(borough)
    assert _said(page.page) == [
        f"{COVERS}: none is for someone aged {age}. If you are worried about a child, call "
        f"the front door on {phones.national(door['phone'])}, {door['name']}."
    ]
    assert page.page.locator(".finder-service:not([hidden])").count() == 0
    assert page.page.locator(f"#finder-too-old a[href='{phones.tel_uri(door['phone'])}']").count()
    assert page.page.input_value("#finder-age") == age


@pytest.mark.parametrize("age", ["-3", "abc", "fifteen"])
def test_an_age_that_is_not_a_number_of_years_is_said_and_every_age_shown(page, age):
    borough = "blackburn-with-darwen"
    page.page.goto(f"{borough}/finder/?age={age}")
    assert _said(page.page)[0] == (
        f'The finder cannot use the age "{age}". {COVERS}. Showing every age.'
    )
    assert page.page.input_value("#finder-age") == ""
    assert _groups(page.page) == _expected_groups(borough)


def test_typing_a_negative_age_is_said_too(page):
    page.page.goto("blackpool/finder/")
    page.page.fill("#finder-age", "-1")
    assert _said(page.page)[0].startswith('The finder cannot use the age "-1".')


def test_finder_choices_go_into_the_address(page):
    borough = "blackburn-with-darwen"
    page.page.goto(f"{borough}/finder/")
    page.page.fill("#finder-age", "15")
    page.page.select_option("#finder-level", "3")
    page.page.select_option("#finder-need", "exploitation")
    page.page.wait_for_function("() => location.search === '?age=15&level=3&need=exploitation'")
    fits, unstated = _expected(borough, "15", "exploitation", "3")
    assert _said(page.page) == [_count_line(len(fits), len(unstated))]
    page.page.click("text=Clear")
    page.page.wait_for_function("() => !location.search")
    assert _said(page.page) == [_count_line(len(_listed(borough)), 0, filtered=False)]


def test_unborn_by_keyboard(page):
    borough = "blackpool"
    page.page.goto(f"{borough}/finder/")
    page.page.focus("#finder-age")
    page.page.keyboard.type("4")
    page.page.keyboard.press("Tab")
    page.page.keyboard.press("Space")
    # The address follows the choice as the page's script handles it: wait, not race.
    page.page.wait_for_function("() => location.search === '?age=unborn'")
    assert page.page.is_disabled("#finder-age")
    assert _groups(page.page) == _expected_groups(borough, "unborn")


def test_messages_are_in_a_live_region(page):
    page.page.goto("blackburn-with-darwen/finder/?need=unicorns")
    region = page.page.locator("#finder-status")
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    assert region.locator("#finder-unknown-need").is_visible()


@pytest.mark.parametrize("borough", BOROUGHS)
def test_readable_at_412_pixels(browser, site_server, borough):
    context = browser.new_context(
        base_url=f"http://{site_server}/", viewport={"width": 412, "height": 915}
    )
    phone = WatchedPage(context.new_page(), site_server)
    phone.page.goto(f"{borough}/finder/?age=15&need=unicorns&level=3")
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 412
    for field in ("#finder-age", "#finder-unborn", "#finder-level", "#finder-need"):
        box = phone.page.locator(field).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 412, field
    context.close()
    phone.assert_clean()


@pytest.mark.parametrize(
    "address", ["blackburn-with-darwen/finder/?age=15&need=unicorns",
                "blackpool/finder/?need=young-carers", "blackpool/finder/?age=30"],
)  # fmt: skip
def test_no_serious_accessibility_faults_with_groups_and_messages(page, address):
    page.page.goto(address, wait_until="networkidle")
    assert _axe(page) == []


@pytest.mark.parametrize("borough", BOROUGHS)
def test_finder_without_javascript_lists_every_service(browser, site_server, borough):
    context = browser.new_context(base_url=f"http://{site_server}/", java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{borough}/finder/?age=15&need=exploitation")
    listed = plain.eval_on_selector_all(".finder-service", "els => els.map(e => e.dataset.service)")
    open_now = [s for s in _listed(borough) if s.get("status") != "temporarily-closed"]
    assert listed == [s["id"] for s in open_now] + [
        s["id"] for s in _listed(borough) if s.get("status") == "temporarily-closed"
    ]
    assert plain.locator(".finder-service[hidden]").count() == 0
    assert not plain.locator("#finder-form").is_visible()
    assert plain.inner_text("#finder-count") == f"{len(listed)} services."
    context.close()


# A small project of our own, with every kind of service, for exact orders.

EXTRA_SERVICES = """
  - id: ns-outreach
    borough: northshire
    name: Outreach
    section: about
    summary: Street work with young people at risk of exploitation.
    ages: {min: 12, max: 18}
    levels: [2]
    tags: [exploitation]
    referral: {how: Phone the duty team.}
    source: test fixture
  - id: ns-missing
    borough: northshire
    name: Missing Team
    section: teams
    summary: Return home interviews.
    levels: [2, 3]
    tags: [missing-from-home, exploitation]
    referral: {how: Phone the duty team.}
    source: test fixture
  - id: ns-youth
    borough: northshire
    name: Youth Support
    section: teams
    summary: Targeted youth support.
    ages: {min: 8, max: 19}
    levels: [2, 3]
    tags: [youth-justice, exploitation]
    referral: {how: Phone the duty team.}
    source: test fixture
  - id: ns-pre-birth
    borough: northshire
    name: Pre-birth Team
    section: teams
    summary: Support in pregnancy.
    levels: [1, 2]
    tags: [pregnancy, parenting]
    referral: {how: Phone the duty team.}
    source: test fixture
  - id: ns-centres
    borough: northshire
    name: Children's Centres
    section: teams
    summary: Play and learning for young children.
    ages: {min: 0, max: 11}
    levels: [1, 2]
    tags: [early-years]
    referral: {how: Drop in.}
    source: test fixture
  - id: ns-drugs
    borough: northshire
    name: Drugs Service
    section: teams
    summary: Drug and alcohol support.
    ages: {max: 25}
    levels: [1, 2]
    tags: [substance-misuse]
    referral: {how: Self-referral.}
    source: test fixture
  - id: ns-closed
    borough: northshire
    name: Closed Project
    section: teams
    summary: Group work on exploitation.
    ages: {min: 10, max: 18}
    levels: [3]
    tags: [exploitation]
    status: temporarily-closed
    until: 2027-01-31
    alert: Refer to Engage meanwhile.
    referral: {how: Phone the duty team.}
    source: test fixture
  - id: ns-gone
    borough: northshire
    name: Gone Project
    section: teams
    summary: No longer runs.
    ages: {min: 10, max: 18}
    levels: [3]
    tags: [exploitation]
    status: inactive
    referral: {how: Phone the duty team.}
    source: test fixture
  - id: ns-leaving
    borough: northshire
    name: Leaving Care
    section: teams
    summary: Personal advisers.
    ages: {min: 15.75}
    levels: [4]
    tags: [care-leavers]
    referral: {how: Automatic.}
    source: test fixture
"""
# The guide's order (sections, then the data's order), the temporarily closed one last.
GUIDE_ORDER = ["ns-outreach", "ns-engage", "ns-family-time", "ns-missing", "ns-youth",
               "ns-pre-birth", "ns-centres", "ns-drugs", "ns-leaving", "ns-closed"]  # fmt: skip
NORTHSHIRE_DOOR = "call the front door on 01254 666400, Northshire Duty Team."


@pytest.fixture(scope="module")
def northshire(tmp_path_factory, browser):
    """The small project, built and served; yields a function that opens a finder address."""
    folder = tmp_path_factory.mktemp("finder")
    project = copy_project(folder / "project")
    project.append("data/services.yaml", EXTRA_SERVICES)
    out = folder / "site"
    assert main(["--root", str(project.root), "build", "--out", str(out), "--no-pdfs"]) == 0
    server = serve(out)
    origin = f"127.0.0.1:{server.server_address[1]}"
    contexts = []

    def open_finder(query: str = "", javascript: bool = True):
        context = browser.new_context(base_url=f"http://{origin}/", java_script_enabled=javascript)
        contexts.append(context)
        watched = WatchedPage(context.new_page(), origin)
        watched.page.goto(f"northshire/finder/{'?' + query if query else ''}")
        return watched

    yield open_finder
    for context in contexts:
        context.close()
    server.shutdown()


@pytest.mark.parametrize(
    "query, groups, count",
    [
        ("age=15&need=exploitation",
         [("For age 15", ["ns-outreach", "ns-engage", "ns-youth", "ns-closed"]),
          (UNSTATED, ["ns-missing"])],
         "4 services match, and 1 whose ages the guide does not state."),
        # The level ranks after the need: a main need not at level 3 before a secondary at it.
        ("age=15&need=exploitation&level=3",
         [("For age 15", ["ns-engage", "ns-outreach", "ns-youth", "ns-closed"]),
          (UNSTATED, ["ns-missing"])],
         "4 services match, and 1 whose ages the guide does not state."),
        ("age=4",
         [("For age 4", ["ns-family-time", "ns-centres", "ns-drugs"]),
          (UNSTATED, ["ns-missing", "ns-pre-birth"])],
         "3 services match, and 2 whose ages the guide does not state."),
        ("age=17",
         [("For age 17", ["ns-outreach", "ns-engage", "ns-family-time", "ns-youth", "ns-drugs",
                          "ns-leaving", "ns-closed"]),
          (UNSTATED, ["ns-missing", "ns-pre-birth"])],
         "7 services match, and 2 whose ages the guide does not state."),
        # Before birth: from 0 is for a born child; "up to 25" does not say where it starts.
        ("age=unborn",
         [("Pre-birth services", ["ns-family-time"]),
          (UNSTATED, ["ns-pre-birth", "ns-missing", "ns-drugs"])],
         "1 service matches, and 3 whose ages the guide does not state."),
        ("level=4",
         [("Services in Northshire", ["ns-engage", "ns-family-time", "ns-leaving", "ns-outreach",
                                      "ns-missing", "ns-youth", "ns-pre-birth", "ns-centres",
                                      "ns-drugs", "ns-closed"])],
         "10 services match."),
        ("", [("Services in Northshire", GUIDE_ORDER)], "10 services."),
    ],
)  # fmt: skip
def test_exact_order_for_a_shared_link(northshire, query, groups, count):
    finder = northshire(query)
    assert _groups(finder.page) == groups
    assert _said(finder.page) == [count]
    finder.assert_clean()


def test_unborn_group_note_says_before_birth(northshire):
    finder = northshire("age=unborn")
    assert finder.page.inner_text("#finder-unstated .finder-note") == (
        "The guide does not say whether these services work before birth: check with the "
        "service before you refer."
    )
    assert finder.page.is_disabled("#finder-age") and finder.page.is_checked("#finder-unborn")


def test_a_closed_service_is_labelled_and_an_inactive_one_never_listed(northshire):
    finder = northshire("age=15&need=exploitation")
    closed = finder.page.locator(".finder-service[data-service='ns-closed']")
    assert closed.get_attribute("data-status") == "temporarily-closed"
    assert closed.locator(".finder-closed").inner_text() == (
        "Temporarily closed until 31 January 2027. Refer to Engage meanwhile."
    )
    assert finder.page.locator("[data-service='ns-gone']").count() == 0
    assert "Gone Project" not in finder.page.content()


def test_unserved_need_and_need_not_at_this_age(northshire):
    finder = northshire("need=young-carers&age=12")
    assert _said(finder.page) == [
        f"No service in this guide for young carers in Northshire: {NORTHSHIRE_DOOR}"
    ]
    finder = northshire("need=youth-justice&age=3")
    assert _said(finder.page) == [
        f"No service in this guide for youth justice and offending at age 3 in Northshire: "
        f"{NORTHSHIRE_DOOR}"
    ]
    assert finder.page.locator("#finder-none a[href='tel:+441254666400']").count() == 1


def test_without_javascript_closed_last_and_nothing_hidden(northshire):
    finder = northshire("age=unborn&need=unicorns", javascript=False)
    listed = finder.page.eval_on_selector_all(
        ".finder-service", "els => els.map(e => e.dataset.service)"
    )
    assert listed == GUIDE_ORDER
    assert finder.page.locator(".finder-service[hidden]").count() == 0
    assert finder.page.inner_text("#finder-count") == "10 services."
    assert finder.page.locator("text=Temporarily closed until 31 January 2027").is_visible()


def test_every_need_is_offered_even_when_no_service_uses_it(project):
    dataset, problems = check(project.root)
    assert problems == []
    finder = render_for_build(dataset, "northshire").pages["finder.md"]
    for tag, (label, _) in vocabulary.TAGS.items():
        assert f'<option value="{tag}"' in finder and f">{label}</option>" in finder
