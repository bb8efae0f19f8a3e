"""Trigram index for the register's name search (issue 7, load benchmark).

`name__icontains` is `UPPER(name) LIKE UPPER('%…%')`: without this index PostgreSQL reads all
120,000 employees (or walks the whole name index) for every search. PostgreSQL only: the
index is not in the model state (SQLite has no GIN/pg_trgm), so this migration creates it with
SQL and does nothing on other databases. CONCURRENTLY: the table stays writable while the
index builds, hence a non-atomic migration.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

CREATE = (
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS employee_name_upper_trgm "
    "ON positions_employee USING gin (UPPER(name) gin_trgm_ops)"
)
DROP = "DROP INDEX CONCURRENTLY IF EXISTS employee_name_upper_trgm"


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("positions", "0005_invariant_constraints"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP), elidable=False),
    ]
