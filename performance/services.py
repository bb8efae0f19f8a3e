"""SKP workflow and evaluation: every state change goes through here, re-checking who may act."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from positions.models import STRUCTURAL_JENIS, Employee, Golongan, OrgUnit, Placement, Position

from .models import (
    BERAKHLAK_CHOICES,
    RHK,
    SKP,
    BehaviourExpectation,
    CurveRule,
    Evaluation,
    OrganisationPerformance,
    predikat_for,
)

if TYPE_CHECKING:
    from asnportal.models import User


# --- Roles -------------------------------------------------------------------------


def acting_employee(user: User) -> Employee | None:
    return Employee.objects.filter(user=user).first()


def is_penilai_of(user: User, skp: SKP, on: dt.date | None = None) -> bool:
    """The SKP's penilai, or whoever holds the penilai post today (definitif, Plt or Plh)."""
    employee = acting_employee(user)
    if employee is None:
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


def identity(employee: Employee | None, position: Position | None) -> dict[str, str]:
    """The identity block printed on SKP and evaluation documents."""
    if employee is None:
        return {}
    return {
        "nama": employee.full_name,
        "nip": employee.nip,
        "pangkat_gol": " ".join(
            x for x in (Golongan.pangkat(employee.golongan), f"({employee.golongan_short})") if x
        ),
        "jabatan": position.title if position else "",
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


# --- SKP lifecycle ---------------------------------------------------------------------


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
    return (
        SKP.objects.current()
        .filter(employee_id=skp.penilai_id, year=skp.year, status=SKP.Status.DISETUJUI)
        .order_by("-period_start")
        .first()
    )


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


@transaction.atomic
def return_skp(skp: SKP, *, user: User, note: str) -> SKP:
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    if not is_penilai_of(user, skp):
        raise PermissionDenied
    if skp.status != SKP.Status.DIAJUKAN:
        raise ValidationError("Hanya SKP yang diajukan yang dapat dikembalikan.")
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
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    if not is_penilai_of(user, skp):
        raise PermissionDenied
    if skp.status != SKP.Status.DIAJUKAN:
        raise ValidationError("Hanya SKP yang diajukan yang dapat disetujui.")
    approver = acting_employee(user)
    on = skp.period_start
    penilai_position = skp.penilai_position
    atasan_position = penilai_position.parent if penilai_position else None
    skp.snapshot = {
        "pegawai": identity(skp.employee, skp.position),
        "penilai": identity(skp.penilai or approver, penilai_position),
        "atasan_penilai": identity(skp.atasan_penilai, atasan_position),
        "frozen_on": timezone.localdate().isoformat(),
        "roles_on": on.isoformat(),
    }
    skp.status = SKP.Status.DISETUJUI
    skp.approved_at = timezone.now()
    skp.approved_by = approver
    skp.return_note = ""
    skp.save(update_fields=["snapshot", "status", "approved_at", "approved_by", "return_note"])
    from .selectors import open_period  # selectors imports models only

    current = open_period(timezone.localdate())
    period = current.period if current.year == skp.year else Evaluation.Period.TW4.value
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


# --- Evaluation ---------------------------------------------------------------------


FINALISE_NOTE_MAX = 1000


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def missing_realisations(evaluation: Evaluation) -> list[str]:
    """The IKI of the SKP without a realisasi (a value or an uraian) for the evaluation's
    period, in words: "Triwulan I — RHK “…”: IKI kuantitas “…”". Two queries."""
    from .models import Indicator

    done = {
        r.indicator_id
        for r in evaluation.realisations.all()
        if r.value is not None or r.text.strip()
    }
    period = evaluation.get_period_display()
    indicators = (
        Indicator.objects.filter(rhk__skp_id=evaluation.skp_id)
        .select_related("rhk")
        .order_by("-rhk__jenis", "rhk__order", "rhk", "pk")  # utama first
    )
    missing = [
        f"{period} — RHK “{_short(ind.rhk.text)}”: IKI {ind.get_aspek_display().lower()} "
        f"“{_short(ind.text)}” belum ada realisasi."
        for ind in indicators
        if ind.pk not in done
    ]
    if not missing and not indicators:
        missing.append(f"{period} — SKP ini belum memiliki IKI; tidak ada realisasi yang dinilai.")
    return missing


def _check_can_finalise(evaluation: Evaluation, note: str) -> str:
    """A penilai finalises only with every realisasi of the period entered, or with a written
    reason (kept and printed on the document). Returns the cleaned reason."""
    note = (note or "").strip()
    if len(note) > FINALISE_NOTE_MAX:
        raise ValidationError(
            f"Catatan finalisasi paling banyak {FINALISE_NOTE_MAX} karakter (saat ini {len(note)})."
        )
    missing = missing_realisations(evaluation)
    if missing and not note:
        raise ValidationError(
            [
                "Evaluasi belum dapat difinalkan: realisasi belum lengkap. Minta pegawai "
                "melengkapinya, atau tuliskan alasan finalisasi (akan dicetak pada dokumen).",
                *missing,
            ],
            code="realisasi_missing",
        )
    return note if missing else ""


@transaction.atomic
def rate_evaluation(
    evaluation: Evaluation,
    *,
    user: User,
    rating_hasil: str,
    rating_perilaku: str,
    version: int,
    finalise: bool = False,
    finalise_note: str = "",
) -> Evaluation:
    """Set the two ratings; the predikat comes from the matrix table. `version` is the value
    the form was rendered with: a stale form (another tab saved first) is refused.
    Finalising needs every realisasi of the period, or a written `finalise_note`."""
    evaluation = Evaluation.objects.select_for_update().select_related("skp").get(pk=evaluation.pk)
    if not is_penilai_of(user, evaluation.skp):
        raise PermissionDenied
    if evaluation.version != version:
        raise ValidationError(
            "Evaluasi ini baru saja diubah di tempat lain. Muat ulang halaman untuk melihat "
            "perubahan terbaru sebelum menyimpan."
        )
    if evaluation.status == Evaluation.Status.FINAL:
        raise ValidationError("Evaluasi sudah final.")
    if _year_closed(evaluation.skp):
        raise ValidationError("Tahun penilaian unit ini sudah ditutup oleh pengelola kepegawaian.")
    evaluation.rating_hasil = rating_hasil
    evaluation.rating_perilaku = rating_perilaku
    evaluation.predikat = predikat_for(rating_hasil, rating_perilaku)
    evaluation.version += 1
    fields = ["rating_hasil", "rating_perilaku", "predikat", "version"]
    if finalise:
        evaluation.finalise_note = _check_can_finalise(evaluation, finalise_note)
        fields.append("finalise_note")
        evaluation.status = Evaluation.Status.FINAL
        evaluation.finalised_by = acting_employee(user)
        evaluation.finalised_at = timezone.now()
        fields += ["status", "finalised_by", "finalised_at"]
    evaluation.save(update_fields=fields)
    if finalise and evaluation.is_annual:
        employee = evaluation.skp.employee
        employee.latest_predikat = evaluation.predikat
        employee.latest_predikat_year = evaluation.skp.year
        employee.save(update_fields=["latest_predikat", "latest_predikat_year"])
    return evaluation


def _year_closed(skp: SKP) -> bool:
    unit = skp.position.unit
    return OrganisationPerformance.objects.filter(
        year=skp.year,
        closed_at__isnull=False,
        unit__in=OrgUnit.objects.filter(path__in=_prefixes(unit.path)),
    ).exists()


def _prefixes(path: str) -> list[str]:
    step = OrgUnit.steplen
    return [path[:i] for i in range(step, len(path) + 1, step)]


# --- Distribution curve ---------------------------------------------------------------


def annual_distribution(unit: OrgUnit, year: int) -> Counter[str]:
    """Annual predikat per person in the unit subtree (a moved employee counts once: the
    SKP covering most of the year decides, see performance.annual)."""
    from .annual import annual_distribution as per_person  # annual imports this module

    return per_person(unit, year)


def curve_violations(org_predikat: str, counts: dict[str, int]) -> list[str]:
    rules = CurveRule.objects.filter(org_predikat=org_predikat)
    return [v for rule in rules if (v := rule.violation(counts))]


# --- SKP plan editing (RHK, IKI, ekspektasi) ------------------------------------------


def _lock_editable_skp(skp: SKP, user: User) -> SKP:
    """Lock the SKP row (a concurrent submit waits) and check the pegawai may still edit it."""
    skp = SKP.objects.select_for_update().select_related("employee", "position").get(pk=skp.pk)
    if skp.employee.user_id != user.pk:
        raise PermissionDenied
    if not skp.is_editable:
        raise ValidationError("SKP yang sudah diajukan atau disetujui tidak dapat diubah.")
    return skp


def _check_parent(skp: SKP, parent_rhk: RHK | None) -> None:
    if parent_rhk is not None and parent_rhk.pk not in {r.pk for r in cascade_choices(skp)}:
        raise ValidationError(
            {"parent_rhk": "RHK pimpinan harus dipilih dari SKP pejabat penilai yang disetujui."}
        )


@transaction.atomic
def add_rhk(
    skp: SKP,
    *,
    user: User,
    jenis: str,
    text: str,
    parent_rhk: RHK | None = None,
    perspektif: str = "",
    order: int | None = None,
) -> RHK:
    """Add an RHK; without an explicit `order` it goes after the SKP's other RHK."""
    skp = _lock_editable_skp(skp, user)
    _check_parent(skp, parent_rhk)
    if order is None:
        last = skp.rhks.aggregate(last=Max("order"))["last"]
        order = 0 if last is None else last + 1
    return RHK.objects.create(
        skp=skp,
        jenis=jenis,
        text=text,
        parent_rhk=parent_rhk,
        perspektif=perspektif if skp.is_jpt else "",
        order=order,
    )


@transaction.atomic
def update_rhk(
    rhk: RHK,
    *,
    user: User,
    jenis: str,
    text: str,
    parent_rhk: RHK | None = None,
    perspektif: str = "",
    order: int | None = None,
) -> RHK:
    """Change an RHK; its place in the list stays unless `order` is given."""
    skp = _lock_editable_skp(rhk.skp, user)
    _check_parent(skp, parent_rhk)
    rhk.jenis, rhk.text, rhk.parent_rhk = jenis, text, parent_rhk
    if order is not None:
        rhk.order = order
    rhk.perspektif = perspektif if skp.is_jpt else ""
    rhk.save(update_fields=["jenis", "text", "parent_rhk", "perspektif", "order"])
    return rhk


@transaction.atomic
def delete_rhk(rhk: RHK, *, user: User) -> None:
    _lock_editable_skp(rhk.skp, user)
    rhk.delete()


def _check_aspek(rhk: RHK, aspek: str, exclude_pk: int | None = None) -> None:
    taken = rhk.indicators.filter(aspek=aspek).exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError({"aspek": "RHK ini sudah memiliki IKI untuk aspek tersebut."})


def _check_target(skp: SKP, target_value: Any, target_satuan: str, target_text: str) -> None:
    if target_value is not None and target_value < 0:
        raise ValidationError({"target_value": "Target IKI tidak boleh negatif."})
    if skp.pendekatan == SKP.Pendekatan.KUANTITATIF:
        if target_value is None or not target_satuan.strip():
            raise ValidationError(
                {"target_value": "SKP kuantitatif: isi nilai target beserta satuannya."}
            )
    elif not target_text.strip():
        raise ValidationError({"target_text": "SKP kualitatif: tuliskan target secara uraian."})


@transaction.atomic
def add_indicator(
    rhk: RHK,
    *,
    user: User,
    aspek: str,
    text: str,
    target_value: Any = None,
    target_satuan: str = "",
    target_text: str = "",
) -> Any:
    skp = _lock_editable_skp(rhk.skp, user)
    _check_aspek(rhk, aspek)
    _check_target(skp, target_value, target_satuan, target_text)
    return rhk.indicators.create(
        aspek=aspek,
        text=text,
        target_value=target_value,
        target_satuan=target_satuan,
        target_text=target_text,
    )


@transaction.atomic
def update_indicator(
    indicator: Any,
    *,
    user: User,
    aspek: str,
    text: str,
    target_value: Any = None,
    target_satuan: str = "",
    target_text: str = "",
) -> Any:
    skp = _lock_editable_skp(indicator.rhk.skp, user)
    _check_aspek(indicator.rhk, aspek, exclude_pk=indicator.pk)
    _check_target(skp, target_value, target_satuan, target_text)
    indicator.aspek, indicator.text = aspek, text
    indicator.target_value, indicator.target_satuan = target_value, target_satuan
    indicator.target_text = target_text
    indicator.save(update_fields=["aspek", "text", "target_value", "target_satuan", "target_text"])
    return indicator


@transaction.atomic
def delete_indicator(indicator: Any, *, user: User) -> None:
    _lock_editable_skp(indicator.rhk.skp, user)
    indicator.delete()


@transaction.atomic
def set_lampiran(
    skp: SKP,
    *,
    user: User,
    dukungan_sumber_daya: str,
    skema_pertanggungjawaban: str,
    konsekuensi: str,
) -> SKP:
    """Lampiran SKP, written by the pegawai while the SKP can still be edited."""
    skp = _lock_editable_skp(skp, user)
    skp.dukungan_sumber_daya = dukungan_sumber_daya.strip()
    skp.skema_pertanggungjawaban = skema_pertanggungjawaban.strip()
    skp.konsekuensi = konsekuensi.strip()
    skp.save(update_fields=["dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"])
    return skp


def can_set_expectations(user: User, skp: SKP) -> bool:
    """Ekspektasi khusus pimpinan: written by the penilai until the SKP is approved."""
    return (
        skp.superseded_at is None
        and skp.status != SKP.Status.DISETUJUI
        and is_penilai_of(user, skp)
    )


@transaction.atomic
def set_expectations(skp: SKP, *, user: User, values: dict[str, str]) -> SKP:
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    if not can_set_expectations(user, skp):
        raise PermissionDenied
    for expectation in skp.expectations.all():
        text = values.get(expectation.value, "").strip()
        if text != expectation.ekspektasi:
            expectation.ekspektasi = text
            expectation.save(update_fields=["ekspektasi"])
    return skp


# --- Evaluation entries, organisation predikat, closing the year, reminders ----------


def _editable_evaluation(evaluation: Evaluation) -> Evaluation:
    evaluation = Evaluation.objects.select_for_update().select_related("skp").get(pk=evaluation.pk)
    if evaluation.status == Evaluation.Status.FINAL:
        raise ValidationError("Evaluasi sudah final dan tidak dapat diubah.")
    return evaluation


@transaction.atomic
def save_realisations(
    evaluation: Evaluation, *, user: User, entries: dict[int, dict[str, Any]]
) -> Evaluation:
    """The pegawai's realisasi and bukti dukung per indicator. `entries` maps an indicator id
    to value/text/evidence_link and, when a new file was uploaded, `evidence` (already
    validated by core.uploads)."""
    from .models import Indicator, Realisation

    evaluation = _editable_evaluation(evaluation)
    if evaluation.skp.employee.user_id != user.pk:
        raise PermissionDenied
    allowed = set(Indicator.objects.filter(rhk__skp=evaluation.skp).values_list("pk", flat=True))
    existing = {r.indicator_id: r for r in evaluation.realisations.all()}
    for indicator_id, data in entries.items():
        if indicator_id not in allowed:
            raise ValidationError("Indikator tidak termasuk SKP ini.")
        realisation = existing.get(indicator_id) or Realisation(
            evaluation=evaluation, indicator_id=indicator_id
        )
        realisation.value = data.get("value")
        realisation.text = data.get("text", "")
        realisation.evidence_link = data.get("evidence_link", "")
        upload = data.get("evidence")
        if upload:
            realisation.evidence_name = upload.name[:200]
            realisation.evidence.save(upload.name, upload, save=False)
        realisation.save()
    return evaluation


@transaction.atomic
def save_penilai_feedback(
    evaluation: Evaluation,
    *,
    user: User,
    version: int,
    indicator_feedback: dict[int, str],
    behaviour_feedback: dict[str, str],
    umpan_balik: str,
    rating_hasil: str = "",
    rating_perilaku: str = "",
    finalise: bool = False,
    finalise_note: str = "",
) -> Evaluation:
    """The penilai's umpan balik (per indicator, per BerAKHLAK value, general) and, when
    given, the two ratings via rate_evaluation. One transaction: a stale version or a
    closed year writes nothing."""
    from .models import BehaviourFeedback, Realisation

    evaluation = _editable_evaluation(evaluation)
    if not is_penilai_of(user, evaluation.skp):
        raise PermissionDenied
    if evaluation.version != version:
        raise ValidationError(
            "Evaluasi ini baru saja diubah di tempat lain. Muat ulang halaman untuk melihat "
            "perubahan terbaru sebelum menyimpan."
        )
    if finalise and not (rating_hasil and rating_perilaku):
        raise ValidationError("Isi rating hasil kerja dan rating perilaku sebelum memfinalkan.")
    existing = {r.indicator_id: r for r in evaluation.realisations.all()}
    for indicator_id, text in indicator_feedback.items():
        realisation = existing.get(indicator_id)
        if realisation is None:
            if not text:
                continue
            realisation = Realisation(evaluation=evaluation, indicator_id=indicator_id)
        realisation.umpan_balik = text
        realisation.save()
    feedback = {f.value: f for f in evaluation.behaviour_feedback.all()}
    for value, text in behaviour_feedback.items():
        row = feedback.get(value) or BehaviourFeedback(evaluation=evaluation, value=value)
        row.umpan_balik = text
        row.save()
    evaluation.umpan_balik = umpan_balik
    evaluation.save(update_fields=["umpan_balik"])
    if rating_hasil and rating_perilaku:
        # rate_evaluation re-checks the penilai, the version, final status and a closed year.
        return rate_evaluation(
            evaluation,
            user=user,
            rating_hasil=rating_hasil,
            rating_perilaku=rating_perilaku,
            version=version,
            finalise=finalise,
            finalise_note=finalise_note,
        )
    evaluation.version += 1
    evaluation.save(update_fields=["version"])
    return evaluation


@transaction.atomic
def finalise_evaluation(
    evaluation: Evaluation, *, user: User, version: int, finalise_note: str = ""
) -> Evaluation:
    """The confirmed "Finalkan": keep the saved ratings and make the evaluation final."""
    evaluation = _editable_evaluation(evaluation)
    if not (evaluation.rating_hasil and evaluation.rating_perilaku):
        raise ValidationError("Isi rating hasil kerja dan rating perilaku sebelum memfinalkan.")
    return rate_evaluation(
        evaluation,
        user=user,
        rating_hasil=evaluation.rating_hasil,
        rating_perilaku=evaluation.rating_perilaku,
        version=version,
        finalise=True,
        finalise_note=finalise_note,
    )


@transaction.atomic
def send_realisations_to_penilai(evaluation: Evaluation, *, user: User) -> Evaluation:
    """The pegawai says the realisasi and bukti dukung of the period are ready: record when,
    and email the penilai a link to the page where they rate."""
    evaluation = (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("skp__employee", "skp__penilai")
        .get(pk=evaluation.pk)
    )
    skp = evaluation.skp
    if skp.employee.user_id != user.pk:
        raise PermissionDenied
    if evaluation.status == Evaluation.Status.FINAL:
        raise ValidationError("Evaluasi sudah final; realisasi tidak perlu dikirim lagi.")
    if not any(r.value is not None or r.text.strip() for r in evaluation.realisations.all()):
        raise ValidationError("Isi dan simpan realisasi terlebih dahulu sebelum mengirim.")
    evaluation.realisasi_sent_at = timezone.now()
    evaluation.save(update_fields=["realisasi_sent_at"])
    missing = missing_realisations(evaluation)
    note = f"\nCatatan: {len(missing)} IKI belum berisi realisasi.\n" if missing else "\n"
    _notify(
        skp.penilai,
        f"Realisasi {evaluation.get_period_display()} {skp.year} {skp.employee.full_name} "
        "siap dinilai",
        f"{skp.employee.full_name} telah mengisi realisasi dan bukti dukung "
        f"{evaluation.get_period_display()} {skp.year}.{note}"
        f"Beri umpan balik dan rating di:\n{absolute_url(evaluation.get_absolute_url())}\n",
    )
    return evaluation


def _require_unit_writer(user: User, unit: OrgUnit) -> None:
    from positions.access import can_write_path

    if not can_write_path(user, unit.path):
        raise PermissionDenied


@transaction.atomic
def set_org_predikat(
    unit: OrgUnit, *, year: int, predikat: str, user: User
) -> OrganisationPerformance:
    """HR (pengelola of the unit) sets the predikat kinerja organisasi for a year."""
    _require_unit_writer(user, unit)
    current = OrganisationPerformance.objects.select_for_update().filter(unit=unit, year=year)
    if any(o.closed_at for o in current):
        raise ValidationError(f"Tahun {year} untuk {unit.name} sudah ditutup.")
    org, _ = OrganisationPerformance.objects.update_or_create(
        unit=unit, year=year, defaults={"predikat": predikat, "set_by": user}
    )
    return org


@transaction.atomic
def close_year(unit: OrgUnit, *, year: int, user: User) -> OrganisationPerformance:
    """Close the year for a unit subtree: annual predikat are locked afterwards."""
    _require_unit_writer(user, unit)
    org = OrganisationPerformance.objects.select_for_update().filter(unit=unit, year=year).first()
    if org is None:
        raise ValidationError(
            "Tetapkan predikat kinerja organisasi terlebih dahulu sebelum menutup tahun."
        )
    if org.closed_at:
        raise ValidationError(f"Tahun {year} untuk {unit.name} sudah ditutup.")
    org.closed_at = timezone.now()
    org.save(update_fields=["closed_at"])
    return org


def employees_to_remind(unit: OrgUnit, year: int) -> Any:
    """Active employees of the subtree without a current SKP for the year or with a draft."""
    started = (
        SKP.objects.current()
        .filter(year=year)
        .exclude(status__in=[SKP.Status.DRAFT, SKP.Status.DIKEMBALIKAN])
        .values("employee_id")
    )
    return (
        Employee.objects.filter(unit__path__startswith=unit.path, status=Employee.Status.AKTIF)
        .exclude(pk__in=started)
        .order_by("name")
    )


@transaction.atomic
def send_skp_reminders(unit: OrgUnit, *, year: int, user: User) -> int:
    """Email every employee of the subtree who has no SKP yet or only a draft; returns how
    many were reminded (those with an email address)."""
    _require_unit_writer(user, unit)
    recipients = list(employees_to_remind(unit, year).exclude(email="").values("name", "email"))
    subject = f"Pengingat: SKP {year} Anda belum diajukan"
    url = absolute_url(reverse("performance:skp_create"))

    def send() -> None:
        for person in recipients:
            body = (
                f"Yth. {person['name']},\n\nSKP tahun {year} Anda belum dibuat atau masih "
                f"berupa draf. Lengkapi dan ajukan kepada pejabat penilai melalui:\n{url}\n"
            )
            send_mail(subject, body, None, [person["email"]], fail_silently=True)

    transaction.on_commit(send)
    return len(recipients)
