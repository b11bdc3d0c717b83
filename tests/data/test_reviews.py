"""Review dates: when each entry is next due, warnings when overdue, and what the page shows."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handbook.cli import main
from handbook.data.model import Service
from handbook.data.reviews import add_months, is_overdue, next_review
from handbook.data.validate import check as validate
from handbook.site.render import render_for_build

from ..conftest import soup

SERVICES = "data/services.yaml"
ENGAGE_SOURCE = "      routes: [phone]\n    source: test fixture\n"


def today_is(monkeypatch, day: date) -> None:
    """Fix "today" as a reproducible build does."""
    moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


def reviewed(project, last: str, every: int = 6, extra: str = "") -> None:
    """Give ns-engage review dates."""
    project.replace(
        SERVICES,
        ENGAGE_SOURCE,
        f"{ENGAGE_SOURCE}    last_reviewed: {last}\n    review_every_months: {every}\n{extra}",
    )


def _service(**fields) -> Service:
    base = {"id": "x", "borough": "b", "name": "X", "section": "s", "summary": "S",
            "levels": [1], "referral": {"how": "Phone."}, "source": "test"}  # fmt: skip
    return Service.model_validate(base | fields)


@pytest.mark.parametrize(
    "fields, due",
    [
        ({"last_reviewed": "2026-01-15", "review_every_months": 6}, date(2026, 7, 15)),
        ({"last_reviewed": "2026-08-31", "review_every_months": 6}, date(2027, 2, 28)),
        ({"last_reviewed": "2026-01-15", "review_every_months": 6, "review_by": "2026-03-01"},
         date(2026, 3, 1)),
        ({"review_by": "2026-03-01"}, date(2026, 3, 1)),
        ({"last_reviewed": "2026-01-15"}, None),
        ({}, None),
    ],
)  # fmt: skip
def test_next_review(fields, due):
    assert next_review(_service(**fields)) == due


def test_overdue_only_after_the_due_day():
    entry = _service(review_by="2026-03-01")
    assert not is_overdue(entry, today=date(2026, 3, 1))
    assert is_overdue(entry, today=date(2026, 3, 2))


def test_add_months_keeps_the_day_or_the_months_last():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 23), 14) == date(2028, 1, 23)


def test_overdue_entry_is_a_warning_at_its_line(project, check, monkeypatch):
    reviewed(project, "2026-01-15")
    today_is(monkeypatch, date(2026, 8, 1))
    line = project.line_of(SERVICES, "last_reviewed: 2026-01-15")
    assert check(project) == (
        0,
        [f"{SERVICES}:{line}: warning: ns-engage: review overdue since 2026-07-15 "
         "(last reviewed 2026-01-15)"],
    )  # fmt: skip


def test_an_explicit_review_by_is_pointed_at(project, check, monkeypatch):
    reviewed(project, "2026-01-15", extra="    review_by: 2026-02-01\n")
    today_is(monkeypatch, date(2026, 3, 1))
    line = project.line_of(SERVICES, "review_by: 2026-02-01")
    assert check(project) == (
        0,
        [f"{SERVICES}:{line}: warning: ns-engage: review overdue since 2026-02-01 "
         "(last reviewed 2026-01-15)"],
    )  # fmt: skip


def test_entry_not_yet_due_gives_nothing(project, check, monkeypatch):
    reviewed(project, "2026-01-15")
    today_is(monkeypatch, date(2026, 7, 15))
    assert check(project) == (0, [])


def test_strict_makes_overdue_an_error(project, check, monkeypatch):
    reviewed(project, "2026-01-15")
    today_is(monkeypatch, date(2026, 8, 1))
    line = project.line_of(SERVICES, "last_reviewed")
    assert check(project, "--strict") == (
        1,
        [f"{SERVICES}:{line}: ns-engage: review overdue since 2026-07-15 "
         "(last reviewed 2026-01-15)"],
    )  # fmt: skip


def test_github_format_shows_overdue_as_a_warning(project, check, monkeypatch):
    reviewed(project, "2026-01-15")
    today_is(monkeypatch, date(2026, 8, 1))
    line = project.line_of(SERVICES, "last_reviewed")
    status, lines = check(project, "--format", "github")
    assert status == 0
    assert lines == [
        f"::warning file={SERVICES},line={line},col=5::ns-engage: review overdue since "
        "2026-07-15 (last reviewed 2026-01-15)"
    ]


def test_strict_build_builds_nothing(project, monkeypatch, capsys):
    reviewed(project, "2026-01-15")
    today_is(monkeypatch, date(2026, 8, 1))
    out = project.root / "site"
    assert main(["--root", str(project.root), "build", "--strict", "--out", str(out)]) == 1
    assert not out.exists()
    assert "ns-engage: review overdue since 2026-07-15" in capsys.readouterr().err


def test_review_command_lists_overdue_soon_and_undated(project, monkeypatch, capsys):
    reviewed(project, "2026-01-15")
    project.replace(
        "data/contacts.yaml",
        '    phone: "01254 666400"\n',
        '    phone: "01254 666400"\n    last_reviewed: 2026-02-10\n    review_every_months: 6\n',
    )
    today_is(monkeypatch, date(2026, 8, 1))
    assert main(["--root", str(project.root), "review"]) == 0
    lines = capsys.readouterr().out.splitlines()
    engage = project.line_of(SERVICES, "last_reviewed")
    duty = project.line_of("data/contacts.yaml", "last_reviewed")
    assert lines[:3] == [
        f"{SERVICES}:{engage}: ns-engage: review overdue since 2026-07-15 "
        "(last reviewed 2026-01-15)",
        f"data/contacts.yaml:{duty}: ns-duty: review due on 2026-08-10 (last reviewed 2026-02-10)",
        f"data/contacts.yaml:{project.line_of('data/contacts.yaml', 'id: shared-police')}: "
        "shared-police: no review date (add 'last_reviewed' and 'review_every_months', "
        "or 'review_by')",
    ]
    assert lines[-1] == "1 overdue, 1 due within 30 days, 3 with no review date (as of 2026-08-01)."


def test_service_page_shows_the_dates(project, monkeypatch):
    reviewed(project, "2026-01-15")
    today_is(monkeypatch, date(2026, 2, 1))
    page = _page(project)
    assert "Last reviewed on 15 January 2026, next review due 15 July 2026.</small>" in page
    assert "overdue for review" not in page


def test_overdue_service_page_has_a_banner(project, monkeypatch):
    reviewed(project, "2026-01-15")
    today_is(monkeypatch, date(2026, 8, 1))
    page = _page(project)
    assert '!!! warning "This entry is overdue for review"\n    It was due to be checked ' in page
    assert "by 15 July 2026." in page


def test_built_page_shows_the_banner_and_the_dates(project, monkeypatch):
    reviewed(project, "2026-01-15")
    today_is(monkeypatch, date(2026, 8, 1))
    monkeypatch.setenv("HANDBOOK_PDF", "0")  # the PDFs are not what this test is about
    out = project.root / "site"
    assert main(["--root", str(project.root), "build", "--out", str(out)]) == 0
    page = soup(out / "northshire" / "teams" / "ns-engage" / "index.html")
    banner = page.select_one(".admonition.warning")
    assert banner.select_one(".admonition-title").get_text() == "This entry is overdue for review"
    assert "15 July 2026" in banner.get_text()
    assert "next review due 15 July 2026." in page.select_one("small").get_text()


def _page(project) -> str:
    dataset, problems = validate(project.root)
    assert [p for p in problems if p.level == "error"] == []
    return render_for_build(dataset, "northshire").pages["teams/ns-engage.md"]


def test_review_lists_a_missing_out_of_hours_number_as_a_gap(project, monkeypatch, capsys):
    project.replace(
        "data/boroughs.yaml",
        "    out_of_hours: [ns-out-of-hours]\n",
        "    out_of_hours: []\n    out_of_hours_gap: The guide prints no out-of-hours number.\n",
    )
    today_is(monkeypatch, date(2026, 8, 1))
    assert main(["--root", str(project.root), "review"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = project.line_of("data/boroughs.yaml", "out_of_hours_gap")
    assert (
        f"data/boroughs.yaml:{line}: northshire: gap to fill before publishing: no out-of-hours "
        "number (add its contact to 'out_of_hours' when the council gives one). The guide prints "
        "no out-of-hours number."
    ) in lines
    assert lines[-1].endswith("(as of 2026-08-01). 1 gap(s) to fill before publishing.")


def test_the_gap_closes_when_the_number_is_added(project, monkeypatch, capsys):
    # The minimal project has its out-of-hours number: no gap, and no word of one.
    today_is(monkeypatch, date(2026, 8, 1))
    assert main(["--root", str(project.root), "review"]) == 0
    output = capsys.readouterr().out
    assert "gap" not in output


def test_review_lists_a_borough_with_no_licence_for_its_open_data(project, monkeypatch, capsys):
    project.replace(
        "data/boroughs.yaml",
        "    open_data_licence:\n      name: Open Government Licence v3.0\n"
        "      url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\n",
        "",
    )
    today_is(monkeypatch, date(2026, 8, 1))
    assert main(["--root", str(project.root), "review"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = project.line_of("data/boroughs.yaml", "- id: northshire")
    assert [line for line in lines if "gap" in line] == [
        f"data/boroughs.yaml:{line}: northshire: gap to fill before publishing: no licence for "
        "its open data (add 'open_data_licence' with the licence's name and url when the "
        "council has chosen one; until then the open data says the licence is not yet stated).",
        lines[-1],
    ]
    assert lines[-1].endswith("(as of 2026-08-01). 1 gap(s) to fill before publishing.")
