"""The SKP workflow: who acts (roles derived from placements), creating, submitting, returning,
approving (freezing the identities) and revising an SKP, and the emails it sends."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from positions.models import STRUCTURAL_JENIS, Employee, Golongan, Placement, Position

from ..models import (
    BERAKHLAK_CHOICES,
    RHK,
    SKP,
    BehaviourExpectation,
    Evaluation,
)

if TYPE_CHECKING:
    from asnportal.models import User


def acting_employee(user: User) -> Employee | None:
    return Employee.objects.filter(user=user).first()


def is_penilai_of(user: User, skp: SKP, on: dt.date | None = None) -> bool:
    """The SKP's penilai, or whoever holds the penilai post today (definitif, Plt or Plh).
    Never the SKP's own pegawai: a pegawai who stands in for their own superior does not
    approve or rate their own plan (docs/invariants.md)."""
    employee = acting_employee(user)
    if employee is None or employee.pk == skp.employee_id:
        return False
    if skp.penilai_id == employee.pk:
        return True
    if skp.penilai_position_id is None:
        return False
    on = on or timezone.localdate()
    return (
        Placement.objects.on(on)
        .filter(employee=employee, position_id=skp.penilai_position_id)
        .exists()
    )


ACTING_PREFIX: dict[str, str] = {Placement.Kind.PLT: "Plt. ", Placement.Kind.PLH: "Plh. "}


def identity(
    employee: Employee | None, position: Position | None, on: dt.date | None = None
) -> dict[str, str]:
    """The identity block printed on SKP and evaluation documents. Someone who holds the post
    on `on` as Plt or Plh is printed as such ("Plt. Kepala Dinas Kesehatan"), as they sign."""
    if employee is None:
        return {}
    prefix = ""
    if position is not None and on is not None:
        kinds = Placement.objects.on(on).filter(employee=employee, position=position)
        kind = kinds.order_by("start_date").values_list("kind", flat=True).last()
        prefix = ACTING_PREFIX.get(kind or "", "")
    return {
        "nama": employee.full_name,
        "nip": employee.nip,
        "pangkat_gol": " ".join(
            x for x in (Golongan.pangkat(employee.golongan), f"({employee.golongan_short})") if x
        ),
        "jabatan": f"{prefix}{position.title}" if position else "",
        "unit": position.unit.name if position else (employee.unit.name if employee.unit else ""),
    }


def derive_roles(employee: Employee, on: dt.date) -> dict[str, Any]:
    """Position, penilai (post and holder) and atasan penilai on a date, from placements."""
    placement = employee.definitive_placement(on)
    if placement is None:
        raise ValidationError(
            f"Pegawai tidak memiliki jabatan definitif pada {on:%d-%m-%Y}; SKP tidak dapat dibuat."
        )
    position = placement.position
    penilai, atasan_penilai = employee.superiors(on, placement=placement)
    return {
        "position": position,
        "penilai_position": position.parent,
        "penilai": penilai,
        "atasan_penilai": atasan_penilai,
    }


@transaction.atomic
def create_skp(
    employee: Employee,
    *,
    year: int,
    pendekatan: str,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
) -> SKP:
    """Start an SKP (draft). Roles come from placements at the period start."""
    period_start = period_start or dt.date(year, 1, 1)
    period_end = period_end or dt.date(year, 12, 31)
    if period_start.year != year or period_end.year != year or period_end < period_start:
        raise ValidationError("Periode SKP harus berada di dalam tahun yang sama dan berurutan.")
    # Lock the employee row: a double-clicked "Buat SKP" (or a second tab) waits here and then
    # sees the first draft, instead of hitting the unique index with an IntegrityError.
    Employee.objects.select_for_update().get(pk=employee.pk)
    if SKP.objects.current().filter(employee=employee, period_start=period_start).exists():
        raise ValidationError("SKP untuk periode ini sudah ada.")
    roles = derive_roles(employee, period_start)
    skp = SKP.objects.create(
        employee=employee,
        year=year,
        period_start=period_start,
        period_end=period_end,
        pendekatan=pendekatan,
        **roles,
    )
    BehaviourExpectation.objects.bulk_create(
        BehaviourExpectation(skp=skp, value=value) for value, _ in BERAKHLAK_CHOICES
    )
    return skp


def superior_skp(skp: SKP) -> SKP | None:
    """The penilai's approved, current SKP of the same year: the source of cascade choices."""
    if skp.penilai_id is None:
        return None
    return SKP.objects.filter(
        employee_id=skp.penilai_id, year=skp.year, status=SKP.Status.DISETUJUI
    ).latest_current()


