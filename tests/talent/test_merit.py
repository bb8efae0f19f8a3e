"""The sistem merit page (docs/domain.md §3.8): each indicator is computed from the data, says
its numerator and denominator, and links to the records that do not meet it yet."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from positions.models import WorkloadTask
from talent import merit
from talent.models import CriticalPost, Readiness, SuccessionCandidate, SuccessionPlan
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory, SKPFactory
from tests.talent.helpers import standard

pytestmark = pytest.mark.django_db


def _figure(html: str, key: str) -> str:
    card = html.split(f'data-testid="merit-{key}"', 1)[1].split('data-testid="merit-', 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", card).split())


def test_the_page_counts_each_indicator_from_the_data(client_as, hr_admin, world, today):
    # Standar kompetensi: 1 of the 5 world posts has one
    standard(world.perawat)
    # ABK: the perawat (JF) has a workload task, the Dishub pelaksana has none
    WorkloadTask.objects.create(
        position=world.perawat,
        description="Asuhan keperawatan",
        satuan_hasil="pasien",
        volume=10,
        norma_waktu=60,
    )
    # SKP: the perawat's approved SKP cascades from the kabid's and the kadis's (approved on
    # the way): 3 of the 5 active employees
    SKPFactory(employee=world.employee_emp, year=today.year, approved=True)
    # Suksesi: two critical posts, one with a successor ready now
    CriticalPost.objects.create(position=world.kabid, marked_by=hr_admin)
    CriticalPost.objects.create(position=world.kadis, marked_by=hr_admin)
    plan = SuccessionPlan.objects.create(position=world.kabid, version=1, approved_by=hr_admin)
    SuccessionCandidate.objects.create(
        plan=plan, employee=world.employee_emp, rank=1, kotak=9, readiness=Readiness.SEKARANG
    )

    client = client_as(hr_admin)
    html = client.get(f"/talenta/sistem-merit/?unit={world.pemprov.pk}").content.decode()
    assert "tidak</strong> menghitung indeks KASN" in html
    assert "1 dari 5 jabatan" in _figure(html, "standar-kompetensi")
    assert "20%" in _figure(html, "standar-kompetensi")
    assert "1 dari 2 jabatan" in _figure(html, "abk")
    assert "3 dari 5 pegawai" in _figure(html, "skp")
    assert "1 dari 2 jabatan" in _figure(html, "suksesi")
    assert "Yang menaikkan" in _figure(html, "suksesi")

    listing = client.get(
        f"/talenta/sistem-merit/daftar/?indikator=suksesi&unit={world.pemprov.pk}"
    ).content.decode()
    assert "Kepala Dinas Kesehatan" in listing and "Kepala Bidang Yankes" not in listing
    skp_list = client.get(
        f"/talenta/sistem-merit/daftar/?indikator=skp&unit={world.pemprov.pk}"
    ).content.decode()
    assert "Perawat Dua" in skp_list and "Perawat Satu" not in skp_list


def test_structural_placements_count_when_made_through_succession(world, hr_admin, today):
    post = PositionFactory(unit=world.dinkes, jenis="pengawas", kelas=9, name="Kasubbag Umum")
    plan = SuccessionPlan.objects.create(position=post, version=1, approved_by=hr_admin)
    successor = EmployeeFactory(unit=world.dinkes)
    SuccessionCandidate.objects.create(
        plan=plan, employee=successor, rank=1, kotak=8, readiness=Readiness.SEKARANG
    )
    # The list was approved a month before the TMT of the placement.
    SuccessionPlan.objects.filter(pk=plan.pk).update(
        approved_at=timezone.now() - dt.timedelta(days=40)
    )
    start = today - dt.timedelta(days=10)
    PlacementFactory(employee=successor, position=post, start_date=start)
    other = PositionFactory(unit=world.dinkes, jenis="pengawas", kelas=9, name="Kasubbag Lain")
    PlacementFactory(position=other, start_date=start)
    lacking = {p.position.name for p in merit.placements_without_merit(world.dinkes, today)}
    assert "Kasubbag Lain" in lacking and "Kasubbag Umum" not in lacking


def test_an_unknown_indicator_or_unit_is_404_and_a_pegawai_403(
    client_as, hr_dishub, employee, world
):
    client = client_as(hr_dishub)
    assert client.get("/talenta/sistem-merit/daftar/?indikator=nilai-kasn").status_code == 404
    assert client.get(f"/talenta/sistem-merit/?unit={world.dinkes.pk}").status_code == 404
    assert client_as(employee).get("/talenta/sistem-merit/").status_code == 403


def test_the_page_query_count_does_not_grow(
    client_as, hr_admin, world, django_assert_max_num_queries
):
    client = client_as(hr_admin)
    url = f"/talenta/sistem-merit/?unit={world.pemprov.pk}"
    client.get(url)
    with django_assert_max_num_queries(40) as first:
        client.get(url)
    for n in range(5):
        PlacementFactory(position=PositionFactory(unit=world.dishub, name=f"Staf {n}"))
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get(url).status_code == 200
