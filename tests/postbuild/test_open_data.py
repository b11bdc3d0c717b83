"""Each borough's open data: a static Open Referral UK read API that validates against HSDS 3.0
and the UK profile (Draft 7, formats checked), complete, stable, and honest about its licence
and each service's status."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator, FormatChecker

from handbook.data import phones

from ..conftest import CLOSED_ALERT, REPO, borough_ids, soup

ORUK = REPO.parent / "shared" / "oruk"
if not ORUK.is_dir():  # a worktree of the project, beside the shared folder
    ORUK = Path("/work/shared/oruk")
NAMESPACE = uuid.UUID("8f0a6c1e-3b7d-5e2a-9c4f-6d1b2a7e9f30")
SERVICE_SCHEMAS = ("service.json", "hsds-3-core/service.json")
LIST_SCHEMAS = ("service_list.json", "hsds-3-core/service_list.json")


def _validator(name: str) -> Draft7Validator:
    schema = json.loads((ORUK / name).read_text(encoding="utf-8"))
    # Every format, uuid included (Draft 7 itself names no uuid format).
    return Draft7Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def validators() -> dict[str, Draft7Validator]:
    if not ORUK.is_dir():
        pytest.fail(f"the Open Referral schemas are missing: {ORUK}")
    return {name: _validator(name) for name in SERVICE_SCHEMAS + LIST_SCHEMAS}


def _faults(validator: Draft7Validator, value: dict) -> list[str]:
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(value)]


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _data(name: str) -> list[dict]:
    loaded = yaml.safe_load((REPO / "data" / name).read_text(encoding="utf-8"))
    return loaded[name.removesuffix(".yaml")]  # boroughs.yaml: its boroughs


@pytest.mark.parametrize("borough", borough_ids())
def test_every_service_and_the_list_validate_against_both_schemas(real_site, borough, validators):
    folder = real_site / borough / "open-data"
    page = _read(folder / "services.json")
    files = sorted((folder / "services").glob("*.json"))
    assert page["total_items"] == page["size"] == len(page["contents"]) == len(files) > 10
    for path in files:
        for name in SERVICE_SCHEMAS:
            assert _faults(validators[name], _read(path)) == [], (path.name, name)
    for item in page["contents"]:
        for name in LIST_SCHEMAS:
            assert _faults(validators[name], item) == [], (item["name"], name)


def test_the_formats_are_checked(validators):
    bad = {"id": "bwd-engage", "name": "Engage", "status": "active", "url": "not a uri"}
    faults = _faults(validators["hsds-3-core/service.json"], bad)
    assert any("is not a 'uuid'" in f for f in faults) and any("'uri'" in f for f in faults)


STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "inactive": "inactive"}


def _uuid(kind: str, our_id: str) -> str:
    """The UUID the open data promises for one of our ids, from its documented namespace."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{our_id}"))


@pytest.mark.parametrize("borough", borough_ids())
def test_the_open_data_is_complete(real_site, borough):
    folder = real_site / borough / "open-data"
    contacts = {c["id"]: c for c in _data("contacts.yaml")}
    area = next(b for b in _data("boroughs.yaml") if b["id"] == borough)
    mine = [s for s in _data("services.yaml") if s["borough"] == borough]
    listed = {item["id"]: item for item in _read(folder / "services.json")["contents"]}
    assert sorted(listed) == sorted(_uuid("service", s["id"]) for s in mine)
    for service in mine:
        record = _read(folder / "services" / f"{_uuid('service', service['id'])}.json")
        assert listed[record["id"]] == {
            k: v for k, v in record.items() if k in listed[record["id"]]
        }
        assert record["name"] == service["name"]
        assert record["status"] == STATUS[service.get("status", "active")]
        assert record["organization"]["name"] == area["council"]
        assert (
            record["organization_id"]
            == record["organization"]["id"]
            == _uuid("organization", borough)
        )
        assert [a["name"] for a in record["service_areas"]] == [area["name"]]
        ages = service.get("ages") or {}
        assert record.get("minimum_age") == (0 if ages.get("min") == "unborn" else ages.get("min"))
        assert record.get("maximum_age") == ages.get("max")
        if service.get("last_reviewed"):
            assert record["assured_date"] == str(service["last_reviewed"])
            assert record["last_modified"] == f"{service['last_reviewed']}T00:00:00Z"
        own = [contacts[c] for c in service.get("contacts", [])]
        assert [c["name"] for c in record.get("contacts", [])] == [c["name"] for c in own]
        assert sorted(p["number"] for p in record.get("phones", [])) == sorted(
            phones.national(c["phone"]) for c in own if c.get("phone")
        )
        emails = [c["email"] for c in own if c.get("email")]
        websites = [c["website"] for c in own if c.get("website")]
        assert record.get("email") == (emails[0] if emails else None)
        assert record.get("url") == (websites[0] if websites else None)
        assert record["description"].startswith(" ".join(service["summary"].split()[:3]))
        assert "Levels of need" in record["eligibility_description"]
        assert record["application_process"]


