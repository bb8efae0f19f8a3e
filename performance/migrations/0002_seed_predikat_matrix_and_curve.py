"""Seed the kuadran kinerja (9 cells) and the kurva distribusi rules of PermenPANRB 6/2022
(docs/domain.md §1.6–§1.7). Data is inlined: migrations never import app code."""

from decimal import Decimal

from django.db import migrations

REGULATION = "PermenPANRB 6/2022"

# (rating hasil kerja, rating perilaku kerja) -> predikat
MATRIX = [
    ("diatas", "diatas", "sangat_baik"),
    ("diatas", "sesuai", "baik"),
    ("diatas", "dibawah", "kurang"),
    ("sesuai", "diatas", "baik"),
    ("sesuai", "sesuai", "baik"),
    ("sesuai", "dibawah", "kurang"),
    ("dibawah", "diatas", "butuh_perbaikan"),
    ("dibawah", "sesuai", "butuh_perbaikan"),
    ("dibawah", "dibawah", "sangat_kurang"),
]

# (predikat organisasi, employee predikat, min share, max share, min count, description)
CURVE = [
    ("istimewa", "sangat_baik", None, "0.70", None,
     "Predikat Sangat Baik paling banyak 70%"),
    ("baik", "baik", None, "0.70", None, "Predikat Baik paling banyak 70%"),
    ("baik", "butuh_perbaikan,kurang", None, None, 1,
     "Harus ada pegawai dengan predikat Butuh Perbaikan dan/atau Kurang/Misconduct"),
    ("butuh_perbaikan", "sangat_baik", None, "0.10", None,
     "Predikat Sangat Baik paling banyak 10%"),
    ("butuh_perbaikan", "butuh_perbaikan", "0.60", None, None,
     "Predikat Butuh Perbaikan paling sedikit 60%"),
    ("kurang", "sangat_baik", None, "0.10", None, "Predikat Sangat Baik paling banyak 10%"),
    ("kurang", "butuh_perbaikan", "0.10", None, None,
     "Predikat Butuh Perbaikan paling sedikit 10%"),
    ("kurang", "kurang", "0.60", None, None, "Predikat Kurang/Misconduct paling sedikit 60%"),
    ("sangat_kurang", "sangat_baik", None, "0.00", None,
     "Predikat Sangat Baik tidak diperbolehkan"),
    ("sangat_kurang", "kurang,butuh_perbaikan", "0.10", None, None,
     "Predikat Kurang/Misconduct dan/atau Butuh Perbaikan paling sedikit 10%"),
    ("sangat_kurang", "sangat_kurang", "0.60", None, None,
     "Predikat Sangat Kurang paling sedikit 60%"),
]


def seed(apps, schema_editor):
    PredikatRule = apps.get_model("performance", "PredikatRule")
    CurveRule = apps.get_model("performance", "CurveRule")
    for hasil, perilaku, predikat in MATRIX:
        PredikatRule.objects.update_or_create(
            regulation=REGULATION,
            rating_hasil=hasil,
            rating_perilaku=perilaku,
            defaults={"predikat": predikat},
        )
    CurveRule.objects.filter(regulation=REGULATION).delete()
    for org, predikats, min_share, max_share, min_count, description in CURVE:
        CurveRule.objects.create(
            regulation=REGULATION,
            org_predikat=org,
            predikats=predikats,
            min_share=Decimal(min_share) if min_share else None,
            max_share=Decimal(max_share) if max_share else None,
            min_count=min_count,
            description=description,
        )


class Migration(migrations.Migration):
    dependencies = [("performance", "0001_skp_evaluation_rules")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
