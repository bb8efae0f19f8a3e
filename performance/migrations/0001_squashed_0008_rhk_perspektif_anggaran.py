"""The performance app's schema in one migration, squashing 0001–0008 (docs/migrations.md).

Besides the tables it seeds, on a fresh database, the kuadran kinerja (9 cells) and the kurva
distribusi rules of PermenPANRB 6/2022 (was 0002, docs/domain.md §1.6–§1.7). Data is inlined:
a migration never imports app code that may change later.

The fields of each CreateModel stand in the column order that the old history gave a
database (fields added later last), so new and upgraded databases are the same; keep it.
"""

from decimal import Decimal

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import performance.models.evaluation
import performance.models.report_jobs

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
    ("istimewa", "sangat_baik", None, "0.70", None, "Predikat Sangat Baik paling banyak 70%"),
    ("baik", "baik", None, "0.70", None, "Predikat Baik paling banyak 70%"),
    (
        "baik",
        "butuh_perbaikan,kurang",
        None,
        None,
        1,
        "Harus ada pegawai dengan predikat Butuh Perbaikan dan/atau Kurang/Misconduct",
    ),
    (
        "butuh_perbaikan",
        "sangat_baik",
        None,
        "0.10",
        None,
        "Predikat Sangat Baik paling banyak 10%",
    ),
    (
        "butuh_perbaikan",
        "butuh_perbaikan",
        "0.60",
        None,
        None,
        "Predikat Butuh Perbaikan paling sedikit 60%",
    ),
    ("kurang", "sangat_baik", None, "0.10", None, "Predikat Sangat Baik paling banyak 10%"),
    (
        "kurang",
        "butuh_perbaikan",
        "0.10",
        None,
        None,
        "Predikat Butuh Perbaikan paling sedikit 10%",
    ),
    ("kurang", "kurang", "0.60", None, None, "Predikat Kurang/Misconduct paling sedikit 60%"),
    (
        "sangat_kurang",
        "sangat_baik",
        None,
        "0.00",
        None,
        "Predikat Sangat Baik tidak diperbolehkan",
    ),
    (
        "sangat_kurang",
        "kurang,butuh_perbaikan",
        "0.10",
        None,
        None,
        "Predikat Kurang/Misconduct dan/atau Butuh Perbaikan paling sedikit 10%",
    ),
    (
        "sangat_kurang",
        "sangat_kurang",
        "0.60",
        None,
        None,
        "Predikat Sangat Kurang paling sedikit 60%",
    ),
]


