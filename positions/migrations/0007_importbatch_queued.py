# The commit of an import runs as a Celery task: a batch waits in "queued" until it is saved.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("positions", "0006_employee_name_trigram_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="importbatch",
            name="status",
            field=models.CharField(
                choices=[
                    ("preview", "Pratinjau"),
                    ("queued", "Sedang disimpan"),
                    ("committed", "Sudah disimpan"),
                    ("failed", "Gagal"),
                ],
                default="preview",
                max_length=10,
                verbose_name="status",
            ),
        ),
    ]
