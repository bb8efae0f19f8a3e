"""The pimpinan dashboard (home.pimpinan): figures per perangkat daerah on a small world,
a query count that does not grow with the units, and kesesuaian penempatan by year."""

import datetime as dt

import pytest
from django.template.loader import render_to_string

from home.pimpinan import pimpinan_dashboard
from performance import services
from performance.models import OrganisationPerformance
from positions.bup import retirement_window
from positions.models import (
    Education,
    EducationField,
    Placement,
    retirement_date,
    scopes_for,
)
from positions.peta import holders_with_problems
from tests.factories import (
    EmployeeFactory,
    PlacementFactory,
    PositionFactory,
    approve,
    make_unit,
)
from tests.performance.report_helpers import akhir
from training.models import Participation

RATED = 2025


def _rate(employee, predikat, year=RATED):
    skp = approve(services.create_skp(employee, year=year, pendekatan="kuantitatif"))
    akhir(skp, predikat)
    return skp


def _dashboard(user, year):
    return pimpinan_dashboard(user, scopes_for(user), year)


def _group(data, unit):
    return next(g for g in data["groups"] if g.unit.pk == unit.pk)


def test_figures_per_perangkat_daerah(world, pimpinan, today):
    _rate(world.employee_emp, "baik")
    _rate(world.colleague_emp, "baik")
    OrganisationPerformance.objects.create(
        unit=world.dinkes, year=RATED, predikat="baik", set_by=pimpinan
    )
    # The kadis's: at the top of the tree, approving it approves no other SKP (an RHK cascade
    # would also approve the penilai's), so Dinas Kesehatan has one approved and one draft.
    approve(services.create_skp(world.kadis_emp, year=today.year, pendekatan="kuantitatif"))
    services.create_skp(world.employee_emp, year=today.year, pendekatan="kuantitatif")
    Participation.objects.create(
        employee=world.employee_emp,
        title="Pelatihan teknis",
        start_date=dt.date(today.year, 3, 1),
        end_date=dt.date(today.year, 3, 3),
        jp=24,
        result="lulus",
        verification="verified",
    )
    # Retires on the first of next month (BUP 58 for a pelaksana): in the window.
    retiring = EmployeeFactory(
        unit=world.dishub, birth_date=dt.date(today.year - 58, today.month, 5)
    )
    PlacementFactory(employee=retiring, position=world.staf_dishub)

    data = _dashboard(pimpinan, today.year)
    dinkes, dishub = _group(data, world.dinkes), _group(data, world.dishub)
    assert [g.unit.pk for g in data["groups"]] == [world.dinkes.pk, world.dishub.pk]
    assert data["rated_year"] == RATED
    assert dict(dinkes.predikat) == {"baik": 2} and not dishub.predikat
    assert dinkes.curve.startswith("Tidak sesuai kurva (organisasi Baik)")
    assert "Predikat Baik paling banyak 70%" in dinkes.curve
    assert (dinkes.employees, dishub.employees) == (4, 2)
    assert dinkes.skp["disetujui"] == 1 and dinkes.skp["draf"] == 1
    assert (dinkes.jp_compliant, dinkes.jp_share) == (1, 25.0)
    assert (dinkes.kebutuhan, dinkes.bezetting) == (5, 4)  # 3 perawat posts, 2 held
    assert (dishub.kebutuhan, dishub.bezetting) == (2, 2)  # 2 staf on 1 post, no kadis
    assert dishub.retiring == 1 and data["totals"]["retiring"] == 1
    totals = data["totals"]
    assert totals["employees"] == 6 and totals["skp_submitted"] == 1
    assert totals["rated"] == 2

    html = render_to_string("home/_pimpinan.html", {"pimpinan": data})
    assert html.count('data-testid="chart"') == 6
    assert "Dinas Kesehatan" in html and "Tidak sesuai kurva" in html
    assert "style=" not in html and "<script" not in html
    for link in ("/kinerja/kurva/", "/kinerja/pantauan/", "laporan/ketidaksesuaian", "kepatuhan"):
        assert link in html


def test_retirement_window_matches_retirement_date():
    on = dt.date(2026, 12, 6)
    for bup in (58, 60, 65):
        first, last = retirement_window(bup, on)
        assert retirement_date(first, bup) > on
        assert retirement_date(first - dt.timedelta(days=1), bup) <= on
        assert retirement_date(last - dt.timedelta(days=1), bup) <= dt.date(2027, 12, 6)
        assert retirement_date(last, bup) > dt.date(2027, 12, 6)


def test_empty_world_says_belum_ada_data(world, pimpinan, today):
    data = _dashboard(pimpinan, today.year)
    html = render_to_string("home/_pimpinan.html", {"pimpinan": data})
    assert "Belum ada data" in html  # no rated year, no retirements
    assert data["rated_year"] is None


def test_user_without_read_scope_gets_an_empty_dashboard(world, hr_dinkes, today):
    data = _dashboard(hr_dinkes, today.year)
    assert data["empty"] and "Belum ada data" in render_to_string(
        "home/_pimpinan.html", {"pimpinan": data}
    )