def seed_predikat_matrix_and_curve(apps, schema_editor):
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
    initial = True

    replaces = [
        ("performance", "0001_skp_evaluation_rules"),
        ("performance", "0002_seed_predikat_matrix_and_curve"),
        ("performance", "0003_report_jobs"),
        ("performance", "0004_invariant_constraints"),
        ("performance", "0005_evaluation_finalise_note_sent_at_iki_target"),
        ("performance", "0006_rhk_utama_first"),
        ("performance", "0007_text_length_limits"),
        ("performance", "0008_rhk_perspektif_anggaran"),
    ]

    dependencies = [
        ("positions", "0001_squashed_0011_jpt_selection"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Indicator",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "aspek",
                    models.CharField(
                        choices=[
                            ("kuantitas", "Kuantitas"),
                            ("kualitas", "Kualitas"),
                            ("waktu", "Waktu"),
                            ("biaya", "Biaya"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "text",
                    models.TextField(max_length=1000, verbose_name="indikator kinerja individu"),
                ),
                (
                    "target_value",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=14,
                        null=True,
                        verbose_name="target",
                    ),
                ),
                (
                    "target_satuan",
                    models.CharField(blank=True, max_length=60, verbose_name="satuan"),
                ),
                (
                    "target_text",
                    models.CharField(
                        blank=True, max_length=300, verbose_name="target (kualitatif)"
                    ),
                ),
            ],
            options={
                "verbose_name": "IKI",
                "verbose_name_plural": "IKI",
                "ordering": ["rhk", "pk"],
            },
        ),
        migrations.CreateModel(
            name="CurveRule",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "regulation",
                    models.CharField(
                        default="PermenPANRB 6/2022", max_length=60, verbose_name="regulasi"
                    ),
                ),
                (
                    "org_predikat",
                    models.CharField(
                        choices=[
                            ("istimewa", "Istimewa"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                        verbose_name="predikat kinerja organisasi",
                    ),
                ),
                (
                    "predikats",
                    models.CharField(
                        max_length=100, verbose_name="predikat pegawai (dipisah koma)"
                    ),
                ),
                (
                    "min_share",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=4, null=True),
                ),
                (
                    "max_share",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=4, null=True),
                ),
                ("min_count", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("description", models.CharField(max_length=200, verbose_name="uraian")),
            ],
            options={
                "verbose_name": "aturan kurva distribusi",
                "verbose_name_plural": "aturan kurva distribusi",
                "ordering": ["regulation", "org_predikat", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("min_share__isnull", True),
                                models.Q(("min_share__gte", 0), ("min_share__lte", 1)),
                                _connector="OR",
                            ),
                            models.Q(
                                ("max_share__isnull", True),
                                models.Q(("max_share__gte", 0), ("max_share__lte", 1)),
                                _connector="OR",
                            ),
                        ),
                        name="curverule_shares_0_1",
                        violation_error_message="Batas persentase kurva harus antara 0 dan 1.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("min_share__isnull", False),
                            ("max_share__isnull", False),
                            ("min_count__isnull", False),
                            _connector="OR",
                        ),
                        name="curverule_has_bound",
                        violation_error_message="Aturan kurva wajib memiliki batas persentase atau jumlah.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="SKP",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                ("period_start", models.DateField(verbose_name="awal periode")),
                ("period_end", models.DateField(verbose_name="akhir periode")),
                (
                    "pendekatan",
                    models.CharField(
                        choices=[("kuantitatif", "Kuantitatif"), ("kualitatif", "Kualitatif")],
                        max_length=12,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draf"),
                            ("diajukan", "Diajukan"),
                            ("dikembalikan", "Dikembalikan"),
                            ("disetujui", "Disetujui"),
                        ],
                        default="draft",
                        max_length=12,
                    ),
                ),
                (
                    "return_note",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="catatan pengembalian"
                    ),
                ),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("approved_at", models.DateTimeField(blank=True, null=True)),
                ("revision", models.PositiveSmallIntegerField(default=1, verbose_name="revisi")),
                ("superseded_at", models.DateTimeField(blank=True, null=True)),
                ("snapshot", models.JSONField(blank=True, default=dict)),
                (
                    "dukungan_sumber_daya",
                    models.TextField(
                        blank=True, max_length=4000, verbose_name="dukungan sumber daya"
                    ),
                ),
                (
                    "skema_pertanggungjawaban",
                    models.TextField(
                        blank=True, max_length=4000, verbose_name="skema pertanggungjawaban"
                    ),
                ),
                (
                    "konsekuensi",
                    models.TextField(blank=True, max_length=4000, verbose_name="konsekuensi"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "atasan_penilai",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="skps",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
                (
                    "penilai",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="skps_to_rate",
                        to="positions.employee",
                    ),
                ),
                (
                    "penilai_position",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.position",
                    ),
                ),
                (
                    "position",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.position",
                        verbose_name="jabatan",
                    ),
                ),
                (
                    "superseded_by",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="supersedes",
                        to="performance.skp",
                    ),
                ),
            ],
            options={
                "verbose_name": "SKP",
                "verbose_name_plural": "SKP",
                "ordering": ["-year", "-period_start"],
            },
        ),
        migrations.CreateModel(
            name="Evaluation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "period",
                    models.CharField(
                        choices=[
                            ("tw1", "Triwulan I"),
                            ("tw2", "Triwulan II"),
                            ("tw3", "Triwulan III"),
                            ("tw4", "Triwulan IV / Akhir"),
                        ],
                        max_length=4,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draf"), ("final", "Final")],
                        default="draft",
                        max_length=6,
                    ),
                ),
                (
                    "rating_hasil",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("diatas", "Di Atas Ekspektasi"),
                            ("sesuai", "Sesuai Ekspektasi"),
                            ("dibawah", "Di Bawah Ekspektasi"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "rating_perilaku",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("diatas", "Di Atas Ekspektasi"),
                            ("sesuai", "Sesuai Ekspektasi"),
                            ("dibawah", "Di Bawah Ekspektasi"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "predikat",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("sangat_baik", "Sangat Baik"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang/Misconduct"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "umpan_balik",
                    models.TextField(blank=True, max_length=4000, verbose_name="umpan balik umum"),
                ),
                ("finalised_at", models.DateTimeField(blank=True, null=True)),
                ("version", models.PositiveIntegerField(default=0)),
                (
                    "finalised_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "skp",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="evaluations",
                        to="performance.skp",
                    ),
                ),
                (
                    "finalise_note",
                    models.CharField(
                        blank=True, max_length=1000, verbose_name="catatan finalisasi"
                    ),
                ),
                (
                    "realisasi_sent_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="realisasi dikirim pada"
                    ),
                ),
            ],
            options={
                "verbose_name": "evaluasi kinerja",
                "verbose_name_plural": "evaluasi kinerja",
                "ordering": ["skp", "period"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalOrganisationPerformance",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                (
                    "predikat",
                    models.CharField(
                        choices=[
                            ("istimewa", "Istimewa"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                    ),
                ),
                ("closed_at", models.DateTimeField(blank=True, null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "set_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.orgunit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical kinerja organisasi",
                "verbose_name_plural": "historical kinerja organisasi",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRealisation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "value",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=14,
                        null=True,
                        verbose_name="realisasi",
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="realisasi (uraian)"
                    ),
                ),
                (
                    "evidence",
                    models.TextField(blank=True, max_length=100, verbose_name="bukti dukung"),
                ),
                ("evidence_name", models.CharField(blank=True, max_length=200)),
                ("evidence_link", models.URLField(blank=True, verbose_name="tautan bukti dukung")),
                (
                    "umpan_balik",
                    models.TextField(blank=True, max_length=4000, verbose_name="umpan balik"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "evaluation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="performance.evaluation",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="performance.indicator",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical realisasi",
                "verbose_name_plural": "historical realisasi",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PredikatRule",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "regulation",
                    models.CharField(
                        default="PermenPANRB 6/2022", max_length=60, verbose_name="regulasi"
                    ),
                ),
                (
                    "rating_hasil",
                    models.CharField(
                        choices=[
                            ("diatas", "Di Atas Ekspektasi"),
                            ("sesuai", "Sesuai Ekspektasi"),
                            ("dibawah", "Di Bawah Ekspektasi"),
                        ],
                        max_length=10,
                        verbose_name="rating hasil kerja",
                    ),
                ),
                (
                    "rating_perilaku",
                    models.CharField(
                        choices=[
                            ("diatas", "Di Atas Ekspektasi"),
                            ("sesuai", "Sesuai Ekspektasi"),
                            ("dibawah", "Di Bawah Ekspektasi"),
                        ],
                        max_length=10,
                        verbose_name="rating perilaku",
                    ),
                ),
                (
                    "predikat",
                    models.CharField(
                        choices=[
                            ("sangat_baik", "Sangat Baik"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang/Misconduct"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                        verbose_name="predikat",
                    ),
                ),
            ],
            options={
                "verbose_name": "aturan predikat (kuadran kinerja)",
                "verbose_name_plural": "aturan predikat (kuadran kinerja)",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("regulation", "rating_hasil", "rating_perilaku"),
                        name="predikat_rule_cell",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ReportJob",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("unit", "Unit kerja"), ("pegawai", "Pegawai")],
                        max_length=8,
                        verbose_name="jenis",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("antri", "Menunggu"),
                            ("berjalan", "Berjalan"),
                            ("menyusun", "Menyusun arsip"),
                            ("selesai", "Selesai"),
                            ("gagal", "Gagal"),
                        ],
                        default="antri",
                        max_length=10,
                    ),
                ),
                ("run", models.PositiveIntegerField(default=1)),
                ("total", models.PositiveIntegerField(default=0)),
                (
                    "recap",
                    models.FileField(
                        blank=True, upload_to=performance.models.report_jobs.report_file_path
                    ),
                ),
                (
                    "archive",
                    models.FileField(
                        blank=True, upload_to=performance.models.report_jobs.report_file_path
                    ),
                ),
                ("error", models.TextField(blank=True, max_length=4000)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("started_at", models.DateTimeField(blank=True, null=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                (
                    "employee",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="report_jobs",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.orgunit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "pekerjaan laporan",
                "verbose_name_plural": "pekerjaan laporan",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="RHK",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "jenis",
                    models.CharField(
                        choices=[("utama", "Utama"), ("tambahan", "Tambahan")],
                        default="utama",
                        max_length=10,
                    ),
                ),
                ("text", models.TextField(max_length=1000, verbose_name="rencana hasil kerja")),
                (
                    "perspektif",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("penerima_layanan", "Penerima Layanan"),
                            ("proses_bisnis", "Proses Bisnis"),
                            ("penguatan_internal", "Penguatan Internal"),
                            ("anggaran", "Anggaran"),
                        ],
                        max_length=20,
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "parent_rhk",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="interventions",
                        to="performance.rhk",
                        verbose_name="RHK pimpinan yang diintervensi",
                    ),
                ),
            ],
            options={
                "verbose_name": "RHK",
                "verbose_name_plural": "RHK",
                "ordering": ["skp", "-jenis", "order", "pk"],
            },
        ),
        migrations.AddField(
            model_name="indicator",
            name="rhk",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="indicators",
                to="performance.rhk",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalIndicator",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "aspek",
                    models.CharField(
                        choices=[
                            ("kuantitas", "Kuantitas"),
                            ("kualitas", "Kualitas"),
                            ("waktu", "Waktu"),
                            ("biaya", "Biaya"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "text",
                    models.TextField(max_length=1000, verbose_name="indikator kinerja individu"),
                ),
                (
                    "target_value",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=14,
                        null=True,
                        verbose_name="target",
                    ),
                ),
                (
                    "target_satuan",
                    models.CharField(blank=True, max_length=60, verbose_name="satuan"),
                ),
                (
                    "target_text",
                    models.CharField(
                        blank=True, max_length=300, verbose_name="target (kualitatif)"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "rhk",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="performance.rhk",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical IKI",
                "verbose_name_plural": "historical IKI",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="rhk",
            name="skp",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rhks",
                to="performance.skp",
            ),
        ),
        migrations.CreateModel(
            name="ReportDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[("antri", "Menunggu"), ("selesai", "Selesai"), ("gagal", "Gagal")],
                        default="antri",
                        max_length=8,
                    ),
                ),
                ("run", models.PositiveIntegerField(default=1)),
                ("rendered_run", models.PositiveIntegerField(default=0)),
                ("attempts", models.PositiveSmallIntegerField(default=0)),
                ("error", models.TextField(blank=True, max_length=2000)),
                (
                    "file",
                    models.FileField(
                        blank=True, upload_to=performance.models.report_jobs.report_file_path
                    ),
                ),
                ("sha256", models.CharField(blank=True, max_length=64)),
                ("rendered_at", models.DateTimeField(blank=True, null=True)),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="report_documents",
                        to="positions.employee",
                    ),
                ),
                (
                    "skp",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="performance.skp",
                    ),
                ),
                (
                    "job",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="documents",
                        to="performance.reportjob",
                    ),
                ),
            ],
            options={
                "verbose_name": "dokumen laporan",
                "verbose_name_plural": "dokumen laporan",
                "ordering": ["job", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalSKP",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                ("period_start", models.DateField(verbose_name="awal periode")),
                ("period_end", models.DateField(verbose_name="akhir periode")),
                (
                    "pendekatan",
                    models.CharField(
                        choices=[("kuantitatif", "Kuantitatif"), ("kualitatif", "Kualitatif")],
                        max_length=12,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draf"),
                            ("diajukan", "Diajukan"),
                            ("dikembalikan", "Dikembalikan"),
                            ("disetujui", "Disetujui"),
                        ],
                        default="draft",
                        max_length=12,
                    ),
                ),
                (
                    "return_note",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="catatan pengembalian"
                    ),
                ),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("approved_at", models.DateTimeField(blank=True, null=True)),
                ("revision", models.PositiveSmallIntegerField(default=1, verbose_name="revisi")),
                ("superseded_at", models.DateTimeField(blank=True, null=True)),
                ("snapshot", models.JSONField(blank=True, default=dict)),
                (
                    "dukungan_sumber_daya",
                    models.TextField(
                        blank=True, max_length=4000, verbose_name="dukungan sumber daya"
                    ),
                ),
                (
                    "skema_pertanggungjawaban",
                    models.TextField(
                        blank=True, max_length=4000, verbose_name="skema pertanggungjawaban"
                    ),
                ),
                (
                    "konsekuensi",
                    models.TextField(blank=True, max_length=4000, verbose_name="konsekuensi"),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "atasan_penilai",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "penilai",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "penilai_position",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.position",
                    ),
                ),
                (
                    "position",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.position",
                        verbose_name="jabatan",
                    ),
                ),
                (
                    "superseded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="performance.skp",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical SKP",
                "verbose_name_plural": "historical SKP",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRHK",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "jenis",
                    models.CharField(
                        choices=[("utama", "Utama"), ("tambahan", "Tambahan")],
                        default="utama",
                        max_length=10,
                    ),
                ),
                ("text", models.TextField(max_length=1000, verbose_name="rencana hasil kerja")),
                (
                    "perspektif",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("penerima_layanan", "Penerima Layanan"),
                            ("proses_bisnis", "Proses Bisnis"),
                            ("penguatan_internal", "Penguatan Internal"),
                            ("anggaran", "Anggaran"),
                        ],
                        max_length=20,
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent_rhk",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="performance.rhk",
                        verbose_name="RHK pimpinan yang diintervensi",
                    ),
                ),
                (
                    "skp",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="performance.skp",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical RHK",
                "verbose_name_plural": "historical RHK",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEvaluation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "period",
                    models.CharField(
                        choices=[
                            ("tw1", "Triwulan I"),
                            ("tw2", "Triwulan II"),
                            ("tw3", "Triwulan III"),
                            ("tw4", "Triwulan IV / Akhir"),
                        ],
                        max_length=4,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draf"), ("final", "Final")],
                        default="draft",
                        max_length=6,
                    ),
                ),
                (
                    "rating_hasil",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("diatas", "Di Atas Ekspektasi"),
                            ("sesuai", "Sesuai Ekspektasi"),
                            ("dibawah", "Di Bawah Ekspektasi"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "rating_perilaku",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("diatas", "Di Atas Ekspektasi"),
                            ("sesuai", "Sesuai Ekspektasi"),
                            ("dibawah", "Di Bawah Ekspektasi"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "predikat",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("sangat_baik", "Sangat Baik"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang/Misconduct"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "umpan_balik",
                    models.TextField(blank=True, max_length=4000, verbose_name="umpan balik umum"),
                ),
                ("finalised_at", models.DateTimeField(blank=True, null=True)),
                ("version", models.PositiveIntegerField(default=0)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "finalised_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "skp",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="performance.skp",
                    ),
                ),
                (
                    "finalise_note",
                    models.CharField(
                        blank=True, max_length=1000, verbose_name="catatan finalisasi"
                    ),
                ),
                (
                    "realisasi_sent_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="realisasi dikirim pada"
                    ),
                ),
            ],
            options={
                "verbose_name": "historical evaluasi kinerja",
                "verbose_name_plural": "historical evaluasi kinerja",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="BehaviourExpectation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "value",
                    models.CharField(
                        choices=[
                            ("berorientasi_pelayanan", "Berorientasi Pelayanan"),
                            ("akuntabel", "Akuntabel"),
                            ("kompeten", "Kompeten"),
                            ("harmonis", "Harmonis"),
                            ("loyal", "Loyal"),
                            ("adaptif", "Adaptif"),
                            ("kolaboratif", "Kolaboratif"),
                        ],
                        max_length=30,
                        verbose_name="nilai",
                    ),
                ),
                (
                    "ekspektasi",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="ekspektasi khusus pimpinan"
                    ),
                ),
                (
                    "skp",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="expectations",
                        to="performance.skp",
                    ),
                ),
            ],
            options={
                "verbose_name": "ekspektasi perilaku",
                "verbose_name_plural": "ekspektasi perilaku",
            },
        ),
        migrations.CreateModel(
            name="BehaviourFeedback",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "value",
                    models.CharField(
                        choices=[
                            ("berorientasi_pelayanan", "Berorientasi Pelayanan"),
                            ("akuntabel", "Akuntabel"),
                            ("kompeten", "Kompeten"),
                            ("harmonis", "Harmonis"),
                            ("loyal", "Loyal"),
                            ("adaptif", "Adaptif"),
                            ("kolaboratif", "Kolaboratif"),
                        ],
                        max_length=30,
                        verbose_name="nilai",
                    ),
                ),
                (
                    "umpan_balik",
                    models.TextField(blank=True, max_length=4000, verbose_name="umpan balik"),
                ),
                (
                    "evaluation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="behaviour_feedback",
                        to="performance.evaluation",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("umpan_balik__length__lte", 4000)),
                        name="feedback_umpan_balik_length",
                        violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
                    ),
                    models.UniqueConstraint(
                        fields=("evaluation", "value"), name="feedback_once_per_value"
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="OrganisationPerformance",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                (
                    "predikat",
                    models.CharField(
                        choices=[
                            ("istimewa", "Istimewa"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                    ),
                ),
                ("closed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "set_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="performances",
                        to="positions.orgunit",
                    ),
                ),
            ],
            options={
                "verbose_name": "kinerja organisasi",
                "verbose_name_plural": "kinerja organisasi",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("unit", "year"), name="org_performance_once_per_year"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="RatingHistory",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                (
                    "regime",
                    models.CharField(
                        choices=[
                            ("pp46", "PP 46/2011"),
                            ("pp30", "PP 30/2019"),
                            ("permenpan6", "PermenPANRB 6/2022"),
                        ],
                        max_length=12,
                    ),
                ),
                (
                    "rating_hasil",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("diatas", "Di Atas Ekspektasi"),
                            ("sesuai", "Sesuai Ekspektasi"),
                            ("dibawah", "Di Bawah Ekspektasi"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "rating_perilaku",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("diatas", "Di Atas Ekspektasi"),
                            ("sesuai", "Sesuai Ekspektasi"),
                            ("dibawah", "Di Bawah Ekspektasi"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "predikat",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("sangat_baik", "Sangat Baik"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang/Misconduct"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "nilai_skp",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True),
                ),
                ("sebutan", models.CharField(blank=True, max_length=20)),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rating_history",
                        to="positions.employee",
                    ),
                ),
            ],
            options={
                "verbose_name": "riwayat penilaian kinerja",
                "verbose_name_plural": "riwayat penilaian kinerja",
                "ordering": ["-year"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("employee", "year"), name="rating_history_once_a_year"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Realisation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "value",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=14,
                        null=True,
                        verbose_name="realisasi",
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="realisasi (uraian)"
                    ),
                ),
                (
                    "evidence",
                    models.FileField(
                        blank=True,
                        upload_to=performance.models.evaluation.evidence_path,
                        verbose_name="bukti dukung",
                    ),
                ),
                ("evidence_name", models.CharField(blank=True, max_length=200)),
                ("evidence_link", models.URLField(blank=True, verbose_name="tautan bukti dukung")),
                (
                    "umpan_balik",
                    models.TextField(blank=True, max_length=4000, verbose_name="umpan balik"),
                ),
                (
                    "evaluation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="realisations",
                        to="performance.evaluation",
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="realisations",
                        to="performance.indicator",
                    ),
                ),
            ],
            options={
                "verbose_name": "realisasi",
                "verbose_name_plural": "realisasi",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("text__length__lte", 2000)),
                        name="realisation_text_length",
                        violation_error_message="Teks terlalu panjang: paling banyak 2.000 karakter.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("umpan_balik__length__lte", 4000)),
                        name="realisation_umpan_balik_length",
                        violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
                    ),
                    models.UniqueConstraint(
                        fields=("evaluation", "indicator"), name="realisation_once_per_indicator"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("value__isnull", True), ("value__gte", 0), _connector="OR"
                        ),
                        name="realisation_value_non_negative",
                        violation_error_message="Nilai realisasi tidak boleh negatif.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="DocumentVerification",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.CharField(max_length=14, unique=True, verbose_name="kode verifikasi"),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                ("name", models.CharField(max_length=200, verbose_name="nama")),
                (
                    "predikat",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("sangat_baik", "Sangat Baik"),
                            ("baik", "Baik"),
                            ("butuh_perbaikan", "Butuh Perbaikan"),
                            ("kurang", "Kurang/Misconduct"),
                            ("sangat_kurang", "Sangat Kurang"),
                        ],
                        max_length=20,
                    ),
                ),
                ("sha256", models.CharField(max_length=64)),
                ("issued_at", models.DateTimeField(auto_now_add=True)),
                ("superseded_at", models.DateTimeField(blank=True, null=True)),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="verifications",
                        to="performance.reportdocument",
                    ),
                ),
            ],
            options={
                "verbose_name": "verifikasi dokumen",
                "verbose_name_plural": "verifikasi dokumen",
                "ordering": ["-issued_at"],
                "indexes": [
                    models.Index(fields=["employee", "year"], name="performance_employe_86f9c3_idx")
                ],
            },
        ),
        migrations.AddIndex(
            model_name="reportjob",
            index=models.Index(
                fields=["requested_by", "-created_at"], name="performance_request_438ce4_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="reportjob",
            constraint=models.CheckConstraint(
                condition=models.Q(("error__length__lte", 4000)),
                name="reportjob_error_length",
                violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportjob",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "unit"), ("unit__isnull", False), ("employee__isnull", True)),
                    models.Q(("kind", "pegawai"), ("employee__isnull", False)),
                    _connector="OR",
                ),
                name="reportjob_target_matches_kind",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.CheckConstraint(
                condition=models.Q(("text__length__lte", 1000)),
                name="indicator_text_length",
                violation_error_message="Teks terlalu panjang: paling banyak 1.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.UniqueConstraint(
                fields=("rhk", "aspek"),
                name="indicator_once_per_aspek",
                violation_error_message="RHK ini sudah memiliki IKI untuk aspek tersebut.",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("target_value__isnull", True), ("target_value__gte", 0), _connector="OR"
                ),
                name="indicator_target_non_negative",
                violation_error_message="Target IKI tidak boleh negatif.",
            ),
        ),
        migrations.AddConstraint(
            model_name="skp",
            constraint=models.CheckConstraint(
                condition=models.Q(("return_note__length__lte", 2000)),
                name="skp_return_note_length",
                violation_error_message="Teks terlalu panjang: paling banyak 2.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="skp",
            constraint=models.CheckConstraint(
                condition=models.Q(("dukungan_sumber_daya__length__lte", 4000)),
                name="skp_dukungan_length",
                violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="skp",
            constraint=models.CheckConstraint(
                condition=models.Q(("skema_pertanggungjawaban__length__lte", 4000)),
                name="skp_skema_length",
                violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="skp",
            constraint=models.CheckConstraint(
                condition=models.Q(("konsekuensi__length__lte", 4000)),
                name="skp_konsekuensi_length",
                violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="skp",
            constraint=models.UniqueConstraint(
                condition=models.Q(("superseded_at__isnull", True)),
                fields=("employee", "period_start"),
                name="skp_one_current_per_period",
                violation_error_message="Pegawai sudah memiliki SKP untuk periode ini.",
            ),
        ),
        migrations.AddConstraint(
            model_name="skp",
            constraint=models.CheckConstraint(
                condition=models.Q(("period_end__gte", models.F("period_start"))),
                name="skp_period_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="skp",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("period_end__year", models.F("year")), ("period_start__year", models.F("year"))
                ),
                name="skp_period_in_year",
                violation_error_message="Periode SKP harus berada di dalam tahun SKP.",
            ),
        ),
        migrations.AddConstraint(
            model_name="skp",
            constraint=models.CheckConstraint(
                condition=models.Q(("revision__gte", 1)),
                name="skp_revision_from_1",
                violation_error_message="Nomor revisi SKP dimulai dari 1.",
            ),
        ),
        migrations.AddConstraint(
            model_name="skp",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("superseded_by__isnull", True),
                    ("superseded_at__isnull", False),
                    _connector="OR",
                ),
                name="skp_superseded_has_time",
                violation_error_message="SKP yang digantikan revisi wajib mencatat waktunya.",
            ),
        ),
        migrations.AddConstraint(
            model_name="rhk",
            constraint=models.CheckConstraint(
                condition=models.Q(("text__length__lte", 1000)),
                name="rhk_text_length",
                violation_error_message="Teks terlalu panjang: paling banyak 1.000 karakter.",
            ),
        ),
        migrations.AddIndex(
            model_name="reportdocument",
            index=models.Index(fields=["job", "state"], name="performance_job_id_cfeddc_idx"),
        ),
        migrations.AddConstraint(
            model_name="reportdocument",
            constraint=models.CheckConstraint(
                condition=models.Q(("error__length__lte", 2000)),
                name="reportdoc_error_length",
                violation_error_message="Teks terlalu panjang: paling banyak 2.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportdocument",
            constraint=models.UniqueConstraint(
                fields=("job", "employee"), name="reportdoc_once_per_job"
            ),
        ),
        migrations.AddConstraint(
            model_name="reportdocument",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("state", "selesai"), _negated=True),
                    models.Q(
                        models.Q(("file", ""), _negated=True),
                        models.Q(("sha256", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="reportdoc_done_has_file",
            ),
        ),
        migrations.AddConstraint(
            model_name="evaluation",
            constraint=models.CheckConstraint(
                condition=models.Q(("umpan_balik__length__lte", 4000)),
                name="evaluation_umpan_balik_length",
                violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="evaluation",
            constraint=models.UniqueConstraint(
                fields=("skp", "period"), name="evaluation_once_per_period"
            ),
        ),
        migrations.AddConstraint(
            model_name="evaluation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "final"), _negated=True),
                    models.Q(
                        models.Q(("rating_hasil", ""), _negated=True),
                        models.Q(("predikat", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="evaluation_final_is_rated",
            ),
        ),
        migrations.AddConstraint(
            model_name="evaluation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "final"), _negated=True),
                    models.Q(("rating_perilaku", ""), _negated=True),
                    _connector="OR",
                ),
                name="evaluation_final_has_perilaku",
                violation_error_message="Evaluasi final wajib memiliki rating perilaku kerja.",
            ),
        ),
        migrations.AddConstraint(
            model_name="behaviourexpectation",
            constraint=models.CheckConstraint(
                condition=models.Q(("ekspektasi__length__lte", 2000)),
                name="expectation_ekspektasi_length",
                violation_error_message="Teks terlalu panjang: paling banyak 2.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="behaviourexpectation",
            constraint=models.UniqueConstraint(
                fields=("skp", "value"), name="expectation_once_per_value"
            ),
        ),
        migrations.RunPython(seed_predikat_matrix_and_curve, migrations.RunPython.noop),
    ]
