"""Rate limits (core/ratelimit.py): the public verification page answers 429 after N requests
a minute from one IP, with an Indonesian page and Retry-After, and the limit resets when the
window ends. Expensive endpoints are limited per logged-in user, and only their POSTs count."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from core import ratelimit

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LIMITS = {"verify": (5, 60), "report_start": (2, 60), "import": (3, 60)}


@pytest.fixture
def limits_on(monkeypatch: pytest.MonkeyPatch):
    """Limits switched on with a private cache and a clock the test moves by hand."""
    clock = {"t": 1_800_000_000.0}  # the start of a 60-second window
    monkeypatch.setattr(ratelimit, "now", lambda: clock["t"])
    with override_settings(RATELIMIT_ENABLED=True, RATE_LIMITS=LIMITS, CACHES=LOCMEM):
        from django.core.cache import cache

        cache.clear()
        yield clock
        cache.clear()


def test_verification_page_answers_429_after_n_requests_and_resets(db, limits_on) -> None:
    client = Client(REMOTE_ADDR="203.0.113.7")
    url = reverse("verify_code", args=["ABCD-EFGH-JKMN"])
    statuses = [client.get(url).status_code for _ in range(5)]
    assert 429 not in statuses  # unknown code: 404, but answered
    limits_on["t"] += 20
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "40"
    assert "Terlalu banyak permintaan. Coba lagi dalam 40 detik." in refused.content.decode()
    # Other guesses through the form entry point share the same budget.
    assert client.get(reverse("verify"), {"kode": "x"}).status_code == 429
    # Another address is not affected.
    assert Client(REMOTE_ADDR="203.0.113.8").get(url).status_code != 429
    # The next window starts afresh.
    limits_on["t"] += 41
    assert client.get(url).status_code == 404


def test_forwarded_for_is_ignored_unless_proxies_are_trusted(db, limits_on) -> None:
    url = reverse("verify")
    for i in range(5):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").get(url)
    # Direct exposure: a forged X-Forwarded-For does not buy a fresh budget.
    forged = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert forged.get(url).status_code == 429
    with override_settings(TRUSTED_PROXY_COUNT=1):
        # Behind one proxy, the client is the address the proxy appended.
        assert forged.get(url).status_code == 200


def test_report_start_is_limited_per_user(limits_on, client_as, employee, world) -> None:
    client = client_as(employee)
    url = reverse("performance:report_employee_start", args=[world.employee_emp.pk])
    first = [client.post(url).status_code for _ in range(2)]
    assert 429 not in first
    assert client.post(url).status_code == 429
    # GET pages of the same user stay reachable.
    assert client.get(reverse("performance:report_jobs")).status_code == 200


@pytest.mark.parametrize(
    "name",
    ["positions:import_upload", "training:assessment_import", "performance:history_import"],
)
def test_every_import_counts_only_uploads(name, limits_on, client_as, hr_admin) -> None:
    client = client_as(hr_admin)
    url = reverse(name)
    for _ in range(5):
        assert client.get(url).status_code == 200
    posts = [client.post(url, {}).status_code for _ in range(4)]
    assert posts[:3] == [200, 200, 200]  # the form answers with its errors
    assert posts[3] == 429
    assert client.get(url).status_code == 200


def test_a_cache_outage_fails_open(db, limits_on, monkeypatch) -> None:
    class Down:
        def __getattr__(self, name):
            raise ConnectionError("redis restarting")

    monkeypatch.setattr(ratelimit, "cache", Down())
    client = Client(REMOTE_ADDR="203.0.113.9")
    statuses = {client.get(reverse("verify")).status_code for _ in range(8)}
    assert statuses == {200}


def test_the_counter_works_on_redis(db, redis_url, monkeypatch) -> None:
    """Production shares the counters between web processes through Redis."""
    import uuid

    clock = {"t": 1_800_000_000.0}
    monkeypatch.setattr(ratelimit, "now", lambda: clock["t"])
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"test-rl-{uuid.uuid4().hex}",  # never meets another run's keys
        }
    }
    with override_settings(RATELIMIT_ENABLED=True, RATE_LIMITS=LIMITS, CACHES=redis_cache):
        client = Client(REMOTE_ADDR="203.0.113.10")
        url = reverse("verify")
        assert [client.get(url).status_code for _ in range(5)] == [200] * 5
        assert client.get(url).status_code == 429
        clock["t"] += 60
        assert client.get(url).status_code == 200
