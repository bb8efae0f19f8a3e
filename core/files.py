"""Stored files follow their rows: a file that a FileField stops pointing to (replaced, cleared,
or its row deleted, also in a cascade) is removed from storage once the transaction commits,
and never when it rolls back. Wired for every FileField of every installed model in
CoreConfig.ready(), so a FileField added later is covered without more code.

What signals cannot see (QuerySet.update(), raw SQL, a crash between storage and database)
is reported by `manage.py check_files`: `find_orphans()` and `find_missing()` below.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.files.storage import Storage
from django.db import models, router, transaction
from django.db.models.signals import post_delete, pre_save

log = logging.getLogger(__name__)


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def models_with_files() -> list[tuple[type[models.Model], list[models.FileField]]]:
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = file_fields(model)
        if fields:
            found.append((model, fields))
    return found


def _delete_when_committed(
    model: type[models.Model], field: models.FileField, name: str, using: str
) -> None:
    storage = field.storage

    def delete() -> None:
        # Another row may point to the same name (a copied row): then the file stays. Names
        # are random per upload (core.uploads.random_storage_name), so one query suffices.
        if model._base_manager.using(using).filter(**{field.attname: name}).exists():
            return
        try:
            storage.delete(name)
        except OSError:  # already gone, or the disk refused: check_files will say so
            log.warning("could not delete stored file %s", name, exc_info=True)

    transaction.on_commit(delete, using=using)


def _remember_old_files(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any
) -> None:
    if raw or instance._state.adding or instance.pk is None:
        return
    update_fields = kwargs.get("update_fields")
    fields = [
        f
        for f in file_fields(sender)
        if update_fields is None or f.name in update_fields or f.attname in update_fields
    ]
    if not fields:
        return
    using = kwargs.get("using") or router.db_for_write(sender, instance=instance)
    old = (
        sender._base_manager.using(using)
        .filter(pk=instance.pk)
        .values_list(*[f.attname for f in fields])
        .first()
    )
    if old is None:
        return
    for field, old_name in zip(fields, old, strict=True):
        new_name = getattr(instance, field.attname).name or ""
        if old_name and old_name != new_name:
            _delete_when_committed(sender, field, old_name, using)


def _forget_files_of_deleted_row(
    sender: type[models.Model], instance: models.Model, using: str, **kwargs: object
) -> None:
    for field in file_fields(sender):
        name = getattr(instance, field.attname).name
        if name:
            _delete_when_committed(sender, field, name, using)


def connect_all() -> None:
    """Called from CoreConfig.ready(): one pair of receivers per model that has files."""
    for model, _fields in models_with_files():
        uid = f"core.files:{model._meta.label}"
        pre_save.connect(_remember_old_files, sender=model, dispatch_uid=uid + ":pre_save")
        post_delete.connect(
            _forget_files_of_deleted_row, sender=model, dispatch_uid=uid + ":post_delete"
        )


# --- The storage check ----------------------------------------------------------------------


def referenced_names() -> dict[int, set[str]]:
    """Every stored name a row points to, grouped by storage (id of the storage object)."""
    names: dict[int, set[str]] = {}
    for model, fields in models_with_files():
        for field in fields:
            values = (
                model._base_manager.exclude(**{field.attname: ""})
                .exclude(**{f"{field.attname}__isnull": True})
                .values_list(field.attname, flat=True)
                .iterator(chunk_size=2000)
            )
            names.setdefault(id(field.storage), set()).update(values)
    return names


def _storages() -> dict[int, Storage]:
    found: dict[int, Storage] = {}
    for _model, fields in models_with_files():
        for field in fields:
            found[id(field.storage)] = field.storage
    return found


def walk(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in a storage, recursively (Storage.listdir gives one level)."""
    try:
        dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in dirs:
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


@dataclass
class FileReport:
    orphans: list[str]
    missing: list[str]

    @property
    def ok(self) -> bool:
        return not self.orphans and not self.missing


def check_storage() -> FileReport:
    """Orphans: files in storage that no row points to. Missing: rows pointing to no file."""
    referenced = referenced_names()
    orphans: list[str] = []
    missing: list[str] = []
    for key, storage in _storages().items():
        wanted = referenced.get(key, set())
        present = set(walk(storage))
        orphans.extend(sorted(present - wanted))
        missing.extend(sorted(n for n in wanted - present if not storage.exists(n)))
    return FileReport(orphans=orphans, missing=missing)
