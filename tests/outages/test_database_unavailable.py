"""The 503 page and /healthz when the database is unreachable, without stopping a server (the
real outage is tests/outages/test_postgres_outage.py): fast checks of each path."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory

from asnportal import views
from core import middleware

DB_DOWN_TEXT = "Layanan basis data sedang tidak tersedia"


def refuse(*args, **kwargs):
    raise OperationalError('connection to server at "127.0.0.1" failed: Connection refused')


def assert_503_page(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert DB_DOWN_TEXT in response.content.decode()


def test_every_page_answers_503_while_the_database_is_unreachable(client, db, monkeypatch):
    responses = []
    # Undone inside the test: the test database's own rollback needs the connection back.
    with monkeypatch.context() as patch:
        patch.setattr(connection, "ensure_connection", refuse)
        for path in ["/", "/masuk/", "/kinerja/laporan/", "/verifikasi/"]:
            responses.append(client.get(path))
    for response in responses:
        assert_503_page(response)
        # Still inside the security and CSP middleware: their headers are on the page.
        assert "Content-Security-Policy" in response
        assert response["X-Content-Type-Options"] == "nosniff"


def test_a_database_lost_inside_a_view_answers_503(monkeypatch):
    monkeypatch.setattr(middleware, "database_is_down", lambda: True)
    handler = middleware.DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().post("/impor/1/simpan/")
    assert_503_page(handler.process_exception(request, OperationalError("terminating connection")))


def test_an_ordinary_database_error_stays_a_500(monkeypatch):
    # A lock timeout with the server up is a fault of that request, not an outage.
    monkeypatch.setattr(middleware, "database_is_down", lambda: False)
    handler = middleware.DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    assert handler.process_exception(request, OperationalError("lock timeout")) is None


@pytest.mark.parametrize("error", [OperationalError("gone"), ValueError("bug")])
def test_the_500_handler_turns_only_a_lost_database_into_503(error):
    request = RequestFactory().get("/")
    try:
        raise error
    except Exception:
        response = views.server_error(request)
    if isinstance(error, OperationalError):
        assert_503_page(response)
    else:
        assert response.status_code == 500


def test_healthz_names_the_database_when_it_is_down(client, db, monkeypatch):
    monkeypatch.setattr(views, "_database_ok", lambda: (False, "OperationalError"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    data = response.json()
    assert data["down"] == ["database"]
    assert data["message"] == "Basis data (PostgreSQL) tidak dapat dihubungi."


def test_healthz_says_all_is_well_when_it_is(client, db):
    data = client.get("/healthz").json()
    assert data["down"] == [] and data["message"] == "Semua layanan berjalan."