def cascade_choices(skp: SKP) -> list[RHK]:
    """The penilai's utama RHK (a tambahan RHK is a personal assignment, not cascaded)."""
    superior = superior_skp(skp)
    return list(superior.rhks.filter(jenis=RHK.Jenis.UTAMA)) if superior else []


def missing_items(skp: SKP) -> list[str]:
    """What still stands between this SKP and submission, in words for the pegawai."""
    missing = []
    rhks = list(skp.rhks.prefetch_related("indicators"))
    if not any(r.jenis == RHK.Jenis.UTAMA for r in rhks):
        missing.append("Belum ada RHK utama.")
    needs_link = skp.penilai_id is not None and skp.position.jenis not in STRUCTURAL_JENIS[:3]
    superior = superior_skp(skp) if needs_link else None
    if needs_link and superior is None:
        missing.append(
            "SKP pejabat penilai tahun ini belum disetujui: RHK utama belum dapat dikaitkan "
            "dengan RHK pimpinan yang diintervensi."
        )
    for rhk in rhks:
        if rhk.jenis == RHK.Jenis.UTAMA and needs_link and rhk.parent_rhk_id is None:
            missing.append(f"RHK utama “{rhk.text[:60]}” belum mengaitkan RHK pimpinan.")
        if not rhk.indicators.all():
            missing.append(f"RHK “{rhk.text[:60]}” belum memiliki indikator (IKI).")
        if skp.is_jpt and not rhk.perspektif:
            missing.append(f"RHK “{rhk.text[:60]}” belum memiliki perspektif (SKP JPT).")
    if skp.penilai_id is None and skp.penilai_position_id is not None:
        missing.append("Jabatan pejabat penilai sedang lowong tanpa Plt/Plh.")
    return missing


def absolute_url(path: str) -> str:
    """A link for an email: PORTAL_BASE_URL (the address people open the portal at) + path."""
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def _notify(recipient: Employee | None, subject: str, body: str) -> None:
    if recipient is None or not recipient.email:
        return
    transaction.on_commit(
        lambda: send_mail(subject, body, None, [recipient.email], fail_silently=True)
    )


@transaction.atomic
def submit_skp(skp: SKP, *, user: User) -> SKP:
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    if skp.employee.user_id != user.pk:
        raise PermissionDenied
    if not skp.is_editable:
        raise ValidationError("SKP ini tidak dalam status draf atau dikembalikan.")
    # Re-derive the penilai at submission: a placement may have changed since the draft.
    roles = derive_roles(skp.employee, skp.period_start)
    for key, value in roles.items():
        setattr(skp, key, value)
    problems = missing_items(skp)
    if problems:
        raise ValidationError(problems)
    skp.status = SKP.Status.DIAJUKAN
    skp.submitted_at = timezone.now()
    skp.save(update_fields=["status", "submitted_at", *roles])
    url = absolute_url(reverse("performance:skp_approve", args=[skp.pk]))
    _notify(
        skp.penilai,
        f"SKP {skp.year} {skp.employee.full_name} menunggu persetujuan Anda",
        f"{skp.employee.full_name} mengajukan SKP {skp.year}. Tinjau lalu setujui atau "
        f"kembalikan dengan catatan di:\n{url}\n",
    )
    return skp


def _lock_for_decision(skp: SKP, user: User, verb: str) -> SKP:
    """The submitted SKP, locked for its penilai's decision (403 for anyone else); any other
    status is refused with "Hanya SKP yang diajukan yang dapat <verb>."."""
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    if not is_penilai_of(user, skp):
        raise PermissionDenied
    if skp.status != SKP.Status.DIAJUKAN:
        raise ValidationError(f"Hanya SKP yang diajukan yang dapat {verb}.")
    return skp


