"""Committing a checked employee import: every row written, or nothing.

The view only queues the batch (`request_commit`); the Celery task `commit_import_batch`
runs `commit_batch`, which writes the whole batch in one transaction with bulk statements:
one pass over the NIPs, employees created and updated in bulk, previous definitive
placements closed the day before the new TMT, new placements inserted in bulk, and
django-simple-history rows written alongside (`bulk_*_with_history`). The rows are checked
again under row locks first, since the register may have changed since the preview; the
partial unique indexes on open placements stay the last line of defence.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core import figures

from ..matching import features
from ..models import Employee, ImportBatch, Placement, Position
from .validate import check_rows, employee_fields, summarise

if TYPE_CHECKING:
    from asnportal.models import User

log = logging.getLogger(__name__)
BULK_BATCH_SIZE = 1000
# Up to this many distinct sets of new values, one UPDATE per set (see _bulk_update).
MAX_GROUPED_UPDATES = 200
# A batch queued longer than this (the task's hard time limit is 300 s) lost its task, say in
# a broker restart: its owner may queue it again, which is harmless since the task is idempotent.
STALE_QUEUE = dt.timedelta(minutes=15)


class ImportRefused(ValidationError):
    """The batch cannot be committed as it stands (already saved, queued or rows with problems)."""


def can_queue(batch: ImportBatch) -> bool:
    """Whether the commit button is offered: no problem rows, and not saved or being saved."""
    if batch.summary.get("errors") or batch.status == ImportBatch.Status.COMMITTED:
        return False
    return batch.status != ImportBatch.Status.QUEUED or is_stale(batch)


def is_stale(batch: ImportBatch) -> bool:
    queued_at = batch.summary.get("queued_at")
    return bool(
        batch.status == ImportBatch.Status.QUEUED
        and queued_at
        and timezone.now() - dt.datetime.fromisoformat(queued_at) > STALE_QUEUE
    )


@transaction.atomic
def request_commit(batch: ImportBatch, *, user: User) -> ImportBatch:
    """Queue a previewed batch for saving; the task is sent once this transaction commits."""
    from .. import tasks  # tasks imports this module inside the task (HackSoft's cycle fix)

    batch = ImportBatch.objects.select_for_update().defer("rows").get(pk=batch.pk)
    _refuse_unless_committable(batch, user)
    if batch.status == ImportBatch.Status.QUEUED and not is_stale(batch):
        raise ImportRefused("Impor ini sedang disimpan; tunggu hingga selesai.")
    summary = {k: v for k, v in batch.summary.items() if k != "error"}
    batch.summary = {**summary, "queued_at": timezone.now().isoformat()}
    batch.status = ImportBatch.Status.QUEUED
    batch.save(update_fields=["status", "summary"])
    transaction.on_commit(lambda: tasks.commit_import_batch.delay(batch.pk))
    return batch


def _refuse_unless_committable(batch: ImportBatch, user: User) -> None:
    if batch.created_by_id != user.pk:
        raise PermissionDenied
    if batch.status == ImportBatch.Status.COMMITTED:
        raise ImportRefused(
            "Impor ini sudah disimpan; batch yang sama tidak dapat disimpan dua kali."
        )
    if batch.summary.get("errors"):
        raise ImportRefused(
            "Impor tidak dapat disimpan karena masih ada baris bermasalah. Perbaiki berkas lalu "
            "unggah ulang."
        )


def commit_batch(batch_id: int) -> str:
    """The task's body. Idempotent: a batch that is not queued (already saved by an earlier
    delivery, or failed) is left alone, so a re-delivered task never writes twice. A failed
    commit leaves nothing written and its reason, in Indonesian, on the batch."""
    batch = ImportBatch.objects.select_related("created_by").defer("rows").filter(pk=batch_id)
    found = batch.first()
    if found is None or found.status != ImportBatch.Status.QUEUED:
        return found.status if found else "missing"
    try:
        commit_import(found, user=found.created_by)
    except (ValidationError, DatabaseError) as exc:
        found.refresh_from_db(fields=["status"])
        if found.status == ImportBatch.Status.COMMITTED:  # a concurrent delivery saved it
            return found.status
        if isinstance(exc, DatabaseError):
            log.exception("Import batch %s failed", batch_id)
        record_failure(found, exc)
        return ImportBatch.Status.FAILED
    except SoftTimeLimitExceeded:
        raise  # the task records it (record_timeout)
    except Exception as exc:  # a bug: rolled back all the same; say so rather than a 500
        log.exception("Import batch %s failed", batch_id)
        record_failure(found, exc)
        return ImportBatch.Status.FAILED
    return ImportBatch.Status.COMMITTED


@transaction.atomic
def commit_import(batch: ImportBatch, *, user: User) -> dict[str, int]:
    """Write every row of a batch, or nothing, and mark the batch saved."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    _refuse_unless_committable(batch, user)
    # Lock what the rows touch (as services.place_employee does: employee, then position) so
    # the checks below stay true until this transaction commits.
    nips = [r["values"]["nip"] for r in batch.rows]
    position_ids = {r["position_id"] for r in batch.rows if r.get("position_id")}
    list(Employee.objects.select_for_update().filter(nip__in=nips).values_list("pk"))
    list(Position.objects.select_for_update().filter(pk__in=position_ids).values_list("pk"))
    rows = check_rows(batch.rows, user=user)
    stale = [r for r in rows if r["errors"]]
    if stale:
        first = stale[0]
        raise ValidationError(
            f"Data kepegawaian berubah sejak pratinjau: {len(stale)} baris kini bermasalah "
            f"(mis. baris {first['row']}: {first['errors'][0]}). Unggah ulang berkas."
        )
    try:
        counts = _write(rows, user)
    except IntegrityError:
        # A concurrent change the locks could not see (a new employee with one of these NIPs).
        raise ValidationError(
            "Penyimpanan bertabrakan dengan perubahan lain yang baru saja disimpan. Muat ulang "
            "pratinjau lalu simpan sekali lagi."
        ) from None

    batch.rows = rows
    batch.status = ImportBatch.Status.COMMITTED
    batch.committed_at = timezone.now()
    batch.summary = {**summarise(rows), **counts}
    batch.save(update_fields=["rows", "status", "committed_at", "summary"])
    return counts