def _add_perangkat_daerah(world, today, n):
    for i in range(n):
        opd = make_unit(f"Badan Uji {i}", world.pemprov, "perangkat_daerah")
        bidang = make_unit(f"Bidang Uji {i}", opd)
        head = PositionFactory(unit=opd, name=f"Kepala Badan {i}", jenis="jpt_pratama", kelas=14)
        staff = PositionFactory(unit=bidang, parent=head, kebutuhan=2)
        for position in (head, staff):
            emp = EmployeeFactory(unit=position.unit)
            PlacementFactory(employee=emp, position=position)
            _rate(emp, "baik")
            services.create_skp(emp, year=today.year, pendekatan="kuantitatif")


def test_query_count_does_not_grow_with_the_units(
    world, pimpinan, today, django_assert_num_queries
):
    _rate(world.employee_emp, "sangat_baik")
    user = pimpinan
    scopes = scopes_for(user)  # the home view has them already
    # roots, perangkat daerah, staff + JP, SKP per state, evaluations, positions +
    # bezetting, the BUP ages in use and the retirements (positions.bup.leaving_within), latest
    # rated year, predikat, kinerja organisasi, curve rules, and kesesuaian: the holders per
    # year (5) and the mismatched holders of all years: 18.
    with django_assert_num_queries(18):
        data = pimpinan_dashboard(user, scopes, today.year)
    assert len(data["groups"]) == 2
    _add_perangkat_daerah(world, today, 4)
    with django_assert_num_queries(18):
        data = pimpinan_dashboard(user, scopes, today.year)
        render_to_string("home/_pimpinan.html", {"pimpinan": data})
    assert len(data["groups"]) == 6


@pytest.mark.parametrize("superuser", [True])
def test_superuser_sees_every_instansi_as_rows(world, django_user_model, today, superuser):
    make_unit("Pemerintah Kabupaten Uji")
    admin = django_user_model.objects.create_superuser("root", password="x-unused-x")
    data = _dashboard(admin, today.year)
    assert [g.unit.name for g in data["groups"]] == [
        "Pemerintah Provinsi Uji",
        "Pemerintah Kabupaten Uji",
    ]
    assert _group(data, world.pemprov).employees == 5


def _share(data, year):
    return next(row for row in data["kesesuaian"] if row["year"] == year)


def test_kesesuaian_improves_when_a_mismatched_holder_moves_to_a_fitting_post(
    world, pimpinan, today
):
    nursing = EducationField.objects.create(code="KEP", name="Keperawatan", group="kesehatan")
    law = EducationField.objects.create(code="HKM", name="Ilmu Hukum", group="hukum")
    analyst = PositionFactory(unit=world.dishub, name="Analis Hukum", parent=world.kadis_dishub)
    analyst.accepted_fields.add(law)
    person = EmployeeFactory(unit=world.dishub)
    Education.objects.create(employee=person, level="S1", field=nursing, graduation_year=2010)
    old = PlacementFactory(employee=person, position=analyst, start_date=dt.date(2023, 1, 1))

    before = _dashboard(pimpinan, today.year)
    assert [r["year"] for r in before["kesesuaian"]] == list(range(today.year - 4, today.year + 1))
    # The world's kadis and kabid lack leadership training; the analyst's field does not fit.
    assert _share(before, 2024)["holders"] == 6 and _share(before, 2024)["fitting"] == 3
    assert _share(before, 2024)["share"] == 50.0
    holders_today = Placement.objects.on(today).filter(kind="definitif").count()
    assert _share(before, today.year)["fitting"] == holders_today - len(
        holders_with_problems([world.pemprov.path])
    )

    # Moved on 1 July 2025 to a post in the nursing field.
    Placement.objects.filter(pk=old.pk).update(
        end_date=dt.date(2025, 6, 30), end_reason=Placement.EndReason.MUTASI
    )
    nurse = PositionFactory(unit=world.yankes, name="Perawat Pelaksana", parent=world.kabid)
    nurse.accepted_fields.add(nursing)
    PlacementFactory(employee=person, position=nurse, start_date=dt.date(2025, 7, 1))
    after = _dashboard(pimpinan, today.year)
    assert _share(after, 2024) == _share(before, 2024)  # 2024 is history
    assert _share(after, 2025)["holders"] == 6
    assert _share(after, 2025)["fitting"] == 4  # only kadis and kabid remain (leadership)
    assert _share(after, 2025)["share"] > _share(after, 2024)["share"]
    chart = str(after["charts"]["kesesuaian"])
    assert "50%" in chart and "66,7%" in chart
    assert _share(after, 2022)["share"] is None or _share(after, 2022)["holders"] == 0


def test_retirements_use_the_bup_of_the_current_post(world, pimpinan, today):
    """BUP 65 for an ahli utama, 60 for JPT and ahli madya, 58 otherwise (Position.bup_age)."""
    expected = 0
    for jenis, jenjang in (
        ("fungsional", "ahli_utama"),
        ("fungsional", "ahli_madya"),
        ("jpt_pratama", ""),
        ("pelaksana", ""),
    ):
        for age in (58, 60, 65):
            # One post each: a structural post has a single definitive holder.
            position = PositionFactory(unit=world.dishub, jenis=jenis, jenjang=jenjang, kelas=9)
            bup = position.bup_age
            emp = EmployeeFactory(
                unit=world.dishub, birth_date=dt.date(today.year - age, today.month, 5)
            )
            PlacementFactory(employee=emp, position=position)
            expected += age == bup  # older than BUP: already retired; younger: not yet
    data = _dashboard(pimpinan, today.year)
    assert data["totals"]["retiring"] == expected == 4
    assert _group(data, world.dishub).retiring == 4
