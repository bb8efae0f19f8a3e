"""The training app's schema in one migration, squashing 0001–0004 (docs/migrations.md).

The fields of each CreateModel stand in the column order that the old history gave a
database (fields added later last), so new and upgraded databases are the same; keep it.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import training.models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("training", "0001_catalog_events_participations_plans"),
        ("training", "0002_invariant_constraints"),
        ("training", "0003_join_requests"),
        ("training", "0004_text_length_limits"),
    ]

    dependencies = [
        ("positions", "0001_squashed_0011_jpt_selection"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Session",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(verbose_name="tanggal")),
                ("start_time", models.TimeField(verbose_name="mulai")),
                ("end_time", models.TimeField(verbose_name="selesai")),
                ("topic", models.CharField(max_length=200, verbose_name="materi")),
            ],
            options={
                "ordering": ["date", "start_time"],
            },
        ),
        migrations.CreateModel(
            name="DevelopmentPlan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draf"), ("approved", "Disetujui")],
                        default="draft",
                        max_length=10,
                    ),
                ),
                ("approved_at", models.DateTimeField(blank=True, null=True)),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="development_plans",
                        to="positions.orgunit",
                    ),
                ),
            ],
            options={
                "verbose_name": "rencana pengembangan",
                "verbose_name_plural": "rencana pengembangan",
            },
        ),
        migrations.CreateModel(
            name="HistoricalDevelopmentPlan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="tahun")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draf"), ("approved", "Disetujui")],
                        default="draft",
                        max_length=10,
                    ),
                ),
                ("approved_at", models.DateTimeField(blank=True, null=True)),
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
                        to=settings.AUTH_USER_MODEL,
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
                "verbose_name": "historical rencana pengembangan",
                "verbose_name_plural": "historical rencana pengembangan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTrainingProgram",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(db_index=True, max_length=30, verbose_name="kode")),
                ("name", models.CharField(max_length=200, verbose_name="nama pelatihan")),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("pkn1", "PKN Tingkat I"),
                            ("pkn2", "PKN Tingkat II"),
                            ("pka", "PKA (Kepemimpinan Administrator)"),
                            ("pkp", "PKP (Kepemimpinan Pengawas)"),
                            ("latsar", "Latsar CPNS"),
                            ("teknis", "Teknis"),
                            ("fungsional", "Fungsional"),
                            ("manajerial", "Manajerial"),
                            ("sosial_kultural", "Sosial kultural"),
                            ("seminar", "Seminar/konferensi/sarasehan"),
                            ("workshop", "Workshop/lokakarya"),
                            ("kursus", "Kursus/bimbingan teknis"),
                        ],
                        max_length=20,
                        verbose_name="kategori",
                    ),
                ),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("klasikal", "Klasikal"),
                            ("e_learning", "Non-klasikal: e-learning"),
                            ("jarak_jauh", "Non-klasikal: pelatihan jarak jauh"),
                            ("coaching", "Non-klasikal: coaching"),
                            ("mentoring", "Non-klasikal: mentoring"),
                            ("magang", "Non-klasikal: magang/praktik kerja"),
                            ("detasering", "Non-klasikal: detasering"),
                            ("belajar_mandiri", "Non-klasikal: belajar mandiri"),
                            ("komunitas", "Non-klasikal: komunitas belajar"),
                            ("patok_banding", "Non-klasikal: patok banding"),
                        ],
                        max_length=20,
                        verbose_name="metode",
                    ),
                ),
                (
                    "jp",
                    models.PositiveSmallIntegerField(
                        validators=[django.core.validators.MinValueValidator(1)], verbose_name="JP"
                    ),
                ),
                ("provider", models.CharField(max_length=200, verbose_name="penyelenggara")),
                (
                    "description",
                    models.TextField(blank=True, max_length=4000, verbose_name="deskripsi"),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="aktif")),
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
            ],
            options={
                "verbose_name": "historical program pelatihan",
                "verbose_name_plural": "historical program pelatihan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Participation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(blank=True, max_length=200, verbose_name="nama kegiatan"),
                ),
                (
                    "method",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("klasikal", "Klasikal"),
                            ("e_learning", "Non-klasikal: e-learning"),
                            ("jarak_jauh", "Non-klasikal: pelatihan jarak jauh"),
                            ("coaching", "Non-klasikal: coaching"),
                            ("mentoring", "Non-klasikal: mentoring"),
                            ("magang", "Non-klasikal: magang/praktik kerja"),
                            ("detasering", "Non-klasikal: detasering"),
                            ("belajar_mandiri", "Non-klasikal: belajar mandiri"),
                            ("komunitas", "Non-klasikal: komunitas belajar"),
                            ("patok_banding", "Non-klasikal: patok banding"),
                        ],
                        max_length=20,
                        verbose_name="bentuk",
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("pkn1", "PKN Tingkat I"),
                            ("pkn2", "PKN Tingkat II"),
                            ("pka", "PKA (Kepemimpinan Administrator)"),
                            ("pkp", "PKP (Kepemimpinan Pengawas)"),
                            ("latsar", "Latsar CPNS"),
                            ("teknis", "Teknis"),
                            ("fungsional", "Fungsional"),
                            ("manajerial", "Manajerial"),
                            ("sosial_kultural", "Sosial kultural"),
                            ("seminar", "Seminar/konferensi/sarasehan"),
                            ("workshop", "Workshop/lokakarya"),
                            ("kursus", "Kursus/bimbingan teknis"),
                        ],
                        max_length=20,
                        verbose_name="kategori",
                    ),
                ),
                ("start_date", models.DateField(verbose_name="mulai")),
                ("end_date", models.DateField(verbose_name="selesai")),
                ("jp", models.PositiveSmallIntegerField(verbose_name="JP")),
                (
                    "result",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Belum ada hasil"),
                            ("lulus", "Lulus"),
                            ("tidak_lulus", "Tidak lulus"),
                        ],
                        max_length=12,
                        verbose_name="hasil",
                    ),
                ),
                (
                    "certificate_number",
                    models.CharField(blank=True, max_length=100, verbose_name="nomor sertifikat"),
                ),
                (
                    "certificate",
                    models.FileField(
                        blank=True,
                        upload_to=training.models.certificate_path,
                        verbose_name="sertifikat",
                    ),
                ),
                ("certificate_name", models.CharField(blank=True, max_length=200)),
                ("is_self_reported", models.BooleanField(default=False)),
                (
                    "verification",
                    models.CharField(
                        choices=[
                            ("pending", "Menunggu verifikasi"),
                            ("verified", "Terverifikasi"),
                            ("rejected", "Ditolak"),
                        ],
                        default="pending",
                        max_length=10,
                    ),
                ),
                (
                    "verification_note",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="catatan verifikasi"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participations",
                        to="positions.employee",
                    ),
                ),
                (
                    "verified_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "riwayat pengembangan kompetensi",
                "verbose_name_plural": "riwayat pengembangan kompetensi",
                "ordering": ["-end_date"],
            },
        ),
        migrations.CreateModel(
            name="Attendance",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("present", models.BooleanField(default=False, verbose_name="hadir")),
                (
                    "participation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="training.participation",
                    ),
                ),
                (
                    "session",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="training.session",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="TrainingEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="angkatan")),
                ("start_date", models.DateField(verbose_name="mulai")),
                ("end_date", models.DateField(verbose_name="selesai")),
                ("place", models.CharField(blank=True, max_length=200, verbose_name="tempat")),
                ("is_online", models.BooleanField(default=False, verbose_name="daring")),
                (
                    "quota",
                    models.PositiveSmallIntegerField(
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="kuota",
                    ),
                ),
                (
                    "organiser_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="training_events",
                        to="positions.orgunit",
                        verbose_name="unit penyelenggara",
                    ),
                ),
            ],
            options={
                "verbose_name": "angkatan pelatihan",
                "verbose_name_plural": "angkatan pelatihan",
                "ordering": ["-start_date"],
            },
        ),
        migrations.AddField(
            model_name="session",
            name="event",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="sessions",
                to="training.trainingevent",
            ),
        ),
        migrations.AddField(
            model_name="participation",
            name="event",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="participations",
                to="training.trainingevent",
            ),
        ),
        migrations.CreateModel(
            name="JoinRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "reason",
                    models.CharField(blank=True, max_length=500, verbose_name="alasan mengikuti"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("diajukan", "Menunggu persetujuan"),
                            ("disetujui", "Disetujui"),
                            ("ditolak", "Ditolak"),
                            ("dibatalkan", "Dibatalkan pegawai"),
                        ],
                        default="diajukan",
                        max_length=10,
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                (
                    "decision_note",
                    models.CharField(blank=True, max_length=500, verbose_name="catatan"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="join_requests",
                        to="positions.employee",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="join_requests",
                        to="training.trainingevent",
                    ),
                ),
            ],
            options={
                "verbose_name": "permohonan ikut pelatihan",
                "verbose_name_plural": "permohonan ikut pelatihan",
                "ordering": ["created_at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalParticipation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(blank=True, max_length=200, verbose_name="nama kegiatan"),
                ),
                (
                    "method",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("klasikal", "Klasikal"),
                            ("e_learning", "Non-klasikal: e-learning"),
                            ("jarak_jauh", "Non-klasikal: pelatihan jarak jauh"),
                            ("coaching", "Non-klasikal: coaching"),
                            ("mentoring", "Non-klasikal: mentoring"),
                            ("magang", "Non-klasikal: magang/praktik kerja"),
                            ("detasering", "Non-klasikal: detasering"),
                            ("belajar_mandiri", "Non-klasikal: belajar mandiri"),
                            ("komunitas", "Non-klasikal: komunitas belajar"),
                            ("patok_banding", "Non-klasikal: patok banding"),
                        ],
                        max_length=20,
                        verbose_name="bentuk",
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("pkn1", "PKN Tingkat I"),
                            ("pkn2", "PKN Tingkat II"),
                            ("pka", "PKA (Kepemimpinan Administrator)"),
                            ("pkp", "PKP (Kepemimpinan Pengawas)"),
                            ("latsar", "Latsar CPNS"),
                            ("teknis", "Teknis"),
                            ("fungsional", "Fungsional"),
                            ("manajerial", "Manajerial"),
                            ("sosial_kultural", "Sosial kultural"),
                            ("seminar", "Seminar/konferensi/sarasehan"),
                            ("workshop", "Workshop/lokakarya"),
                            ("kursus", "Kursus/bimbingan teknis"),
                        ],
                        max_length=20,
                        verbose_name="kategori",
                    ),
                ),
                ("start_date", models.DateField(verbose_name="mulai")),
                ("end_date", models.DateField(verbose_name="selesai")),
                ("jp", models.PositiveSmallIntegerField(verbose_name="JP")),
                (
                    "result",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Belum ada hasil"),
                            ("lulus", "Lulus"),
                            ("tidak_lulus", "Tidak lulus"),
                        ],
                        max_length=12,
                        verbose_name="hasil",
                    ),
                ),
                (
                    "certificate_number",
                    models.CharField(blank=True, max_length=100, verbose_name="nomor sertifikat"),
                ),
                (
                    "certificate",
                    models.TextField(blank=True, max_length=100, verbose_name="sertifikat"),
                ),
                ("certificate_name", models.CharField(blank=True, max_length=200)),
                ("is_self_reported", models.BooleanField(default=False)),
                (
                    "verification",
                    models.CharField(
                        choices=[
                            ("pending", "Menunggu verifikasi"),
                            ("verified", "Terverifikasi"),
                            ("rejected", "Ditolak"),
                        ],
                        default="pending",
                        max_length=10,
                    ),
                ),
                (
                    "verification_note",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="catatan verifikasi"
                    ),
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
                    "employee",
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
                    "verified_by",
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="training.trainingevent",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical riwayat pengembangan kompetensi",
                "verbose_name_plural": "historical riwayat pengembangan kompetensi",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalJoinRequest",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "reason",
                    models.CharField(blank=True, max_length=500, verbose_name="alasan mengikuti"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("diajukan", "Menunggu persetujuan"),
                            ("disetujui", "Disetujui"),
                            ("ditolak", "Ditolak"),
                            ("dibatalkan", "Dibatalkan pegawai"),
                        ],
                        default="diajukan",
                        max_length=10,
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                (
                    "decision_note",
                    models.CharField(blank=True, max_length=500, verbose_name="catatan"),
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
                    "decided_by",
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
                    "employee",
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="training.trainingevent",
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
            ],
            options={
                "verbose_name": "historical permohonan ikut pelatihan",
                "verbose_name_plural": "historical permohonan ikut pelatihan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="TrainingProgram",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=30, unique=True, verbose_name="kode")),
                ("name", models.CharField(max_length=200, verbose_name="nama pelatihan")),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("pkn1", "PKN Tingkat I"),
                            ("pkn2", "PKN Tingkat II"),
                            ("pka", "PKA (Kepemimpinan Administrator)"),
                            ("pkp", "PKP (Kepemimpinan Pengawas)"),
                            ("latsar", "Latsar CPNS"),
                            ("teknis", "Teknis"),
                            ("fungsional", "Fungsional"),
                            ("manajerial", "Manajerial"),
                            ("sosial_kultural", "Sosial kultural"),
                            ("seminar", "Seminar/konferensi/sarasehan"),
                            ("workshop", "Workshop/lokakarya"),
                            ("kursus", "Kursus/bimbingan teknis"),
                        ],
                        max_length=20,
                        verbose_name="kategori",
                    ),
                ),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("klasikal", "Klasikal"),
                            ("e_learning", "Non-klasikal: e-learning"),
                            ("jarak_jauh", "Non-klasikal: pelatihan jarak jauh"),
                            ("coaching", "Non-klasikal: coaching"),
                            ("mentoring", "Non-klasikal: mentoring"),
                            ("magang", "Non-klasikal: magang/praktik kerja"),
                            ("detasering", "Non-klasikal: detasering"),
                            ("belajar_mandiri", "Non-klasikal: belajar mandiri"),
                            ("komunitas", "Non-klasikal: komunitas belajar"),
                            ("patok_banding", "Non-klasikal: patok banding"),
                        ],
                        max_length=20,
                        verbose_name="metode",
                    ),
                ),
                (
                    "jp",
                    models.PositiveSmallIntegerField(
                        validators=[django.core.validators.MinValueValidator(1)], verbose_name="JP"
                    ),
                ),
                ("provider", models.CharField(max_length=200, verbose_name="penyelenggara")),
                (
                    "description",
                    models.TextField(blank=True, max_length=4000, verbose_name="deskripsi"),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="aktif")),
            ],
            options={
                "verbose_name": "program pelatihan",
                "verbose_name_plural": "program pelatihan",
                "ordering": ["category", "name"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("jp__gte", 1)), name="program_jp_positive"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("description__length__lte", 4000)),
                        name="program_description_length",
                        violation_error_message="Teks terlalu panjang: paling banyak 4.000 karakter.",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="trainingevent",
            name="program",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="events",
                to="training.trainingprogram",
            ),
        ),
        migrations.CreateModel(
            name="ProgramCompetency",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "target_level",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="level sasaran",
                    ),
                ),
                (
                    "competency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="positions.competency",
                    ),
                ),
                (
                    "program",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="competencies",
                        to="training.trainingprogram",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="PlanItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("reason", models.CharField(max_length=300, verbose_name="alasan")),
                ("priority", models.PositiveSmallIntegerField(default=1, verbose_name="prioritas")),
                (
                    "employee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plan_items",
                        to="positions.employee",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="training.developmentplan",
                    ),
                ),
                (
                    "program",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plan_items",
                        to="training.trainingprogram",
                    ),
                ),
            ],
            options={
                "ordering": ["program", "priority"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalTrainingEvent",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="angkatan")),
                ("start_date", models.DateField(verbose_name="mulai")),
                ("end_date", models.DateField(verbose_name="selesai")),
                ("place", models.CharField(blank=True, max_length=200, verbose_name="tempat")),
                ("is_online", models.BooleanField(default=False, verbose_name="daring")),
                (
                    "quota",
                    models.PositiveSmallIntegerField(
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="kuota",
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
                    "organiser_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="positions.orgunit",
                        verbose_name="unit penyelenggara",
                    ),
                ),
                (
                    "program",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="training.trainingprogram",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical angkatan pelatihan",
                "verbose_name_plural": "historical angkatan pelatihan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddConstraint(
            model_name="developmentplan",
            constraint=models.UniqueConstraint(
                fields=("unit", "year"), name="plan_once_per_unit_year"
            ),
        ),
        migrations.AddConstraint(
            model_name="developmentplan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "approved"), _negated=True),
                    models.Q(("approved_at__isnull", False), ("approved_by__isnull", False)),
                    _connector="OR",
                ),
                name="plan_approved_has_approver",
                violation_error_message="Rencana yang disetujui wajib mencatat penyetuju dan waktunya.",
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.UniqueConstraint(
                fields=("participation", "session"), name="attendance_once_per_session"
            ),
        ),
        migrations.AddConstraint(
            model_name="session",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_time__gt", models.F("start_time"))),
                name="session_times_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="participation",
            constraint=models.CheckConstraint(
                condition=models.Q(("verification_note__length__lte", 2000)),
                name="participation_note_length",
                violation_error_message="Teks terlalu panjang: paling banyak 2.000 karakter.",
            ),
        ),
        migrations.AddConstraint(
            model_name="participation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("event__isnull", False)),
                fields=("employee", "event"),
                name="participation_once_per_event",
                violation_error_message="Pegawai sudah terdaftar di angkatan ini.",
            ),
        ),
        migrations.AddConstraint(
            model_name="participation",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_date__gte", models.F("start_date"))),
                name="participation_dates_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="participation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("event__isnull", False),
                    models.Q(("title", ""), _negated=True),
                    _connector="OR",
                ),
                name="participation_event_or_title",
            ),
        ),
        migrations.AddConstraint(
            model_name="joinrequest",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "diajukan")),
                fields=("employee", "event"),
                name="join_request_one_pending",
                violation_error_message="Permohonan ikut angkatan ini sudah diajukan.",
            ),
        ),
        migrations.AddConstraint(
            model_name="joinrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["diajukan", "dibatalkan"]),
                    ("decided_at__isnull", False),
                    _connector="OR",
                ),
                name="join_request_decided_has_time",
            ),
        ),
        migrations.AddConstraint(
            model_name="trainingevent",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_date__gte", models.F("start_date"))),
                name="event_dates_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="trainingevent",
            constraint=models.CheckConstraint(
                condition=models.Q(("quota__gte", 1)), name="event_quota_positive"
            ),
        ),
        migrations.AddConstraint(
            model_name="programcompetency",
            constraint=models.UniqueConstraint(
                fields=("program", "competency"), name="program_competency_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="programcompetency",
            constraint=models.CheckConstraint(
                condition=models.Q(("target_level__gte", 1), ("target_level__lte", 5)),
                name="program_level_1_5",
            ),
        ),
        migrations.AddConstraint(
            model_name="planitem",
            constraint=models.UniqueConstraint(
                fields=("plan", "employee", "program"), name="plan_item_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="planitem",
            constraint=models.CheckConstraint(
                condition=models.Q(("priority__gte", 1)),
                name="plan_item_priority_from_1",
                violation_error_message="Prioritas dimulai dari 1.",
            ),
        ),
    ]
