"""Build rated SKPs for the report-job tests (shared by the unit and the worker tests)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from performance import services
from performance.models import RHK, SKP, Evaluation, Indicator, Realisation

YEAR = 2025


def rated_skp(employee, *, year: int = YEAR, predikat: str = "baik", rhk_text: str = "") -> SKP:
    """An approved SKP with one RHK and indicator, realisasi and a final akhir evaluation.

    Written directly, with the snapshot an approval freezes, on purpose: these report tests
    rate people the portal could not approve or rate (the Dishub staff under a vacant kepala
    post, the kadis at the top), in any order, without the penilai's own SKP. Going through
    the services (tests.factories.SKPFactory/EvaluationFactory) also approves the penilai's
    SKP the RHK cascade from, which moves the pinned counts of tests owned elsewhere
    (tests/test_query_budgets.py, the authorization matrix, home, e2e, outages). New tests
    use the factories."""
    skp = services.create_skp(employee, year=year, pendekatan="kuantitatif")
    rhk = RHK.objects.create(skp=skp, text=rhk_text or f"Layanan prima {employee.name}")
    indicator = Indicator.objects.create(
        rhk=rhk, aspek="kuantitas", text="Jumlah layanan", target_value=10, target_satuan="Dokumen"
    )
    SKP.objects.filter(pk=skp.pk).update(
        status=SKP.Status.DISETUJUI,
        approved_at=timezone.make_aware(dt.datetime(year, 1, 15)),
        snapshot={
            "pegawai": services.identity(employee, skp.position),
            "penilai": services.identity(skp.penilai, skp.penilai_position),
            "atasan_penilai": services.identity(skp.atasan_penilai, None),
        },
    )
    evaluation = akhir(skp, predikat)
    Realisation.objects.create(
        evaluation=evaluation, indicator=indicator, value=9, text="Sembilan dokumen selesai"
    )
    skp.refresh_from_db()
    return skp


def akhir(
    skp: SKP,
    predikat: str,
    hasil: str = "sesuai",
    perilaku: str = "sesuai",
    *,
    final: bool = True,
) -> Evaluation:
    """The akhir (TW IV) evaluation with its ratings and predikat, written directly, for the
    people the portal could not rate (see rated_skp) and for rules that read only the stored
    result; final unless ``final=False``. A rating by the penilai goes through
    tests.factories.EvaluationFactory."""
    status = Evaluation.Status.FINAL if final else Evaluation.Status.DRAFT
    return Evaluation.objects.create(
        skp=skp,
        period=Evaluation.Period.TW4,
        status=status,
        rating_hasil=hasil,
        rating_perilaku=perilaku,
        predikat=predikat,
    )