def _write(rows: list[dict[str, Any]], user: User) -> dict[str, int]:
    """Employees by NIP, then placements: a fixed number of statements per 1,000 rows."""
    kept = [r["values"]["nip"] for r in rows if r["action"] in ("update", "unchanged")]
    by_nip = Employee.objects.in_bulk(kept, field_name="nip")
    created: list[Employee] = []
    updated: dict[Employee, dict[str, Any]] = {}
    for row in rows:
        fields = employee_fields(row["values"], row["unit_id"])
        if row["action"] == "create":
            created.append(Employee(nip=row["values"]["nip"], **fields))
        elif row["action"] == "update":
            # Left as they are: unchanged rows get no write, so no empty history record.
            employee = by_nip[row["values"]["nip"]]
            changes = {k: v for k, v in fields.items() if getattr(employee, k) != v}
            for key, value in changes.items():
                setattr(employee, key, value)
            updated[employee] = changes
    for employee in bulk_create_with_history(
        created, Employee, batch_size=BULK_BATCH_SIZE, default_user=user
    ):
        by_nip[employee.nip] = employee
    _bulk_update(Employee, updated, user=user)
    placed = _place([r for r in rows if r["placement"] == "new"], by_nip=by_nip, user=user)
    # Bulk writes send no signals: bring the new and newly placed employees' candidate
    # features up to date here (positions/matching/features.py).
    features.refresh(
        by_nip[r["values"]["nip"]].pk
        for r in rows
        if r["action"] == "create" or r["placement"] == "new"
    )
    figures.invalidate()  # the dashboards count the imported staff at once (core/figures.py)
    return {
        "created": len(created),
        "updated": len(updated),
        "unchanged": sum(1 for r in rows if r["action"] == "unchanged"),
        "placed": placed,
    }


