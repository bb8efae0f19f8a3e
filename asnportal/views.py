import sys

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.middleware import CONNECTION_ERRORS, database_unavailable_response

from .celery import app as celery_app


def _database_ok() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means unhealthy; report it, don't crash
        return False, type(exc).__name__
    return True, connection.vendor


def _broker_ok() -> tuple[bool, str]:
    if celery_app.conf.task_always_eager:
        return True, "eager (tanpa broker)"
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return False, type(exc).__name__
    return True, "redis"


# Which service is down, for the operator reading the probe (or a load balancer's log).
HEALTH_MESSAGES = {
    "database": "Basis data (PostgreSQL) tidak dapat dihubungi.",
    "broker": "Antrean tugas (Redis) tidak dapat dihubungi: laporan dan tugas latar tertunda.",
}


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    db_ok, db_detail = _database_ok()
    broker_ok, broker_detail = _broker_ok()
    healthy = db_ok and broker_ok
    down = [name for name, ok in (("database", db_ok), ("broker", broker_ok)) if not ok]
    body = {
        "status": "ok" if healthy else "error",
        "down": down,
        "message": " ".join(HEALTH_MESSAGES[name] for name in down) or "Semua layanan berjalan.",
        "database": {"ok": db_ok, "detail": db_detail},
        "broker": {"ok": broker_ok, "detail": broker_detail},
    }
    response = JsonResponse(body, status=200 if healthy else 503)
    if not healthy:
        response["Retry-After"] = "30"
    return response


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that could fail again: plain template, plain context.
    from django.template import loader

    # The database went away where core.middleware cannot catch it (a middleware loading the
    # session or the user): the same 503 page, not a 500.
    if isinstance(sys.exc_info()[1], CONNECTION_ERRORS):
        return database_unavailable_response()
    return HttpResponse(loader.get_template("500.html").render({}), status=500)
