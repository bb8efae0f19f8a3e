"""Role-aware links (issue 14 item 8): no link is shown to a role that would get 403 or 404
behind it. For each actor of the authorization matrix (tests/test_authorization_matrix.py),
every page of the matrix that answers 200 is parsed; every `<a href>` to an internal URL is
then requested as that actor and must answer 2xx or 3xx.

Each distinct URL is requested once per actor. The world and the pages are the matrix's own,
so a new URL row or a new link in a template is covered without touching this file."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from tests import matrix_objects
from tests.matrix_objects import Objects
from tests.test_authorization_matrix import (
    ACTOR_FIXTURE,
    ACTORS,
    MATRIX,
    _send,
)

world_objects = matrix_objects.world_objects  # the fixture

# Links that leave the portal's pages on purpose, or are not pages.
SKIP_PREFIXES = ("/static/", "/media/", "/admin/")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def internal_links(page_url: str, html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        href = href.strip()
        if href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        absolute = urljoin(f"http://testserver{page_url}", href)
        parts = urlsplit(absolute)
        if parts.netloc != "testserver" or parts.scheme not in ("http", "https"):
            continue
        path = urldefrag(absolute)[0][len(f"{parts.scheme}://testserver") :]
        if path.startswith(SKIP_PREFIXES):
            continue
        found.append(path)
    return found


# Downloads (PDF, XLSX, ZIP) hold no links: their pages are not parsed, which keeps WeasyPrint
# out of the loop. A link *to* one is still requested.
NOT_HTML = (".pdf", ".xlsx", ".zip")
NOT_HTML_NAMES = ("download", "archive", "recap", "report_document", "export")


def _pages(actor: str, objects: Objects) -> list[str]:
    urls = []
    for row in MATRIX:
        if row.method != "GET" or row.expected[actor] != "200":
            continue
        if any(part in row.name for part in NOT_HTML_NAMES):
            continue
        kwargs = {} if row.obj == "-" else objects.kwargs(row.name, row.obj)
        url = reverse(row.name, kwargs=kwargs)
        if not url.endswith(NOT_HTML):
            urls.append(url)
    return urls


def _client(actor: str, request: pytest.FixtureRequest) -> Client:
    client = Client()
    if actor != "anonim":
        client.force_login(request.getfixturevalue(ACTOR_FIXTURE[actor]))
    client.raise_request_exception = False
    return client


def _forbidden_links(actor: str, client: Client, objects: Objects) -> list[str]:
    shown_on: dict[str, set[str]] = {}
    answers: dict[str, int] = {}  # a link to a page already requested is not requested again
    pages = _pages(actor, objects)
    assert pages, f"no 200 page for {actor}"
    for page in pages:
        response = _send(client, "GET", page)
        answers[page] = response.status_code
        if response.status_code != 200 or response.streaming:
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue
        for link in internal_links(page, response.content.decode()):
            shown_on.setdefault(link, set()).add(page)
    problems = []
    for link in sorted(shown_on):
        if link not in answers:
            answers[link] = _send(client, "GET", link).status_code
        status = answers[link]
        if not 200 <= status < 400:
            where = sorted(shown_on[link])
            more = f" and {len(where) - 3} more" if len(where) > 3 else ""
            problems.append(f"{link} answers {status} to {actor}, linked from {where[:3]}{more}")
    return problems


def test_every_link_on_a_200_page_is_allowed(
    world_objects: Objects,
    request: pytest.FixtureRequest,
) -> None:
    # One world for all actors (building it is most of the cost); each actor its own client.
    problems = []
    for actor in ACTORS:
        problems += _forbidden_links(actor, _client(actor, request), world_objects)
    assert not problems, f"{len(problems)} forbidden links:\n" + "\n".join(problems)


def test_the_link_finder_sees_relative_absolute_and_skips_foreign() -> None:
    html = (
        '<a href="/pegawai/1/">a</a><a href="ubah/#x">b</a><a href="#top">c</a>'
        '<a href="https://example.org/">d</a><a href="http://testserver/kinerja/?page=2">e</a>'
        '<a href="/static/x.css">f</a><a>g</a>'
    )
    assert internal_links("/jabatan/3/", html) == [
        "/pegawai/1/",
        "/jabatan/3/ubah/",
        "/kinerja/?page=2",
    ]
