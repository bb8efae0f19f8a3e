"""The precomputed candidate features (positions/matching/features.py, docs/architecture.md).

A migration of its own after the squash: databases of the previous release stop at 0011, which
the squashed 0001 replaces; the rows are filled after `migrate` (post_migrate handler)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("positions", "0001_squashed_0011_jpt_selection"),
    ]

    operations = [
        migrations.CreateModel(
            name="CandidateFeatures",
            fields=[
                (
                    "employee",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="candidate_features",
                        serialize=False,
                        to="positions.employee",
                    ),
                ),
                (
                    "education_level",
                    models.CharField(blank=True, max_length=2, verbose_name="pendidikan tertinggi"),
                ),
                (
                    "leadership_rank",
                    models.PositiveSmallIntegerField(
                        default=0, verbose_name="pelatihan kepemimpinan tertinggi"
                    ),
                ),
                (
                    "current_level",
                    models.PositiveSmallIntegerField(
                        null=True, verbose_name="jenjang jabatan definitif"
                    ),
                ),
                (
                    "current_start",
                    models.DateField(null=True, verbose_name="TMT jabatan definitif"),
                ),
                (
                    "current_is_jf",
                    models.BooleanField(default=False, verbose_name="jabatan definitif fungsional"),
                ),
                ("since_0", models.DateField(null=True)),
                ("since_1", models.DateField(null=True)),
                ("since_2", models.DateField(null=True)),
                ("since_3", models.DateField(null=True)),
                ("since_4", models.DateField(null=True)),
                ("since_5", models.DateField(null=True)),
                ("months_0", models.IntegerField(default=0)),
                ("months_1", models.IntegerField(default=0)),
                ("months_2", models.IntegerField(default=0)),
                ("months_3", models.IntegerField(default=0)),
                ("months_4", models.IntegerField(default=0)),
                ("months_5", models.IntegerField(default=0)),
                ("refreshed_on", models.DateField(verbose_name="dihitung pada")),
            ],
            options={
                "verbose_name": "fitur kandidat",
                "verbose_name_plural": "fitur kandidat",
            },
        ),
    ]