@pytest.mark.parametrize("borough", borough_ids())
def test_the_api_root_and_every_footer_say_the_licence_is_not_yet_stated(real_site, borough):
    root = _read(real_site / borough / "open-data" / "index.json")
    assert root["version"] == "3.0" and root["services"] == "services.json"
    assert root["license_stated"] is False and "not yet stated" in root["license"]["note"]
    for page in (real_site / borough).rglob("index.html"):
        if "assets" in page.parts:
            continue
        footer = soup(page).select_one(".handbook-open-data")
        link = footer.select_one("a")
        assert link.get_text() == "Open data", page
        target = (page.parent / link["href"]).resolve()
        assert target == (real_site / borough / "open-data").resolve(), page
        assert "Licence: not yet stated by the council." in " ".join(footer.get_text().split())


def test_a_closed_service_says_so_with_its_alert_and_a_stated_licence_is_named(closures_site):
    folder = closures_site / "open-data"
    engage = _read(folder / "services" / f"{_uuid('service', 'ns-engage')}.json")
    assert engage["status"] == "temporarily closed"
    assert engage["alert"] == f"{CLOSED_ALERT} Expected to reopen on 31 January 2099."
    old = _read(folder / "services" / f"{_uuid('service', 'ns-old-service')}.json")
    assert old["status"] == "inactive"
    assert engage["phones"][0]["extension"] == 21
    root = _read(folder / "index.json")
    assert root["license"] == {
        "name": "Open Government Licence v3.0",
        "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    }
    footer = soup(closures_site / "index.html").select_one(".handbook-open-data")
    assert footer.select_one('a[href*="open-government-licence"]').get_text() == (
        "Open Government Licence v3.0"
    )
    page = " ".join(soup(folder / "index.html").select_one("article").get_text().split())
    assert "Northshire Council publishes this data under the Open Government Licence v3.0" in page


def test_ids_hang_on_a_fixed_namespace_and_the_list_keeps_the_guides_order(closures_site):
    from handbook.site.open_data import NAMESPACE as published

    assert published == NAMESPACE  # the namespace never changes: every published id hangs on it
    listed = _read(closures_site / "open-data" / "services.json")["contents"]
    assert [item["name"] for item in listed] == ["Engage", "Family Time", "Old Drop-in"]


def test_a_licence_address_that_is_not_https_is_refused_at_its_line(project, check):
    project.replace("data/boroughs.yaml", "url: https://www.", "url: http://www.")
    line = project.line_of("data/boroughs.yaml", "url: http://www.")
    assert check(project) == (
        1,
        [f"data/boroughs.yaml:{line}: northshire: 'url' must be a web address starting with "
         "https:// (got 'http://www.nationalarchives.gov.uk/doc/open-government-licence/"
         "version/3/'); websites must be https, so that no one can change the page on its way"],
    )  # fmt: skip


def _texts(value) -> list[str]:
    """Every string in a loaded YAML file, however deep."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


TRICKY = [
    "Plain prose.\n\nA second paragraph,\nwrapped.",
    "Ends with a hard break  \nand goes on.",
    "- a list\n- of two",
    "1. first\n2. second",
    "2026. A year at the start of a line.",
    "Call 01254 666400 (option 2): then wait.",
    "Term\n: its definition",
    "> a quote",
    "    indented code",
    "Under a heading\n===",
    "Fish & chips",
    "A *stressed* word, a [link](https://example.org) and `code`.",
    "Tabs\tinside",
    "Non\u00a0breaking\u2003spaces",
]


def _as_the_page_reads(markdown: str) -> str:
    """The text a reader sees of the Markdown: its HTML's words through BeautifulSoup, each
    block on a line of its own, a heading's ¶ link left out."""
    from bs4 import BeautifulSoup

    from handbook.data import sanitize
    from handbook.site.open_data import BLOCKS

    page = BeautifulSoup(sanitize.to_html(markdown, REPO), "html.parser")
    for anchor in page.select("a.headerlink"):
        anchor.decompose()
    for block in page.find_all(BLOCKS):
        block.append("\n")
    lines = (" ".join(line.split()) for line in page.get_text().splitlines())
    return "\n".join(line for line in lines if line)


def test_the_open_data_text_is_what_the_page_says(tmp_path):
    # The open data reads mark-free prose as it is and other text from its HTML's parser
    # events, both quicker than a document tree: the same text, for every text in the real
    # and the synthetic data and in lines that look like Markdown but are not.
    from bench import synthetic
    from handbook.site.open_data import MARKS, plain_text

    real = [t for name in ("services.yaml", "contacts.yaml") for t in _texts(_data(name))]
    made = synthetic.generate(tmp_path / "synthetic", 30) / "data" / "services.yaml"
    texts = real + TRICKY + _texts(yaml.safe_load(made.read_text(encoding="utf-8")))
    texts += ["## A heading\n\nIts text.", "- one\n    - nested *two*\n\n1. [a](https://x.org)"]
    for text in texts:
        assert plain_text(text, REPO) == _as_the_page_reads(text), text
    marked = sum(bool(MARKS.search(t)) for t in texts)
    assert 0 < marked < len(texts)  # both ways are taken
