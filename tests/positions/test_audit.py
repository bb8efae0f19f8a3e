"""Jejak audit: who changed what and when, scoped like the register, with a flat query budget."""

import datetime as dt

import pytest
from django.apps import apps
from django.urls import reverse

from asnportal.models import User
from performance import services as performance_services
from performance.models import Evaluation
from positions.audit import SOURCES
from positions.models import HRScope
from tests.factories import (
    EmployeeFactory,
    EvaluationFactory,
    PlacementFactory,
    PositionFactory,
    SKPFactory,
)
from training.models import Participation, TrainingEvent, TrainingProgram

URL = reverse("positions:audit")


def _rows(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.context["rows"]


def _labels(rows) -> str:
    return "\n".join(row.object_label for row in rows)


@pytest.fixture
def named_hr(hr_dinkes):
    hr_dinkes.first_name, hr_dinkes.last_name = "Rina", "Wulandari"
    hr_dinkes.save(update_fields=["first_name", "last_name"])
    return hr_dinkes


def test_placement_made_in_the_placement_view_shows_the_hr_officer(client_as, named_hr, world):
    seat = PositionFactory(unit=world.yankes, name="Perawat Penyelia", parent=world.kabid)
    client = client_as(named_hr)
    response = client.post(
        reverse("positions:placement_create", args=[world.colleague_emp.pk]),
        {
            "position": seat.pk,
            "kind": "definitif",
            "start_date": "2026-03-01",
            "sk_number": "800.1.3/123/VI.04/2026",
            "sk_date": "2026-02-20",
        },
    )
    assert response.status_code == 302

    rows = _rows(client, jenis="penempatan")
    created = next(r for r in rows if r.change == "dibuat" and "Perawat Penyelia" in r.object_label)
    assert created.user == "Rina Wulandari"
    assert created.kind == "Penempatan"
    assert "Perawat Dua" in created.object_label
    assert created.url == reverse("positions:employee_detail", args=[world.colleague_emp.pk])
    # The previous definitive placement was closed by the same request: what changed is named.
    closed = next(r for r in rows if r.change == "diubah")
    assert closed.user == "Rina Wulandari"
    assert "tanggal berakhir" in closed.changed_fields
    assert "nomor SK" not in closed.changed_fields
    body = client.get(URL).content.decode()
    assert "Rina Wulandari" in body and "Perawat Penyelia" in body


def test_hr_sees_only_changes_in_their_scope(client_as, hr_dishub, hr_dinkes, world):
    dishub_rows = _rows(client_as(hr_dishub))
    assert "Staf Dishub" in _labels(dishub_rows)
    assert "Perawat" not in _labels(dishub_rows)
    assert "Kadis Sehat" not in _labels(dishub_rows)

    dinkes_rows = _rows(client_as(hr_dinkes))
    assert "Perawat Satu" in _labels(dinkes_rows)
    assert "Staf Dishub" not in _labels(dinkes_rows)


def test_bkd_and_superuser_see_the_whole_province(client_as, hr_admin, world):
    labels = _labels(_rows(client_as(hr_admin)))
    assert "Staf Dishub" in labels and "Perawat Satu" in labels
    root = User.objects.create_superuser("root", password="x-unused-x")
    labels = _labels(_rows(client_as(root)))
    assert "Staf Dishub" in labels and "Perawat Satu" in labels


@pytest.mark.parametrize("who", ["employee", "manager", "outsider"])
def test_pegawai_and_penilai_get_403(client_as, who, request):
    user = request.getfixturevalue(who)
    assert client_as(user).get(URL).status_code == 403


def test_pimpinan_reads_the_trail_of_their_scope(client_as, pimpinan, world):
    assert "Perawat Satu" in _labels(_rows(client_as(pimpinan)))


def test_filters_by_kind_user_dates_and_employee(client_as, named_hr, hr_admin, world):
    world.employee_emp.name = "Perawat Satu Baru"
    world.employee_emp.save()
    client = client_as(hr_admin)

    rows = _rows(client, jenis="pegawai")
    assert {r.kind for r in rows} == {"Pegawai"}
    renamed = next(r for r in rows if r.change == "diubah")
    assert renamed.changed_fields == ["nama (tanpa gelar)"]
    assert renamed.user == "sistem"  # no request: a shell or a task

    nip = world.outsider_emp.nip
    assert {r.object_label for r in _rows(client, q=nip, jenis="pegawai")} == {
        f"Staf Dishub ({nip})"
    }
    assert "Staf Dishub" not in _labels(_rows(client, q="perawat"))
    assert _rows(client, pengguna="wulandari") == []  # Rina has changed nothing yet

    today = dt.date.today()
    assert _rows(client, dari=(today + dt.timedelta(days=1)).isoformat()) == []
    assert len(_rows(client, dari=today.isoformat(), sampai=today.isoformat())) > 0
    # A bad date is reported, not a 500.
    response = client.get(URL, {"dari": "kemarin"})
    assert response.status_code == 200
    assert response.context["filters"].errors["dari"]


def test_deleted_employee_stays_in_the_trail_of_their_unit(client_as, hr_dinkes, hr_dishub, world):
    leaver = EmployeeFactory(name="Pegawai Keluar", unit=world.yankes)
    leaver.delete()
    rows = [r for r in _rows(client_as(hr_dinkes)) if "Pegawai Keluar" in r.object_label]
    assert {r.change for r in rows} == {"dibuat", "dihapus"}
    assert all(r.url is None for r in rows)  # nothing left to link to
    assert "Pegawai Keluar" not in _labels(_rows(client_as(hr_dishub)))


def _grow(world, n: int) -> None:
    """n more employees, each created then changed, with a placement, an SKP, an evaluation
    and a participation in an event: every kind, with and without a previous record."""
    year = dt.date.today().year
    program = TrainingProgram.objects.create(
        code=f"P-{n}", name="Pelayanan Prima", category="teknis", method="klasikal", jp=8
    )
    event = TrainingEvent.objects.create(
        program=program,
        name=f"Angkatan {n}",
        start_date=dt.date(year, 1, 15),
        end_date=dt.date(year, 1, 15),
        organiser_unit=world.dinkes,
        quota=50,
    )
    for _ in range(n):
        seat = PositionFactory(unit=world.yankes, parent=world.kabid)
        emp = EmployeeFactory(unit=world.yankes)
        PlacementFactory(employee=emp, position=seat)
        skp = performance_services.create_skp(emp, year=year, pendekatan="kuantitatif")
        Evaluation.objects.create(skp=skp, period="tw1")
        Participation.objects.create(
            employee=emp, event=event, start_date=event.start_date, end_date=event.end_date, jp=8
        )
        emp.golongan = "32"
        emp.save(update_fields=["golongan"])


def test_query_budget_does_not_grow_with_rows(
    client_as, hr_dinkes, world, django_assert_num_queries
):
    client = client_as(hr_dinkes)
    _grow(world, 4)
    # session, user, HR scopes, headed posts, count, the page (one UNION ALL), rows of each
    # of the 5 kinds (the previous record's id comes with them), previous employee records
    # (only the employees were changed), then the SKP, employees, posts and events the rows
    # name, nav employee. At most 4 more (previous records of the other kinds), never per row.
    with django_assert_num_queries(17):
        assert len(client.get(URL).context["rows"]) == 25
    _grow(world, 10)
    with django_assert_num_queries(17):
        assert len(client.get(URL).context["rows"]) == 25


def test_audit_scope_ignores_a_penilai_subtree(client_as, manager, world):
    # The Kabid heads Bidang Yankes but has no HR scope: the trail stays closed.
    HRScope.objects.filter(user=manager).delete()
    assert client_as(manager).get(URL).status_code == 403


def test_every_field_a_change_can_show_has_an_indonesian_name(client_as, hr_admin, world):
    """Jejak audit listed 'finalised at, finalised by, status, version' and 'approved at,
    approved by, snapshot': field names without a verbose name. Each audited model's fields
    now carry one; approving an SKP and finalising its evaluation read in Indonesian."""
    english = {"at", "by", "is", "name", "version", "snapshot", "employee", "event", "period"}
    for source in SOURCES:
        for field in apps.get_model(source.model)._meta.concrete_fields:
            words = set(str(field.verbose_name).split())
            assert not words & english, f"{source.model}.{field.name}: {field.verbose_name}"

    skp = SKPFactory(employee=world.employee_emp, year=2026, approved=True)
    EvaluationFactory(skp=skp, period="tw4", final=True)
    page = client_as(hr_admin).get(reverse("positions:audit")).content.decode()
    assert "disetujui pada" in page and "identitas saat disetujui" in page
    assert "difinalkan pada" in page
    assert "approved" not in page and "finalised" not in page
