"""Committing a checked employee import: every row written, or nothing."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from .. import services
from ..models import Employee, ImportBatch, Position
from .validate import _employee_fields, check_rows, summarise

if TYPE_CHECKING:
    from asnportal.models import User


class ImportRefused(ValidationError):
    """The batch cannot be committed as it stands (already saved, or rows with problems)."""


@transaction.atomic
def commit_import(batch: ImportBatch, *, user: User) -> dict[str, int]:
    """Write every row of a batch, or nothing: employees by NIP (created or updated), then
    placements through `services.place_employee`. The rows are checked again first, since
    the register may have changed since the preview."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.created_by_id != user.pk:
        raise PermissionDenied
    if batch.status == ImportBatch.Status.COMMITTED:
        raise ImportRefused(
            "Impor ini sudah disimpan; batch yang sama tidak dapat disimpan dua kali."
        )
    if any(r["errors"] for r in batch.rows):
        raise ImportRefused(
            "Impor tidak dapat disimpan karena masih ada baris bermasalah. Perbaiki berkas lalu "
            "unggah ulang."
        )
    rows = check_rows(batch.rows, user=user)
    stale = [r for r in rows if r["errors"]]
    if stale:
        first = stale[0]
        raise ValidationError(
            f"Data kepegawaian berubah sejak pratinjau: {len(stale)} baris kini bermasalah "
            f"(mis. baris {first['row']}: {first['errors'][0]}). Unggah ulang berkas."
        )

    positions = Position.objects.in_bulk(
        {r["position_id"] for r in rows if r["placement"] == "new"}
    )
    unchanged = Employee.objects.in_bulk(
        [r["values"]["nip"] for r in rows if r["action"] == "unchanged"], field_name="nip"
    )
    counts = {"created": 0, "updated": 0, "unchanged": 0, "placed": 0}
    for row in rows:
        values = row["values"]
        if row["action"] == "unchanged":
            # Left as it is: no write, so no empty history record on a re-import.
            employee = unchanged[values["nip"]]
            counts["unchanged"] += 1
        else:
            employee, created = Employee.objects.update_or_create(
                nip=values["nip"], defaults=_employee_fields(values, row["unit_id"])
            )
            counts["created" if created else "updated"] += 1
        if row["placement"] == "new":
            try:
                services.place_employee(
                    employee,
                    position=positions[row["position_id"]],
                    kind=values["placement_kind"],
                    start_date=dt.date.fromisoformat(values["tmt_jabatan"]),
                    sk_number=values["sk_number"],
                    sk_date=dt.date.fromisoformat(values["sk_date"]),
                    confirm_over_kebutuhan=True,  # the preview warned; an import records facts
                    placed_by=user,
                )
            except ValidationError as exc:
                raise ValidationError(f"Baris {row['row']}: {' '.join(exc.messages)}") from exc
            counts["placed"] += 1

    batch.rows = rows
    batch.status = ImportBatch.Status.COMMITTED
    batch.committed_at = timezone.now()
    batch.summary = {**summarise(rows), **counts}
    batch.save(update_fields=["rows", "status", "committed_at", "summary"])
    return counts


def record_failure(batch: ImportBatch, error: Exception) -> None:
    """Mark a batch whose commit rolled back, keeping the reason for the preview page."""
    messages = (
        error.messages
        if isinstance(error, ValidationError)
        else ["Terjadi kesalahan pada basis data saat menyimpan. Coba simpan sekali lagi."]
    )
    batch.status = ImportBatch.Status.FAILED
    batch.summary = {**batch.summary, "error": " ".join(messages)}
    batch.save(update_fields=["status", "summary"])
