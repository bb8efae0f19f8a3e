import pytest

from performance.models import CurveRule, predikat_for
from performance.services import curve_violations

# The kuadran kinerja as the regulation draws it (docs/domain.md §1.6): a row per rating hasil
# kerja, a column per rating perilaku kerja (diatas, sesuai, dibawah).
PERILAKU = ("diatas", "sesuai", "dibawah")
KUADRAN = {
    "diatas": ("sangat_baik", "baik", "kurang"),
    "sesuai": ("baik", "baik", "kurang"),
    "dibawah": ("butuh_perbaikan", "butuh_perbaikan", "sangat_kurang"),
}
CELLS = [
    (hasil, perilaku, predikat)
    for hasil, row in KUADRAN.items()
    for perilaku, predikat in zip(PERILAKU, row, strict=True)
]


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), CELLS)
def test_every_cell_of_the_predikat_matrix(db, hasil, perilaku, predikat):
    assert predikat_for(hasil, perilaku) == predikat


def test_matrix_is_data_not_code(db):
    from performance.models import PredikatRule

    PredikatRule.objects.filter(rating_hasil="sesuai", rating_perilaku="sesuai").update(
        predikat="butuh_perbaikan"
    )
    assert predikat_for("sesuai", "sesuai") == "butuh_perbaikan"


def test_istimewa_allows_at_most_70_percent_sangat_baik(db):
    assert curve_violations("istimewa", {"sangat_baik": 7, "baik": 3}) == []
    [violation] = curve_violations("istimewa", {"sangat_baik": 8, "baik": 2})
    assert "Sangat Baik paling banyak 70%" in violation and "80%" in violation


def test_baik_needs_someone_below_expectation_and_at_most_70_percent_baik(db):
    violations = curve_violations("baik", {"baik": 8, "sangat_baik": 2})
    assert len(violations) == 2
    assert any("Baik paling banyak 70%" in v for v in violations)
    assert any("Butuh Perbaikan dan/atau Kurang" in v for v in violations)
    assert curve_violations("baik", {"baik": 6, "sangat_baik": 3, "kurang": 1}) == []


def test_butuh_perbaikan_curve(db):
    assert curve_violations("butuh_perbaikan", {"butuh_perbaikan": 6, "baik": 4}) == []
    violations = curve_violations(
        "butuh_perbaikan", {"butuh_perbaikan": 5, "sangat_baik": 2, "baik": 3}
    )
    assert len(violations) == 2


def test_kurang_curve(db):
    assert curve_violations("kurang", {"kurang": 6, "butuh_perbaikan": 2, "baik": 2}) == []
    violations = curve_violations("kurang", {"kurang": 5, "baik": 5})
    assert [v.split(":")[0] for v in violations] == [
        "Predikat Butuh Perbaikan paling sedikit 10%",
        "Predikat Kurang/Misconduct paling sedikit 60%",
    ]


def test_sangat_kurang_curve_forbids_sangat_baik(db):
    violations = curve_violations(
        "sangat_kurang", {"sangat_kurang": 6, "kurang": 3, "sangat_baik": 1}
    )
    assert violations == ["Predikat Sangat Baik tidak diperbolehkan: saat ini 10% (1 dari 10)."]
    assert curve_violations("sangat_kurang", {"sangat_kurang": 7, "butuh_perbaikan": 3}) == []


def test_each_organisation_predikat_has_rules(db):
    assert set(CurveRule.objects.values_list("org_predikat", flat=True)) == {
        "istimewa",
        "baik",
        "butuh_perbaikan",
        "kurang",
        "sangat_kurang",
    }