def _bulk_update(model: type[Any], changes: dict[Any, dict[str, Any]], *, user: User) -> None:
    """Write each object's changed fields, then one history row per object.

    An import's changes repeat (a new golongan, a new unit, the day before one TMT), so
    objects sharing the same new values get one UPDATE … WHERE id IN (…). Django's
    bulk_update (a CASE per field over 1,000 ids) is kept for files whose changes are mostly
    distinct, where it is the fewer statements."""
    if not changes:
        return
    by_values: dict[tuple[tuple[str, Any], ...], list[int]] = defaultdict(list)
    for obj, fields in changes.items():
        by_values[tuple(sorted(fields.items()))].append(obj.pk)
    if len(by_values) <= MAX_GROUPED_UPDATES:
        for values, pks in by_values.items():
            if values:
                model._default_manager.filter(pk__in=pks).update(**dict(values))
    else:
        by_fields: dict[tuple[str, ...], list[Any]] = defaultdict(list)
        for obj, fields in changes.items():
            by_fields[tuple(sorted(fields))].append(obj)
        for names, objs in by_fields.items():
            if names:
                model._default_manager.bulk_update(objs, names, batch_size=BULK_BATCH_SIZE)
    # fields=[]: the rows are written above; this adds their history records only.
    bulk_update_with_history(
        list(changes), model, [], batch_size=BULK_BATCH_SIZE, default_user=user
    )


def _place(rows: list[dict[str, Any]], *, by_nip: dict[str, Employee], user: User) -> int:
    """New placements, as `services.place_employee` makes them one at a time (its checks ran
    in `check_rows`): a definitive one closes the employee's open definitive placement on
    the day before the new TMT. The employee's unit kerja already moved with the row."""
    definitive = Placement.Kind.DEFINITIF
    positions = Position.objects.in_bulk({r["position_id"] for r in rows})
    previous = {
        p.employee_id: p
        for p in Placement.objects.open().filter(
            kind=definitive,
            employee__in=[
                by_nip[r["values"]["nip"]].pk
                for r in rows
                if r["values"]["placement_kind"] == definitive and r["action"] != "create"
            ],
        )
    }
    closed, placements = [], []
    for row in rows:
        values = row["values"]
        employee, position = by_nip[values["nip"]], positions[row["position_id"]]
        start = dt.date.fromisoformat(values["tmt_jabatan"])
        if values["placement_kind"] == definitive and employee.pk in previous:
            before = previous.pop(employee.pk)
            before.end_date = start - dt.timedelta(days=1)
            before.end_reason = Placement.EndReason.MUTASI
            closed.append(before)
        placements.append(
            Placement(
                employee=employee,
                position=position,
                kind=values["placement_kind"],
                start_date=start,
                sk_number=values["sk_number"],
                sk_date=dt.date.fromisoformat(values["sk_date"]),
                is_structural=position.is_structural,
            )
        )
    # First, so the partial unique index sees one open definitive placement per employee.
    _bulk_update(
        Placement,
        {p: {"end_date": p.end_date, "end_reason": p.end_reason} for p in closed},
        user=user,
    )
    bulk_create_with_history(placements, Placement, batch_size=BULK_BATCH_SIZE, default_user=user)
    return len(placements)


def record_timeout(batch_id: int) -> str:
    """The task ran out of time: its transaction rolled back; say so on the batch."""
    batch = ImportBatch.objects.defer("rows").get(pk=batch_id)
    record_failure(
        batch,
        ValidationError(
            "Penyimpanan melebihi batas waktu sehingga dibatalkan; tidak ada data yang "
            "disimpan. Coba simpan sekali lagi, atau pecah berkas menjadi beberapa bagian."
        ),
    )
    return ImportBatch.Status.FAILED


def record_failure(batch: ImportBatch, error: Exception) -> None:
    """Mark a batch whose commit rolled back, keeping the reason for the preview page."""
    if isinstance(error, ValidationError):
        messages = error.messages
    elif isinstance(error, DatabaseError):
        messages = ["Terjadi kesalahan pada basis data saat menyimpan. Coba simpan sekali lagi."]
    else:
        messages = [
            "Terjadi kesalahan pada aplikasi saat menyimpan. Coba simpan sekali lagi; bila "
            "terulang, hubungi admin BKD."
        ]
    batch.status = ImportBatch.Status.FAILED
    batch.summary = {**batch.summary, "error": " ".join(messages)}
    batch.save(update_fields=["status", "summary"])
