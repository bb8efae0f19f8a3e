from django.db import migrations, models

CHOICES = [
    ("penerima_layanan", "Penerima Layanan"),
    ("proses_bisnis", "Proses Bisnis"),
    ("penguatan_internal", "Penguatan Internal"),
    ("anggaran", "Anggaran"),
]


class Migration(migrations.Migration):
    """The fourth perspektif of a JPT's RHK (Anggaran): choices only, no data change."""

    dependencies = [
        ("performance", "0007_text_length_limits"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalrhk",
            name="perspektif",
            field=models.CharField(blank=True, choices=CHOICES, max_length=20),
        ),
        migrations.AlterField(
            model_name="rhk",
            name="perspektif",
            field=models.CharField(blank=True, choices=CHOICES, max_length=20),
        ),
    ]
