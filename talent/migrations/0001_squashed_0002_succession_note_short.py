"""The talent app's schema in one migration, squashing 0001–0002 (docs/migrations.md).

The fields of each CreateModel stand in the column order that the old history gave a
database (fields added later last), so new and upgraded databases are the same; keep it.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("talent", "0001_talent_grid_succession"),
        ("talent", "0002_succession_note_short"),
    ]

    dependencies = [
        ("positions", "0001_squashed_0011_jpt_selection"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CriticalPost",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("marked_at", models.DateTimeField(auto_now_add=True)),
                (
                    "marked_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "position",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="critical",
                        to="positions.position",
                        verbose_name="jabatan",
                    ),
                ),
            ],
            options={
                "verbose_name": "jabatan kritikal",
                "verbose_name_plural": "jabatan kritikal",
            },
        ),
        migrations.CreateModel(
            name="HistoricalCriticalPost",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("marked_at", models.DateTimeField(blank=True, editable=False)),
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
                    "marked_by",
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
            ],
            options={
                "verbose_name": "historical jabatan kritikal",
                "verbose_name_plural": "historical jabatan kritikal",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlannedMove",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("move_date", models.DateField(verbose_name="tanggal rencana")),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="keterangan")),
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
                    "position",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.position",
                        verbose_name="jabatan ditinggalkan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical rencana mutasi",
                "verbose_name_plural": "historical rencana mutasi",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PlannedMove",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("move_date", models.DateField(verbose_name="tanggal rencana")),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="keterangan")),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="planned_moves",
                        to="positions.employee",
                        verbose_name="pegawai",
                    ),
                ),
                (
                    "position",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="planned_moves",
                        to="positions.position",
                        verbose_name="jabatan ditinggalkan",
                    ),
                ),
            ],
            options={
                "verbose_name": "rencana mutasi",
                "verbose_name_plural": "rencana mutasi",
                "ordering": ["move_date"],
            },
        ),
        migrations.CreateModel(
            name="TalentRun",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun predikat terakhir")),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("pending", "Sedang dihitung"),
                            ("done", "Selesai"),
                            ("failed", "Gagal"),
                        ],
                        default="pending",
                        max_length=10,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                (
                    "above_min_sangat_baik",
                    models.PositiveSmallIntegerField(
                        default=1, verbose_name="jumlah 'Sangat Baik' untuk di atas ekspektasi"
                    ),
                ),
                (
                    "below_min_years",
                    models.PositiveSmallIntegerField(
                        default=1,
                        verbose_name="jumlah tahun di bawah 'Baik' untuk di bawah ekspektasi",
                    ),
                ),
                (
                    "single_year_counts",
                    models.BooleanField(
                        default=True,
                        verbose_name="satu tahun berpredikat sudah cukup untuk dipetakan",
                    ),
                ),
                (
                    "weight_kompetensi",
                    models.PositiveSmallIntegerField(
                        default=50, verbose_name="bobot kompetensi (%)"
                    ),
                ),
                (
                    "weight_kualifikasi",
                    models.PositiveSmallIntegerField(
                        default=20, verbose_name="bobot kualifikasi (%)"
                    ),
                ),
                (
                    "weight_rekam_jejak",
                    models.PositiveSmallIntegerField(
                        default=30, verbose_name="bobot rekam jejak (%)"
                    ),
                ),
                (
                    "threshold_tinggi",
                    models.PositiveSmallIntegerField(
                        default=75, verbose_name="batas potensial tinggi"
                    ),
                ),
                (
                    "threshold_menengah",
                    models.PositiveSmallIntegerField(
                        default=55, verbose_name="batas potensial menengah"
                    ),
                ),
                (
                    "employee_count",
                    models.PositiveIntegerField(default=0, verbose_name="pegawai dihitung"),
                ),
                ("error", models.CharField(blank=True, max_length=500)),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="dihitung oleh",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.orgunit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "perhitungan talenta",
                "verbose_name_plural": "perhitungan talenta",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="TalentResult",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("unit_path", models.CharField(max_length=255)),
                (
                    "jenis",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("jpt_utama", "JPT Utama"),
                            ("jpt_madya", "JPT Madya"),
                            ("jpt_pratama", "JPT Pratama"),
                            ("administrator", "Administrator"),
                            ("pengawas", "Pengawas"),
                            ("pelaksana", "Pelaksana"),
                            ("fungsional", "Fungsional"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "kinerja",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("atas", "Di atas ekspektasi"),
                            ("sesuai", "Sesuai ekspektasi"),
                            ("bawah", "Di bawah ekspektasi"),
                        ],
                        max_length=6,
                    ),
                ),
                (
                    "potensial",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("rendah", "Rendah"),
                            ("menengah", "Menengah"),
                            ("tinggi", "Tinggi"),
                        ],
                        max_length=8,
                    ),
                ),
                ("kotak", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("potential_score", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("score_kompetensi", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("score_kualifikasi", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("score_rekam_jejak", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("explanation", models.CharField(max_length=500, verbose_name="penjelasan")),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="talent_results",
                        to="positions.employee",
                    ),
                ),
                (
                    "position",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="positions.position",
                    ),
                ),
                (
                    "run",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="results",
                        to="talent.talentrun",
                    ),
                ),
            ],
            options={
                "verbose_name": "hasil pemetaan talenta",
                "verbose_name_plural": "hasil pemetaan talenta",
            },
        ),
        migrations.CreateModel(
            name="SuccessionPlan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.PositiveSmallIntegerField(verbose_name="versi")),
                ("approved_at", models.DateTimeField(auto_now_add=True)),
                ("note", models.CharField(blank=True, max_length=500, verbose_name="catatan")),
                (
                    "approved_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "position",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="succession_plans",
                        to="positions.position",
                    ),
                ),
                (
                    "run",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="talent.talentrun",
                    ),
                ),
            ],
            options={
                "verbose_name": "rencana suksesi",
                "verbose_name_plural": "rencana suksesi",
                "ordering": ["position", "-version"],
            },
        ),
        migrations.CreateModel(
            name="SuccessionCandidate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("rank", models.PositiveSmallIntegerField(verbose_name="urutan")),
                ("kotak", models.PositiveSmallIntegerField()),
                (
                    "readiness",
                    models.CharField(
                        choices=[
                            ("sekarang", "Siap sekarang"),
                            ("1_2", "Siap 1–2 tahun"),
                            ("lebih", "Siap lebih dari 2 tahun"),
                        ],
                        max_length=10,
                        verbose_name="kesiapan",
                    ),
                ),
                ("gaps", models.CharField(blank=True, max_length=300, verbose_name="kekurangan")),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.employee",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="candidates",
                        to="talent.successionplan",
                    ),
                ),
            ],
            options={
                "verbose_name": "suksesor",
                "verbose_name_plural": "suksesor",
                "ordering": ["plan", "rank"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("plan", "employee"), name="succession_candidate_once"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("kotak__gte", 1), ("kotak__lte", 9)),
                        name="succession_candidate_kotak_1_9",
                    ),
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="talentrun",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("weight_kompetensi__lte", 100),
                    ("weight_kualifikasi__lte", 100),
                    ("weight_rekam_jejak__lte", 100),
                ),
                name="talentrun_weights_at_most_100",
            ),
        ),
        migrations.AddConstraint(
            model_name="talentrun",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("threshold_menengah__lt", models.F("threshold_tinggi")),
                    ("threshold_tinggi__lte", 100),
                ),
                name="talentrun_thresholds_ordered",
                violation_error_message="Batas menengah harus di bawah batas tinggi (≤ 100).",
            ),
        ),
        migrations.AddConstraint(
            model_name="talentrun",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("above_min_sangat_baik__in", [1, 2]), ("below_min_years__in", [1, 2])
                ),
                name="talentrun_rule_counts_1_2",
            ),
        ),
        migrations.AddIndex(
            model_name="talentresult",
            index=models.Index(fields=["run", "kotak", "unit_path"], name="talentresult_run_kotak"),
        ),
        migrations.AddIndex(
            model_name="talentresult",
            index=models.Index(
                fields=["run", "unit_path"],
                name="talentresult_run_path",
                opclasses=["", "varchar_pattern_ops"],
            ),
        ),
        migrations.AddConstraint(
            model_name="talentresult",
            constraint=models.UniqueConstraint(
                fields=("run", "employee"), name="talentresult_once_per_run"
            ),
        ),
        migrations.AddConstraint(
            model_name="talentresult",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("kotak__isnull", True),
                    models.Q(("kotak__gte", 1), ("kotak__lte", 9)),
                    _connector="OR",
                ),
                name="talentresult_kotak_1_9",
            ),
        ),
        migrations.AddConstraint(
            model_name="successionplan",
            constraint=models.UniqueConstraint(
                fields=("position", "version"), name="succession_version_once"
            ),
        ),
    ]
