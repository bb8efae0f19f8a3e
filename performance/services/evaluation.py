"""Evaluating an approved SKP per period: the pegawai's realisasi and bukti dukung, sending them
to the penilai, the penilai's umpan balik and ratings (predikat from the kuadran kinerja), and
finalising."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from positions.models import OrgUnit

from ..models import (
    SKP,
    BehaviourFeedback,
    Evaluation,
    Indicator,
    OrganisationPerformance,
    Realisation,
    predikat_for,
)
from .skp import _notify, absolute_url, acting_employee, is_penilai_of

if TYPE_CHECKING:
    from asnportal.models import User


FINALISE_NOTE_MAX = 1000


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def missing_realisations(evaluation: Evaluation) -> list[str]:
    """The IKI of the SKP without a realisasi (a value or an uraian) for the evaluation's
    period, in words: "Triwulan I — RHK “…”: IKI kuantitas “…”". Two queries."""
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


def _check_penilai_and_version(evaluation: Evaluation, user: User, version: int) -> None:
    """Only the penilai writes ratings and umpan balik, and only on the version the form was
    rendered with: a stale form (another tab saved first) is refused."""
    if not is_penilai_of(user, evaluation.skp):
        raise PermissionDenied
    if evaluation.version != version:
        raise ValidationError(
            "Evaluasi ini baru saja diubah di tempat lain. Muat ulang halaman untuk melihat "
            "perubahan terbaru sebelum menyimpan."
        )


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
    _check_penilai_and_version(evaluation, user, version)
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
        unit__path__in=OrgUnit.lineage_paths(unit.path),
    ).exists()


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
    evaluation = _editable_evaluation(evaluation)
    _check_penilai_and_version(evaluation, user, version)
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
