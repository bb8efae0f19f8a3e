"""Copy every row of the test database into memory and put it back, exactly, later.

The browser journeys run on `seed_demo`'s data and commit real transactions, so the database
is flushed after each one. Seeding the demo takes most of a journey's time; instead the first
journey of a test process seeds it and takes a `Snapshot`, and every later one restores that
snapshot: the same rows, with the same primary keys and the same stored timestamps, that
`seed_demo` wrote (tests/e2e/conftest.py, fixture `demo`).

Rows are read with the ORM (`values_list` over each model's own columns) and written back with
raw inserts (no `save()`, no signals, no `auto_now`), as `loaddata` does, inside one
transaction, so the foreign keys (DEFERRABLE INITIALLY DEFERRED on PostgreSQL and SQLite) are
checked at its end. PostgreSQL sequences are then moved past the restored ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.models import Model


def _models(using: str) -> list[type[Model]]:
    """Every table the migrations created: concrete models and the m2m through tables."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or not router.allow_migrate_model(using, model):
            continue
        if meta.parents:
            raise NotImplementedError(
                f"{meta.label}: multi-table inheritance is not handled by tests/dbsnapshot.py"
            )
        found.append(model)
    return found


def _columns(model: type[Model]) -> list:
    return [f for f in model._meta.local_concrete_fields if not getattr(f, "generated", False)]


def row_counts(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Rows per table: what a restore expects to find before it replaces everything."""
    return {m._meta.db_table: m._base_manager.using(using).count() for m in _models(using)}


@dataclass
class Snapshot:
    tables: list[tuple[type[Model], list[str], list[tuple]]]

    @classmethod
    def take(cls, using: str = DEFAULT_DB_ALIAS) -> Snapshot:
        tables = []
        for model in _models(using):
            names = [f.attname for f in _columns(model)]
            rows = list(model._base_manager.using(using).order_by().values_list(*names))
            tables.append((model, names, rows))
        return cls(tables)

    @property
    def size(self) -> int:
        return sum(len(rows) for _, _, rows in self.tables)

    def restore(self, using: str = DEFAULT_DB_ALIAS) -> None:
        """Empty every table, then write the snapshot's rows back as they were."""
        call_command(
            "flush", database=using, interactive=False, verbosity=0, inhibit_post_migrate=True
        )
        connection = connections[using]
        with transaction.atomic(using=using):
            for model, names, rows in self.tables:
                if not rows:
                    continue
                fields = _columns(model)
                objs = [model(**dict(zip(names, row, strict=True))) for row in rows]
                size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
                manager = model._base_manager.using(using)
                for start in range(0, len(objs), size):
                    # raw=True: the stored values as they are (no auto_now, no pre_save).
                    manager._insert(objs[start : start + size], fields=fields, raw=True)
            models = [model for model, _, rows in self.tables if rows]
            statements = connection.ops.sequence_reset_sql(no_style(), models)
            if statements:
                with connection.cursor() as cursor:
                    for sql in statements:
                        cursor.execute(sql)
        # Cached lookups keyed by id are stale after the flush: read them again.
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
