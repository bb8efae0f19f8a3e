"""Cached dashboard figures (core/figures.py): the pimpinan dashboard, the HR home's counts and
sistem merit are computed once and reused for FIGURES_CACHE_SECONDS by readers of the same
scope; the page says when they were computed, "Hitung ulang sekarang" recomputes them, and a
bulk write (import, predikat organisasi, year close) drops them."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import figures
from performance import services as performance_services
from positions.models import HRScope
from tests.factories import EmployeeFactory, UserFactory

URL = reverse("home:home")


@pytest.fixture(autouse=True)
def _five_minutes(settings) -> None:
    settings.FIGURES_CACHE_SECONDS = 300  # the default, whatever the environment says


def _get(client, url=URL, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response, len(queries)


def _employees(response) -> int:
    return response.context["pimpinan"]["totals"]["employees"]


def test_the_second_pimpinan_home_reads_the_dashboard_from_the_cache(client_as, pimpinan, world):
    client = client_as(pimpinan)
    first, computed = _get(client)
    second, cached = _get(client)
    assert _employees(second) == _employees(first) > 0
    # The dashboard's 15 aggregate queries are not run again: what is left is the session,
    # the user, the scopes and the announcements of every home page.
    assert cached <= computed - 15
    html = second.content.decode()
    assert re.search(r"Angka per pukul \d\d\.\d\d WIB", html)
    assert "setiap 5 menit" in html
    assert 'href="?segarkan=1#h-pimpinan">Hitung ulang sekarang</a>' in html


def test_cached_figures_wait_for_hitung_ulang_or_expiry(client_as, pimpinan, world):
    client = client_as(pimpinan)
    before = _employees(_get(client)[0])
    EmployeeFactory(unit=world.yankes)  # one more active employee in the province
    assert _employees(_get(client)[0]) == before  # reused, as the page's time stamp says
    refreshed, _ = _get(client, segarkan="1")
    assert _employees(refreshed) == before + 1
    assert _employees(_get(client)[0]) == before + 1  # the recomputed figures are kept


def test_readers_of_the_same_scope_share_the_entry_other_scopes_do_not(client_as, pimpinan, world):
    _get(client_as(pimpinan))  # the province's dashboard is now cached
    same = UserFactory(username="sekda_provinsi")
    HRScope.objects.create(user=same, unit=world.pemprov, role=HRScope.Role.PIMPINAN)
    _, shared = _get(client_as(same))
    dinkes_reader = UserFactory(username="kadis_baca")
    HRScope.objects.create(user=dinkes_reader, unit=world.dinkes, role=HRScope.Role.PIMPINAN)
    other, computed = _get(client_as(dinkes_reader))
    assert computed >= shared + 15  # Dinas Kesehatan's figures are its own, computed for it
    assert other.context["pimpinan"]["roots"] == [world.dinkes]


def test_a_bulk_write_drops_every_cached_figure(client_as, pimpinan, hr_admin, world, today):
    client = client_as(pimpinan)
    before = _employees(_get(client)[0])
    EmployeeFactory(unit=world.yankes)
    performance_services.set_org_predikat(
        world.pemprov, year=today.year, predikat="baik", user=hr_admin
    )
    assert _employees(_get(client)[0]) == before + 1


def test_the_hr_home_caches_its_counts_but_not_its_own_jobs(client_as, hr_dinkes, world):
    client = client_as(hr_dinkes)
    first, computed = _get(client)
    second, cached = _get(client)
    assert second.context["hr"].totals.employees == first.context["hr"].totals.employees
    # Units, staff, SKP and evaluations per unit and the JP compliance: 5 queries fewer; the
    # report jobs and import batches are read every time.
    assert cached == computed - 5
    assert second.context["hr"].as_of.cached
    assert 'href="?segarkan=1#hr-heading">Hitung ulang sekarang</a>' in second.content.decode()


def test_no_cache_when_figures_cache_seconds_is_zero(client_as, pimpinan, world, settings):
    settings.FIGURES_CACHE_SECONDS = 0
    client = client_as(pimpinan)
    before = _employees(_get(client)[0])
    EmployeeFactory(unit=world.yankes)
    response, _ = _get(client)
    assert _employees(response) == before + 1
    assert "Angka per pukul" not in response.content.decode()


def test_sistem_merit_is_cached_and_hitung_ulang_keeps_the_filter(client_as, hr_admin, world):
    client = client_as(hr_admin)
    url = reverse("talent:merit")
    params = {"unit": str(world.pemprov.pk), "tahun": "2026"}
    first, computed = _get(client, url, **params)
    second, cached = _get(client, url, **params)
    assert [(i.key, i.numerator, i.denominator) for i in second.context["indicators"]] == [
        (i.key, i.numerator, i.denominator) for i in first.context["indicators"]
    ]
    assert cached < computed
    html = second.content.decode()
    assert f'href="?unit={world.pemprov.pk}&amp;tahun=2026&amp;segarkan=1#merit-indikator"' in html


@pytest.mark.django_db
def test_an_entry_of_another_generation_is_never_read():
    calls = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert figures.cached("uji", ("a",), compute).value == 1
    assert figures.cached("uji", ("a",), compute).value == 1
    assert figures.cached("uji", ("b",), compute).value == 2
    figures.invalidate()
    assert figures.cached("uji", ("a",), compute).value == 3
