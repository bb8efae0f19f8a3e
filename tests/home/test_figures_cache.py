"""Cached dashboard figures (core/figures.py): the pimpinan dashboard, the HR home's counts and
sistem merit are computed once and reused for FIGURES_CACHE_SECONDS by readers of the same
scope; the page says when they were computed, "Hitung ulang sekarang" recomputes them, and a
bulk write (import, predikat organisasi, year close) drops them."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import figures
from performance import services as performance_services
from performance.models import ReportJob
from positions.models import HRScope, ImportBatch
from tests.factories import EmployeeFactory, UserFactory
from tests.positions.import_rows import placed, xlsx

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


def test_the_closed_year_and_a_committed_import_drop_every_cached_figure(
    client_as, pimpinan, hr_admin, hr_dishub, world, today, django_capture_on_commit_callbacks
):
    client = client_as(pimpinan)
    before = _employees(_get(client)[0])
    EmployeeFactory(unit=world.yankes)
    performance_services.set_org_predikat(
        world.pemprov, year=today.year, predikat="baik", user=hr_admin
    )
    _get(client)  # computed again and cached: one more employee
    EmployeeFactory(unit=world.yankes)
    with django_capture_on_commit_callbacks(execute=True):
        performance_services.close_year(world.pemprov, year=today.year, user=hr_admin)
    assert _employees(_get(client)[0]) == before + 2

    # HR of Dinas Perhubungan imports one more pegawai: upload, preview, commit.
    hr = Client()  # client_as would log the pimpinan's client out
    hr.force_login(hr_dishub)
    upload = xlsx([placed(8, world.staf_dishub)])
    assert hr.post(reverse("positions:import_upload"), {"file": upload}).status_code == 302
    batch = ImportBatch.objects.latest("pk")
    with django_capture_on_commit_callbacks(execute=True):
        hr.post(reverse("positions:import_commit", args=[batch.pk]))
    assert _employees(_get(client)[0]) == before + 3


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
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.UNIT, unit=world.dinkes, year=2025, requested_by=hr_dinkes
    )
    third, _ = _get(client)
    assert job in third.context["hr"].jobs  # the user's own jobs are live


def test_hr_users_of_other_roots_get_their_own_counts(client_as, hr_dinkes, hr_admin, world):
    dinkes, _ = _get(client_as(hr_dinkes))
    province, computed = _get(client_as(hr_admin))
    assert [r.path for r in province.context["hr"].roots] == [world.pemprov.path]
    assert province.context["hr"].totals.employees > dinkes.context["hr"].totals.employees
    assert computed >= 14  # computed for the province, not read from Dinas Kesehatan's entry


def test_a_cache_outage_costs_speed_not_pages_or_writes(
    client_as, pimpinan, hr_admin, world, today, settings
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    client = client_as(pimpinan)
    before = _employees(_get(client)[0])
    EmployeeFactory(unit=world.yankes)  # a write: the candidate cache version cannot move
    performance_services.set_org_predikat(
        world.pemprov, year=today.year, predikat="baik", user=hr_admin
    )
    assert _employees(_get(client)[0]) == before + 1  # computed, as nothing could be cached
    merit = client_as(hr_admin).get(reverse("talent:merit"), {"unit": world.pemprov.pk})
    assert merit.status_code == 200


def test_the_page_states_the_longest_age_rounded_up():
    now = timezone.now()
    assert figures.Figures(0, now, 150).minutes == 3
    assert figures.Figures(0, now, 300).minutes == 5
    assert figures.Figures(0, now, 20).minutes == 1


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
