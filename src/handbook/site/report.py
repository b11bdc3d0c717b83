"""'Report a problem with this page': where a reader's report goes, worked out from the data.

Every page ends with the link. It is a plain link, so it works without JavaScript:

- when the data names the guide's `repository`, it opens a new issue there, its title and
  text filled in (GitHub's `issues/new?title=...&body=...`); when a content owner is named
  too, an email to them is offered beside it, for readers with no GitHub account;
- otherwise, when a content owner is named (the service's `content_owner`, else the
  borough's), it is an email to them with the subject and text filled in (`mailto:`);
- when neither is named, it leads to Who to call, whose "Report a problem with this guide"
  says that no address is set yet and whom to tell meanwhile; the page then shows what to
  quote (its address, the service's id, the version), since nothing can be filled in.

The text always names the page's address, the service's id (on a service page) and the
version, so that the person who fixes it finds the entry.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from ..data.addresses import GENERATED, shown_address
from ..data.model import Borough, Service
from ..editions.edition import Edition

ANCHOR = "report-a-problem"
LINK_TEXT = "Report a problem with this page"
NEWLINE = "\n"


@dataclass(frozen=True)
class Report:
    """What a page's report link says and where it leads."""

    href: str  # a mailto:, a new-issue address, or the link to Who to call's note
    kind: str  # "email", "issue" or "note"
    page: str  # the page's address, as the report names it
    service_id: str | None
    version: str
    email_href: str | None = None  # beside an issue link: the same report by email

    @property
    def details(self) -> str:
        """What to quote when nothing can be filled in."""
        service = f", service {self.service_id}" if self.service_id else ""
        return f"page {self.page}{service}, {self.version}"


def page_address(site_url: str | None, borough_id: str, md_path: str) -> str:
    """The page's address: in full where the data says where the sites are published."""
    shown = shown_address(md_path).lstrip("/")
    return f"{site_url}{borough_id}/{shown}" if site_url else f"{borough_id}/{shown}"


def report(
    *,
    md_path: str,
    title: str,
    borough: Borough,
    edition: Edition,
    site_url: str | None,
    repository: str | None,
    service: Service | None = None,
) -> Report:
    address = page_address(site_url, borough.id, md_path)
    version = f"{edition.label}, data last changed {edition.as_dict()['data_changed']}"
    subject = f"Problem with the page '{title}' ({borough.name})"
    lines = [f"Page: {address}"]
    if service is not None:
        lines.append(f"Service id: {service.id}")
    lines += [f"Version: {version}", "", "What is wrong, and what it should say:", ""]
    owner = (service.content_owner if service else None) or borough.content_owner
    email = _mailto(owner, subject, lines) if owner else None
    service_id = service.id if service else None
    if repository:
        issue = (
            f"{repository.removesuffix('.git')}/issues/new?title={_quoted(subject)}"
            f"&body={_quoted(NEWLINE.join(lines))}"
        )
        return Report(issue, "issue", address, service_id, version, email_href=email)
    if email:
        return Report(email, "email", address, service_id, version)
    here = posixpath.dirname(md_path) or "."
    note = posixpath.relpath(GENERATED["contacts"], here) + f"#{ANCHOR}"
    return Report(note, "note", address, service_id, version)


def _mailto(owner: str, subject: str, lines: list[str]) -> str:
    # RFC 6068: line breaks in a mailto body are CRLF, every reserved character escaped.
    body = "\r\n".join(lines)
    return f"mailto:{owner}?subject={_quoted(subject)}&body={_quoted(body)}"


def _quoted(text: str) -> str:
    return quote(text, safe="")
