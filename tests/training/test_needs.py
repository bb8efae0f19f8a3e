"""The needs analysis on a hand-built case, the unit aggregation and the pages' query budgets."""

import pytest
from django.urls import reverse

from positions.models import (
    LeadershipTraining,
    PositionCompetency,
)
from tests.factories import EvaluationFactory, SKPFactory
from tests.training.helpers import add_nurses, competency, program
from training import needs as analysis


def test_hand_built_case_exact_ranking_and_reasons(world, case):
    (needs,) = analysis.analyse(type(world.manager_emp).objects.filter(pk=world.manager_emp.pk))

    assert [(g.competency.code, g.current, g.required) for g in needs.gaps] == [
        ("M.4", 2, 3),
        ("M.8", None, 3),
    ]
    assert needs.missing_leadership == "pka"
    assert needs.weak_predikat == "butuh_perbaikan"
    assert [(r.program.code, r.reason) for r in needs.recommendations] == [
        ("PKA", "Belum memiliki PKA yang disyaratkan jabatan Administrator"),
        (
            "Manajemen Strategis",
            "Menutup kesenjangan M.4 (2 → 3) dan M.8 (belum dinilai → 3)",
        ),
        (
            "Pelayanan Prima",
            "Menutup kesenjangan M.4 (2 → 3); predikat kinerja 2025 Butuh Perbaikan",
        ),
    ]
    # Uncapped, the performance-only program follows and the non-matching ones never appear.
    ranked = analysis.recommend(needs, analysis.active_programs())
    assert [r.program.code for r in ranked] == ["PKA", "Manajemen Strategis", "Pelayanan Prima"]
    module = analysis.analysis  # recommend() reads the cap from training.needs.analysis
    module.MAX_RECOMMENDATIONS, saved = 10, module.MAX_RECOMMENDATIONS
    try:
        ranked = analysis.recommend(needs, analysis.active_programs())
    finally:
        module.MAX_RECOMMENDATIONS = saved
    assert [r.program.code for r in ranked][-1] == "Budaya Kerja"
    assert ranked[-1].reason == "Predikat kinerja 2025 Butuh Perbaikan"


def test_held_higher_leadership_satisfies_and_perilaku_below_is_reported(world, case):
    emp = world.manager_emp
    LeadershipTraining.objects.create(employee=emp, kind="pkn2", year=2020)
    skp = SKPFactory(employee=emp, year=2025, approved=True)
    # Rated and finalised by the penilai: sesuai × di bawah is Kurang in the kuadran kinerja,
    # and finalising moves the profile's predikat 2025 (Butuh Perbaikan in the case) to it.
    evaluation = EvaluationFactory(
        skp=skp, period="tw4", final=True, rating_hasil="sesuai", rating_perilaku="dibawah"
    )
    assert evaluation.predikat == "kurang"
    (needs,) = analysis.analyse(type(emp).objects.filter(pk=emp.pk))

    assert needs.missing_leadership == ""
    assert needs.perilaku_below_year == 2025
    assert [r.program.code for r in needs.recommendations] == [
        "Manajemen Strategis",
        "Pelayanan Prima",
        "Budaya Kerja",
    ]
    assert needs.recommendations[2].reason == (
        "Predikat kinerja 2025 Kurang/Misconduct; rating perilaku kerja 2025 Di Bawah Ekspektasi"
    )


def test_aggregate_counts_people_per_program(world, case):
    # Both perawat hold a post requiring T.KES.1 level 3 and have no assessment.
    PositionCompetency.objects.create(
        position=world.perawat, competency=competency("T.KES.1", "teknis"), level=3
    )
    nursing = program("Asuhan Keperawatan", "teknis", 30, {"T.KES.1": 3})

    rows = analysis.aggregate(analysis.analyse(analysis.unit_employees(world.dinkes)))
    by_code = {row.program.code: row for row in rows}

    assert by_code["Asuhan Keperawatan"].people == 2
    assert by_code["Asuhan Keperawatan"].first_priority == 2
    assert by_code["Asuhan Keperawatan"].total_jp == 2 * nursing.jp
    assert by_code["Asuhan Keperawatan"].summary == "T.KES.1 (2)"
    assert by_code["PKA"].people == 1
    # The Kadis (JPT Pratama) lacks PKN II; no such program is in the catalog.
    assert "PKN Tingkat II" not in {r.program.category for r in rows}


# --- Pages -----------------------------------------------------------------------------------


def test_needs_page_lists_programs_and_people(client_as, hr_dinkes, world, case):
    response = client_as(hr_dinkes).get(
        reverse("training:needs"), {"unit": world.dinkes.pk, "tahun": 2027}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kabid Yankes" in body
    assert "Manajemen Strategis" in body
    assert "Buat rencana pengembangan 2027" in body


def test_needs_access(client_as, world, hr_dishub, pimpinan, employee, case):
    url = reverse("training:needs")
    assert client_as(hr_dishub).get(url, {"unit": world.dinkes.pk}).status_code == 404
    assert client_as(employee).get(url).status_code == 403
    response = client_as(pimpinan).get(url, {"unit": world.dinkes.pk})
    assert response.status_code == 200
    assert "Buat rencana" not in response.content.decode()  # read-only
    emp_url = reverse("training:employee_needs", args=[world.manager_emp.pk])
    assert client_as(hr_dishub).get(emp_url).status_code == 404
    assert client_as(employee).get(emp_url).status_code == 403


def test_employee_needs_page_shows_ranked_reasons(client_as, hr_dinkes, world, case):
    url = reverse("training:employee_needs", args=[world.manager_emp.pk])
    body = client_as(hr_dinkes).get(url).content.decode()
    assert "belum dinilai" in body
    assert body.index("PKA yang disyaratkan") < body.index("Manajemen Strategis")
    assert "Menutup kesenjangan M.4 (2 → 3) dan M.8 (belum dinilai → 3)" in body


@pytest.mark.parametrize("extra", [0, 12])
def test_needs_page_query_budget_is_flat(
    client_as, hr_dinkes, world, case, extra, django_assert_num_queries
):
    add_nurses(world, extra)
    program("Asuhan Keperawatan", "teknis", 30, {"T.KES.1": 3})
    client = client_as(hr_dinkes)
    url = reverse("training:needs")
    # session, user, HR scopes, headed posts, the unit choices (the chosen unit among them),
    # employees, placements, required competencies, assessments, leadership trainings, annual
    # evaluations, programs, program competencies, the existing plan, the nav's own employee
    # = 15 whatever the head count.
    with django_assert_num_queries(15):
        response = client.get(url, {"unit": world.dinkes.pk})
    assert response.status_code == 200


@pytest.mark.parametrize("extra", [0, 12])
def test_employee_needs_query_budget_is_flat(
    client_as, hr_dinkes, world, case, extra, django_assert_num_queries
):
    add_nurses(world, extra)
    client = client_as(hr_dinkes)
    url = reverse("training:employee_needs", args=[world.manager_emp.pk])
    # session, user, HR scopes, headed posts, the employee, then the analysis: employees,
    # placements, required competencies, assessments, leadership, evaluations, programs,
    # program competencies, the nav's own employee = 14.
    with django_assert_num_queries(14):
        response = client.get(url)
    assert response.status_code == 200
