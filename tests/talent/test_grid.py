"""The 9-box talent grid (docs/domain.md §6): held-out cases of the KemenPANRB numbering
through the pages, the kinerja rule, the weights stored with each calculation, the list of a
box with its explanation, the unmapped, and the Excel export."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from talent.grid import kinerja_of
from talent.models import TalentResult, TalentRun
from tests.factories import EmployeeFactory, PlacementFactory
from tests.talent.helpers import (
    WEIGHTS_ONLY_COMPETENCY,
    assess,
    calculate,
    latest_run,
    rate,
    standard,
)

pytestmark = pytest.mark.django_db

# (kinerja predikat 2025, 2024) per expected row, and the assessed level per column, with the
# post's standard at level 4 and thresholds tinggi 80 / menengah 60 on competency alone:
# level 4 → 100 (tinggi), level 3 → 75 (menengah), level 2 → 50 (rendah).
ROWS = {
    "atas": {"y2025": "baik", "y2024": "sangat_baik"},
    "sesuai": {"y2025": "baik", "y2024": "baik"},
    "bawah": {"y2025": "butuh_perbaikan", "y2024": "baik"},
}
COLUMNS = {"rendah": 2, "menengah": 3, "tinggi": 4}
# The KemenPANRB layout (rows kinerja top to bottom, columns potensial left to right):
#   4 7 9 / 2 5 8 / 1 3 6
EXPECTED = {
    ("atas", "rendah"): 4,
    ("atas", "menengah"): 7,
    ("atas", "tinggi"): 9,
    ("sesuai", "rendah"): 2,
    ("sesuai", "menengah"): 5,
    ("sesuai", "tinggi"): 8,
    ("bawah", "rendah"): 1,
    ("bawah", "menengah"): 3,
    ("bawah", "tinggi"): 6,
}


def _nine_people(world):
    standard(world.perawat, 4)
    people = {}
    for kinerja, predikat in ROWS.items():
        for potensial, level in COLUMNS.items():
            person = EmployeeFactory(name=f"Talenta {kinerja} {potensial}", unit=world.yankes)
            PlacementFactory(employee=person, position=world.perawat)
            rate(person, **predikat)
            assess(person, level)
            people[(kinerja, potensial)] = person
    return people


def test_each_person_lands_in_the_kemenpanrb_box_through_the_pages(
    world, hr_admin, client_as, django_capture_on_commit_callbacks
):
    people = _nine_people(world)
    client = client_as(hr_admin)
    response = calculate(
        client, world.pemprov, django_capture_on_commit_callbacks, **WEIGHTS_ONLY_COMPETENCY
    )
    assert response.status_code == 302
    for (kinerja, potensial), kotak in EXPECTED.items():
        person = people[(kinerja, potensial)]
        page = client.get(reverse("talent:grid"), {"unit": world.pemprov.pk, "kotak": kotak})
        listed = [r.employee_id for r in page.context["page"]]
        assert person.pk in listed, (kinerja, potensial, kotak)
        others = [p.pk for key, p in people.items() if key != (kinerja, potensial)]
        assert not set(others) & set(listed), f"Kotak {kotak} holds someone of another box"
    # The drawn grid carries the same numbering, row by row.
    page = client.get(reverse("talent:grid"), {"unit": world.pemprov.pk})
    drawn = [[cell.kotak for cell in row] for row in page.context["rows"]]
    assert drawn == [[4, 7, 9], [2, 5, 8], [1, 3, 6]]
    assert [[cell.count for cell in row] for row in page.context["rows"]] == [[1] * 3] * 3


def test_a_box_lists_people_with_their_explanation_and_profile_link(
    world, hr_admin, client_as, django_capture_on_commit_callbacks
):
    standard(world.perawat, 4)
    person = world.employee_emp
    rate(person, y2025="baik", y2024="sangat_baik")
    assess(person, 4)
    client = client_as(hr_admin)
    calculate(client, world.pemprov, django_capture_on_commit_callbacks, **WEIGHTS_ONLY_COMPETENCY)
    response = client.get(reverse("talent:grid"), {"unit": world.pemprov.pk, "kotak": 9})
    html = response.content.decode()
    assert "kinerja: Baik 2025, Sangat Baik 2024 → di atas ekspektasi" in html
    assert "potensial: 100/100 → tinggi" in html
    assert reverse("positions:employee_detail", args=[person.pk]) in html


def test_people_without_predikat_are_listed_as_not_mapped(
    world, hr_admin, client_as, django_capture_on_commit_callbacks
):
    client = client_as(hr_admin)
    calculate(client, world.pemprov, django_capture_on_commit_callbacks)
    response = client.get(reverse("talent:grid"), {"unit": world.pemprov.pk, "kotak": 0})
    assert response.context["unmapped"] == 5  # the five people of the world are unrated
    assert "belum ada predikat tahunan" in response.content.decode()


def test_weights_and_rule_are_stored_with_each_calculation(
    world, hr_admin, client_as, django_capture_on_commit_callbacks
):
    person = world.employee_emp
    rate(person, y2025="baik", y2024="sangat_baik")
    client = client_as(hr_admin)
    calculate(
        client,
        world.pemprov,
        django_capture_on_commit_callbacks,
        weight_kompetensi=60,
        weight_kualifikasi=10,
    )
    first = latest_run(world.pemprov)
    # A stricter rule: two Sangat Baik needed to be above expectation.
    calculate(
        client,
        world.pemprov,
        django_capture_on_commit_callbacks,
        weight_kompetensi=40,
        weight_kualifikasi=30,
        above_min_sangat_baik=2,
    )
    second = latest_run(world.pemprov)
    first.refresh_from_db()
    assert (first.weight_kompetensi, first.weight_kualifikasi, first.weight_rekam_jejak) == (
        60,
        10,
        30,
    )
    assert (second.weight_kompetensi, second.weight_kualifikasi, second.above_min_sangat_baik) == (
        40,
        30,
        2,
    )
    assert TalentResult.objects.get(run=first, employee=person).kinerja == "atas"
    assert TalentResult.objects.get(run=second, employee=person).kinerja == "sesuai"
    # The page shows the rule of the run it draws, and the next form starts from it.
    page = client.get(reverse("talent:grid"), {"unit": world.pemprov.pk}).content.decode()
    assert "kompetensi 40% + kualifikasi 30% + rekam jejak 30%" in page
    form = client.get(reverse("talent:grid_calculate"), {"unit": world.pemprov.pk})
    assert form.context["form"].initial["weight_kompetensi"] == 40


def test_weights_not_adding_up_to_100_are_refused(
    world, hr_admin, client_as, django_capture_on_commit_callbacks
):
    response = calculate(
        client_as(hr_admin), world.pemprov, django_capture_on_commit_callbacks, weight_kompetensi=70
    )
    assert response.status_code == 200
    assert "Jumlah bobot potensial harus 100% (sekarang 120%)" in response.content.decode()
    assert not TalentRun.objects.exists()


@pytest.mark.parametrize(
    ("predikat", "rule", "expected"),
    [
        ([(2025, "sangat_baik"), (2024, "sangat_baik")], {}, "atas"),
        ([(2025, "baik"), (2024, "sangat_baik")], {}, "atas"),
        ([(2025, "baik"), (2024, "sangat_baik")], {"above_min_sangat_baik": 2}, "sesuai"),
        ([(2025, "sangat_baik"), (2024, "butuh_perbaikan")], {}, "bawah"),
        ([(2025, "sangat_baik"), (2024, "butuh_perbaikan")], {"below_min_years": 2}, "sesuai"),
        ([(2025, "kurang"), (2024, "sangat_kurang")], {"below_min_years": 2}, "bawah"),
        ([(2025, "sangat_baik")], {}, "atas"),
        ([(2025, "sangat_baik")], {"single_year_counts": False}, ""),
        ([], {}, ""),
    ],
)
def test_kinerja_rule(predikat, rule, expected):
    run = TalentRun(**rule)
    assert kinerja_of(predikat, run)[0] == expected


def test_subtree_and_jenjang_filters_and_excel_export(
    world, hr_admin, client_as, django_capture_on_commit_callbacks
):
    people = _nine_people(world)
    rate(world.outsider_emp, y2025="baik", y2024="baik")
    client = client_as(hr_admin)
    calculate(client, world.pemprov, django_capture_on_commit_callbacks, **WEIGHTS_ONLY_COMPETENCY)
    dishub = client.get(reverse("talent:grid"), {"unit": world.dishub.pk})
    assert dishub.context["mapped"] + dishub.context["unmapped"] == 1
    jpt = client.get(reverse("talent:grid"), {"unit": world.pemprov.pk, "jenjang": "jpt"})
    assert jpt.context["mapped"] + jpt.context["unmapped"] == 1  # the one held head of dinas
    response = client.get(reverse("talent:grid_xlsx"), {"unit": world.yankes.pk})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Pemetaan talenta"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    names = {row[1] for row in rows}
    assert {p.name for p in people.values()} <= names
    assert "Staf Dishub" not in names
    nine = next(row for row in rows if row[1] == people[("atas", "tinggi")].name)
    assert nine[0] == 9 and "di atas ekspektasi" in nine[10]
    rule = openpyxl.load_workbook(io.BytesIO(response.content))["Aturan dan bobot"]
    assert ["Bobot kompetensi (%)", 100] in [list(r) for r in rule.iter_rows(values_only=True)]
