"""The talent grid calculation (docs/domain.md §6): kinerja from the last two annual predikat,
potensial from competency (manajerial and sosial kultural against the post's standard),
qualification and track record, and the Kotak of the KemenPANRB 9-box.

`compute_run(run)` reads a whole subtree in a handful of flat queries and writes one
`TalentResult` per active employee, so the grid page renders from stored rows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Min, Sum
from django.utils import timezone

from performance.models import Evaluation, RatingHistory
from positions.models import (
    Competency,
    Education,
    EducationLevel,
    Employee,
    EmployeeCompetency,
    Placement,
    PositionCompetency,
    Predikat,
)
from training.models import Participation

from .models import KOTAK, Kinerja, Potensial, TalentResult, TalentRun

GOOD = {Predikat.SANGAT_BAIK, Predikat.BAIK}
SOFT_KINDS = (Competency.Kind.MANAJERIAL, Competency.Kind.SOSIAL_KULTURAL)

# Kualifikasi: the highest formal education as a score (docs/domain.md §6, rekam jejak:
# pendidikan formal). Codes sort by level (positions.EducationLevel).
EDUCATION_SCORE = [
    (EducationLevel.S3, 100),
    (EducationLevel.S2, 90),
    (EducationLevel.D4, 75),
    (EducationLevel.D3, 60),
    (EducationLevel.D1, 50),
    (EducationLevel.SLTA, 40),
]
JP_TWO_YEARS = 40  # the 20 JP a year of PP 17/2020 over the two years the grid looks at
FULL_EXPERIENCE_YEARS = 10


def education_score(level: str) -> int:
    for minimum, score in EDUCATION_SCORE:
        if level >= minimum:
            return score
    return 25


def kinerja_of(predikat: list[tuple[int, str]], run: TalentRun) -> tuple[str, str]:
    """(Kinerja, words) from [(year, predikat)] of the last two years, newest first.

    Rule (editable per run): di bawah when at least `below_min_years` years are below Baik;
    di atas when none is below Baik and at least `above_min_sangat_baik` are Sangat Baik;
    otherwise sesuai. With one rated year, `single_year_counts` decides whether it is enough
    (the counts are then capped at one)."""
    words = ", ".join(f"{Predikat(p).label} {year}" for year, p in predikat)
    if not predikat or (len(predikat) == 1 and not run.single_year_counts):
        return "", words or "belum ada predikat tahunan"
    below = sum(1 for _, p in predikat if p not in GOOD)
    excellent = sum(1 for _, p in predikat if p == Predikat.SANGAT_BAIK)
    need_below = min(run.below_min_years, len(predikat))
    need_excellent = min(run.above_min_sangat_baik, len(predikat))
    if below >= need_below:
        return Kinerja.BAWAH, words
    if below == 0 and excellent >= need_excellent:
        return Kinerja.ATAS, words
    return Kinerja.SESUAI, words


def potensial_of(score: int, run: TalentRun) -> str:
    if score >= run.threshold_tinggi:
        return Potensial.TINGGI
    if score >= run.threshold_menengah:
        return Potensial.MENENGAH
    return Potensial.RENDAH


def kotak_of(kinerja: str, potensial: str) -> int:
    """The KemenPANRB box number (docs/domain.md §6): rows kinerja, columns potensial."""
    return KOTAK[(Kinerja(kinerja), Potensial(potensial))]


@dataclass
class Components:
    kompetensi: int | None
    kualifikasi: int | None
    rekam_jejak: int | None

    def weighted(self, run: TalentRun) -> int | None:
        """The weighted potential score 0–100 over the components that have data (the
        weights of a missing component are spread over the others); None without any."""
        pairs = [
            (self.kompetensi, run.weight_kompetensi),
            (self.kualifikasi, run.weight_kualifikasi),
            (self.rekam_jejak, run.weight_rekam_jejak),
        ]
        present = [(value, weight) for value, weight in pairs if value is not None and weight]
        total = sum(weight for _, weight in present)
        if not total:
            return None
        return round(sum(value * weight for value, weight in present) / total)


def competency_score(
    assessed: dict[int, int], required: dict[int, int], kinds_of: dict[int, str]
) -> tuple[int | None, str]:
    """Job-person match over the post's manajerial and sosial kultural standard:
    Σ min(assessed, required) ÷ Σ required × 100. Without a standard on the post, the mean
    assessed level against level 5."""
    soft_assessed = {c: level for c, level in assessed.items() if kinds_of.get(c) in SOFT_KINDS}
    if not soft_assessed:
        return None, "kompetensi belum dinilai"
    if required:
        met = sum(min(soft_assessed.get(c, 0), level) for c, level in required.items())
        score = round(100 * met / sum(required.values()))
        return score, f"kompetensi {score} (JPM terhadap standar jabatan)"
    score = round(20 * sum(soft_assessed.values()) / len(soft_assessed))
    return score, f"kompetensi {score} (jabatan tanpa standar: rata-rata level)"


def _annual_predikat(employee_ids: set[int], path: str, years: tuple[int, int]) -> dict:
    """{employee id: {year: predikat}} from final akhir evaluations (the SKP covering most of
    the year wins, as performance.annual), else imported RatingHistory, else the latest
    predikat stamped on the employee."""
    best: dict[tuple[int, int], tuple[tuple[int, dt.date], str]] = {}
    rows = (
        Evaluation.objects.filter(
            period=Evaluation.Period.TW4,
            status=Evaluation.Status.FINAL,
            skp__year__in=years,
            skp__superseded_at__isnull=True,
            skp__employee__unit__path__startswith=path,
        )
        .exclude(predikat="")
        .order_by()
        .values_list(
            "skp__employee_id", "skp__year", "skp__period_start", "skp__period_end", "predikat"
        )
    )
    for employee_id, year, start, end, predikat in rows:
        key = ((end - start).days + 1, start)
        if (employee_id, year) not in best or key > best[(employee_id, year)][0]:
            best[(employee_id, year)] = (key, predikat)
    result: dict[int, dict[int, str]] = defaultdict(dict)
    for (employee_id, year), (_, predikat) in best.items():
        result[employee_id][year] = predikat
    history = (
        RatingHistory.objects.filter(year__in=years, employee__unit__path__startswith=path)
        .exclude(predikat="")
        .values_list("employee_id", "year", "predikat")
    )
    for employee_id, year, predikat in history:
        result[employee_id].setdefault(year, predikat)
    # The latest predikat the performance app (or an import) stamps on the employee.
    stamped = (
        Employee.objects.filter(unit__path__startswith=path, latest_predikat_year__in=years)
        .exclude(latest_predikat="")
        .values_list("pk", "latest_predikat_year", "latest_predikat")
    )
    for employee_id, stamp_year, predikat in stamped:
        if stamp_year is not None:
            result[employee_id].setdefault(stamp_year, predikat)
    return {k: v for k, v in result.items() if k in employee_ids}


def _latest_competencies(path: str) -> dict[int, dict[int, int]]:
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    rows = (
        EmployeeCompetency.objects.filter(employee__unit__path__startswith=path)
        .order_by("assessed_on")  # the latest assessment wins
        .values_list("employee_id", "competency_id", "level")
    )
    for employee_id, competency_id, level in rows:
        levels[employee_id][competency_id] = level
    return levels


def _required(position_ids: set[int]) -> dict[int, dict[int, int]]:
    required: dict[int, dict[int, int]] = defaultdict(dict)
    rows = PositionCompetency.objects.filter(
        position_id__in=position_ids, competency__kind__in=SOFT_KINDS
    ).values_list("position_id", "competency_id", "level")
    for position_id, competency_id, level in rows:
        required[position_id][competency_id] = level
    return required


def compute_results(run: TalentRun, *, on: dt.date | None = None) -> list[TalentResult]:
    """The results of `run` over its unit subtree (not saved)."""
    on = on or timezone.localdate()
    path = run.unit.path
    years = (run.year, run.year - 1)
    employees = dict(
        Employee.objects.active()
        .filter(unit__path__startswith=path)
        .values_list("pk", "unit__path")
    )
    ids = set(employees)
    current = {
        row[0]: row[1:]
        for row in Placement.objects.open()
        .filter(kind=Placement.Kind.DEFINITIF, employee__unit__path__startswith=path)
        .values_list("employee_id", "position_id", "position__jenis")
    }
    predikat = _annual_predikat(ids, path, years)
    assessed = _latest_competencies(path)
    kinds_of = dict(Competency.objects.values_list("pk", "kind"))
    required = _required({position_id for position_id, _ in current.values()})
    education = dict(
        Education.objects.filter(employee__unit__path__startswith=path)
        .values("employee_id")
        .annotate(top=Max("level"))
        .values_list("employee_id", "top")
    )
    jp = dict(
        Participation.objects.counted()
        .filter(end_date__year__in=years, employee__unit__path__startswith=path)
        .values("employee_id")
        .annotate(total=Sum("jp"))
        .values_list("employee_id", "total")
    )
    first_post = dict(
        Placement.objects.filter(
            kind=Placement.Kind.DEFINITIF, employee__unit__path__startswith=path
        )
        .values("employee_id")
        .annotate(first=Min("start_date"))
        .values_list("employee_id", "first")
    )
    results = []
    for employee_id, unit_path in employees.items():
        position_id, jenis = current.get(employee_id, (None, ""))
        rated = sorted(predikat.get(employee_id, {}).items(), reverse=True)
        kinerja, kinerja_words = kinerja_of(rated, run)
        kompetensi, kompetensi_words = competency_score(
            assessed.get(employee_id, {}), required.get(position_id or 0, {}), kinds_of
        )
        level = education.get(employee_id)
        kualifikasi = education_score(level) if level else None
        years_served = (
            (on - first_post[employee_id]).days / 365.25 if employee_id in first_post else 0
        )
        experience = min(100, round(100 * years_served / FULL_EXPERIENCE_YEARS))
        training = min(100, round(100 * jp.get(employee_id, 0) / JP_TWO_YEARS))
        rekam_jejak = round((experience + training) / 2)
        parts = Components(kompetensi, kualifikasi, rekam_jejak)
        score = parts.weighted(run)
        potensial = potensial_of(score, run) if score is not None else ""
        kotak = kotak_of(kinerja, potensial) if kinerja and potensial else None
        kinerja_text = (
            f"kinerja: {kinerja_words} → {Kinerja(kinerja).label.lower()}"
            if kinerja
            else f"kinerja: {kinerja_words} → belum dapat dipetakan"
        )
        detail = "; ".join(
            filter(
                None,
                [
                    kompetensi_words,
                    f"kualifikasi {kualifikasi}"
                    if kualifikasi is not None
                    else "pendidikan kosong",
                    f"rekam jejak {rekam_jejak}",
                ],
            )
        )
        potensial_text = (
            f"potensial: {score}/100 → {Potensial(potensial).label.lower()} ({detail})"
            if potensial
            else "potensial: belum dapat dihitung"
        )
        results.append(
            TalentResult(
                run=run,
                employee_id=employee_id,
                unit_path=unit_path,
                position_id=position_id,
                jenis=jenis,
                kinerja=kinerja,
                potensial=potensial,
                kotak=kotak,
                potential_score=score,
                score_kompetensi=kompetensi,
                score_kualifikasi=kualifikasi,
                score_rekam_jejak=rekam_jejak,
                explanation=f"{kinerja_text}; {potensial_text}"[:500],
            )
        )
    return results


def compute_run(run_id: int) -> None:
    """Fill a pending run (idempotent: a finished run is left alone)."""
    with transaction.atomic():
        run = TalentRun.objects.select_for_update().select_related("unit").get(pk=run_id)
        if run.state != TalentRun.State.PENDING:
            return
        results = compute_results(run)
        TalentResult.objects.filter(run=run).delete()
        TalentResult.objects.bulk_create(results, batch_size=2000)
        run.state = TalentRun.State.DONE
        run.finished_at = timezone.now()
        run.employee_count = len(results)
        run.save(update_fields=["state", "finished_at", "employee_count"])