@transaction.atomic
def return_skp(skp: SKP, *, user: User, note: str) -> SKP:
    skp = _lock_for_decision(skp, user, "dikembalikan")
    if not note.strip():
        raise ValidationError({"note": "Tuliskan catatan agar pegawai tahu apa yang diperbaiki."})
    skp.status = SKP.Status.DIKEMBALIKAN
    skp.return_note = note.strip()
    skp.save(update_fields=["status", "return_note"])
    _notify(
        skp.employee,
        f"SKP {skp.year} Anda dikembalikan",
        f"Catatan pejabat penilai: {skp.return_note}\n\nPerbaiki lalu ajukan kembali di:\n"
        f"{absolute_url(skp.get_absolute_url())}\n",
    )
    return skp


@transaction.atomic
def approve_skp(skp: SKP, *, user: User) -> SKP:
    """Approve and lock; freeze the identity of pegawai, penilai and atasan penilai."""
    skp = _lock_for_decision(skp, user, "disetujui")
    approver = acting_employee(user)
    on = skp.period_start
    penilai_position = skp.penilai_position
    atasan_position = penilai_position.parent if penilai_position else None
    skp.snapshot = {
        "pegawai": identity(skp.employee, skp.position),
        # The roles are those on the period start; a penilai who was missing then is the one
        # who approves, as they hold the post today.
        "penilai": identity(
            skp.penilai or approver, penilai_position, on if skp.penilai else timezone.localdate()
        ),
        "atasan_penilai": identity(skp.atasan_penilai, atasan_position, on),
        "frozen_on": timezone.localdate().isoformat(),
        "roles_on": on.isoformat(),
    }
    skp.status = SKP.Status.DISETUJUI
    skp.approved_at = timezone.now()
    skp.approved_by = approver
    skp.return_note = ""
    skp.save(update_fields=["snapshot", "status", "approved_at", "approved_by", "return_note"])
    from ..selectors import realisasi_period  # selectors imports models only

    period = realisasi_period(skp.year, timezone.localdate())
    url = absolute_url(reverse("performance:evaluation", args=[skp.pk, period]))
    _notify(
        skp.employee,
        f"SKP {skp.year} Anda disetujui",
        f"SKP Anda telah disetujui. Isi realisasi dan bukti dukung "
        f"{Evaluation.Period(period).label} di:\n{url}\n",
    )
    return skp


@transaction.atomic
def start_revision(skp: SKP, *, user: User) -> SKP:
    """A change after approval: copy the approved SKP into a new draft revision; the
    approved one stays in history, superseded."""
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    if skp.employee.user_id != user.pk:
        raise PermissionDenied
    if skp.status != SKP.Status.DISETUJUI or skp.superseded_at:
        raise ValidationError("Hanya SKP yang disetujui dan terbaru yang dapat direvisi.")
    if skp.evaluations.filter(status=Evaluation.Status.FINAL, period="tw4").exists():
        raise ValidationError("Evaluasi akhir sudah final; SKP tidak dapat direvisi lagi.")
    rhks = list(skp.rhks.prefetch_related("indicators"))
    expectations = list(skp.expectations.all())
    copied = {
        f.attname: getattr(skp, f.attname)
        for f in SKP._meta.concrete_fields
        if f.attname not in {"id", "superseded_by_id", "superseded_at", "created_at"}
    }
    copied.update(
        revision=skp.revision + 1,
        status=SKP.Status.DRAFT,
        snapshot={},
        approved_at=None,
        submitted_at=None,
        approved_by_id=None,
    )
    # Mark the approved revision superseded first: only one current SKP per period.
    SKP.objects.filter(pk=skp.pk).update(superseded_at=timezone.now())
    new = SKP.objects.create(**copied)
    SKP.objects.filter(pk=skp.pk).update(superseded_by=new)
    for rhk in rhks:
        indicators = list(rhk.indicators.all())
        rhk.pk = None
        rhk.skp = new
        rhk.save()
        for indicator in indicators:
            indicator.pk = None
            indicator.rhk = rhk
            indicator.save()
    for expectation in expectations:
        expectation.pk = None
        expectation.skp = new
        expectation.save()
    return new
