"""Request middleware shared by every app."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.urls import reverse

log = logging.getLogger(__name__)

# What the 503 page and its Retry-After header tell the browser: a restart of the database
# server takes this order of time.
RETRY_AFTER_SECONDS = 30
CONNECTION_ERRORS = (OperationalError, InterfaceError)


def database_unavailable_response() -> HttpResponse:
    """The 503 page. A plain template with a plain context: context processors and the
    session would need the very database that is down."""
    body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def database_is_down() -> bool:
    """True when the default database cannot be reached now (not merely a failed query:
    a lock timeout or a constraint is an ordinary error of that request)."""
    try:
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except CONNECTION_ERRORS:
        return True
    return not connection.is_usable()


@cache
def _own_status_paths() -> tuple[str, ...]:
    # /healthz answers for itself, in JSON, naming the service that is down.
    return (reverse("healthz"),)


class DatabaseUnavailableMiddleware:
    """While the database is unreachable, every page answers a clear 503 page (with
    Retry-After) instead of a 500, and a request that lost the database half-way does too;
    its transaction has been rolled back, so nothing is left half-written. When the server
    is back the next request reconnects by itself (CONN_HEALTH_CHECKS)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info not in _own_status_paths():
            try:
                connection.close_if_health_check_failed()
                connection.ensure_connection()
            except CONNECTION_ERRORS as exc:
                log.warning("database unavailable, answering 503: %s", exc)
                return database_unavailable_response()
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, CONNECTION_ERRORS) and database_is_down():
            log.warning("database lost during %s %s: %s", request.method, request.path, exception)
            return database_unavailable_response()
        return None
