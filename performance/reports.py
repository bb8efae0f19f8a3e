"""The PDF documents of the yearly evaluation (rendering only: no DB writes, no storage).

* The employee report: the yearly bundle, one official form after another, each from a new
  page (docs/domain.md §1.10a): Dokumen Evaluasi Kinerja Pegawai, Evaluasi Kinerja Pegawai with
  its Pola Distribusi figure, Kuadran Kinerja, the SKP and its Lampiran, then the year's
  pengembangan kompetensi; A4 portrait, with a small verification code and QR code outside the
  official blocks and in the running footer.
* The unit recap: every active employee of a unit subtree with ratings, predikat and JP, the
  distribution against the curve rules (as a figure; provisional while employees are unrated)
  and the 20 JP compliance, in A4 landscape.

performance sits below training in the app layers (docs/architecture.md) and imports nothing
from it. The pengembangan kompetensi page and the JP columns of the recap are added by the
training app, which registers them here from TrainingConfig.ready() (register_report_section,
register_recap_columns).

Both contexts are built from a fixed number of queries, whatever the number of RHK,
indicators, participations or employees (pinned by tests/performance/test_report_pdf.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.pdf import Part, render_in_parts, render_pdf
from positions.models import STRUCTURAL_JENIS, Employee, OrgUnit, Placement, Position, Predikat

from . import pdf_skp, services
from .annual import annual_predikat, annual_results
from .figures import pola_distribusi_svg
from .models import (
    BERAKHLAK,
    REGULATION,
    RHK,
    SKP,
    CurveRule,
    Evaluation,
    OrganisationPerformance,
    PredikatRule,
    Rating,
    SKPQuerySet,
)

EMPLOYEE_TEMPLATE = "performance/pdf/employee_report.html"
RECAP_TEMPLATE = "performance/pdf/unit_recap.html"
IDENTITY_KEYS = ("pegawai", "penilai", "atasan_penilai")
NOT_RATED = "Belum dinilai"


def _place() -> str:
    # Where documents are signed; an instansi outside Bandar Lampung can set DOCUMENT_PLACE.
    return getattr(settings, "DOCUMENT_PLACE", "Bandar Lampung")


def _covering_key(start: dt.date, end: dt.date) -> tuple[int, dt.date]:
    """The annual-predikat order of annual.annual_predikat: most days, then the later start."""
    return ((end - start).days + 1, start)


def qr_svg_data_uri(text: str) -> str:
    """`text` (the verification URL) as a QR code in an SVG data: URI, for <img src>."""
    import segno

    return segno.make(text, error="m").svg_data_uri(scale=4, border=2)


# --- Pages and columns other apps add -------------------------------------------------------

# builder(employee_id, year) -> the template context of its page in the employee report.
SectionBuilder = Callable[[int, int], dict[str, Any]]


@dataclass(frozen=True)
class RecapColumns:
    """Columns an app adds to every row of the unit recap, and their summary line.

    annotate(employees, year) adds what the cells read to the recap's one employee query;
    cells(employee) -> {name: value} read in the template as row.<name>;
    summary(rows) -> extra template context (e.g. counts over row["name"])."""

    annotate: Callable[[QuerySet[Employee], int], QuerySet[Employee]]
    cells: Callable[[Employee], dict[str, Any]]
    summary: Callable[[list[RecapRow]], dict[str, Any]]


_sections: dict[str, SectionBuilder] = {}
_recap_columns: dict[str, RecapColumns] = {}


def register_report_section(name: str, builder: SectionBuilder) -> None:
    """Add a page to the employee report (registering a name again replaces it)."""
    _sections[name] = builder


def register_recap_columns(name: str, columns: RecapColumns) -> None:
    """Add columns to the unit recap (registering a name again replaces it)."""
    _recap_columns[name] = columns


def _merge(context: dict[str, Any], extra: dict[str, Any], name: str) -> None:
    clash = context.keys() & extra.keys()
    if clash:
        raise ImproperlyConfigured(f"Report section {name!r} overrides {sorted(clash)}.")
    context.update(extra)


# --- Employee report ----------------------------------------------------------------------


def report_skp(employee_id: int, year: int) -> SKP | None:
    """The approved, current (superseded_at null) SKP of that year that the annual predikat
    uses (covering most days); None if none is approved."""
    skps = list(
        SKP.objects.current()
        .filter(employee_id=employee_id, year=year, status=SKP.Status.DISETUJUI)
        .prefetch_related(Prefetch("evaluations", queryset=Evaluation.objects.filter(period="tw4")))
    )
    # Only SKPs with a rated akhir evaluation decide the annual predikat; before any is
    # rated, the report is about the SKP covering most of the year.
    rated = [skp for skp in skps if annual_predikat([skp])]
    candidates = rated or skps
    if not candidates:
        return None
    return max(candidates, key=lambda s: _covering_key(s.period_start, s.period_end))


def _skp_for_pdf() -> SKPQuerySet:
    """Everything the employee template touches: 1 query for the SKP and its people,
    RHK, indicators, expectations, and the akhir evaluation with its realisations and
    behaviour feedback (6 prefetch queries when the akhir evaluation exists, 4 before)."""
    akhir = (
        Evaluation.objects.filter(period=Evaluation.Period.TW4)
        .select_related("finalised_by")
        .prefetch_related("realisations", "behaviour_feedback")
    )
    # The SKP forms' reads (pdf_skp.skp_for_print), plus the akhir evaluation.
    return pdf_skp.skp_for_print().prefetch_related(
        Prefetch("evaluations", queryset=akhir, to_attr="akhir")
    )


def _identities(skp: SKP) -> dict[str, dict[str, str]]:
    """Identity blocks frozen at approval; today's rows only for an SKP approved without a
    snapshot (data from before snapshots existed)."""
    snapshot = skp.snapshot or {}
    if any(snapshot.get(key) for key in IDENTITY_KEYS):
        return {key: snapshot.get(key) or {} for key in IDENTITY_KEYS}
    penilai_position = skp.penilai_position
    on = skp.period_start  # the roles date: a Plt or Plh is printed as such
    return {
        "pegawai": services.identity(skp.employee, skp.position),
        "penilai": services.identity(skp.penilai, penilai_position, on),
        "atasan_penilai": services.identity(
            skp.atasan_penilai, penilai_position.parent if penilai_position else None, on
        ),
    }


def _number(value: Any) -> str:
    """As Indicator.target_display prints numbers: 12.50 -> '12.5', 8.00 -> '8'."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# An RHK with up to about this much text is kept on one page (about a third of a page in the
# evaluation table); a longer one flows across pages rather than leave a page mostly blank.
KEEP_TOGETHER_CHARS = 900


def _text_length(rhk: RHK, rows: list[dict[str, Any]]) -> int:
    parts = [rhk.text, rhk.parent_rhk.text if rhk.parent_rhk else ""]
    for row in rows:
        realisation = row["realisation"]
        parts.append(row["indicator"].text)
        if realisation is not None:
            parts += [realisation.text, realisation.umpan_balik]
    return sum(len(part) for part in parts)


def _hasil_groups(skp: SKP, evaluation: Evaluation | None) -> list[dict[str, Any]]:
    """RHK grouped A. UTAMA / B. TAMBAHAN; each RHK with its indicator rows (at least one
    row, so an RHK without IKI still prints) and the akhir realisation of each IKI."""
    realisations = {r.indicator_id: r for r in evaluation.realisations.all()} if evaluation else {}
    groups = []
    for jenis, label in ((RHK.Jenis.UTAMA, "A. UTAMA"), (RHK.Jenis.TAMBAHAN, "B. TAMBAHAN")):
        items: list[dict[str, Any]] = []
        for rhk in (r for r in skp.rhks.all() if r.jenis == jenis):
            rows = []
            for indicator in rhk.indicators.all():
                realisation = realisations.get(indicator.pk)
                realisasi = ""
                if realisation is not None:
                    realisation.indicator = indicator  # capaian reads the target, no query
                    if realisation.value is not None:
                        realisasi = f"{_number(realisation.value)} {indicator.target_satuan}"
                rows.append(
                    {
                        "indicator": indicator,
                        "realisation": realisation,
                        "realisasi": realisasi.strip(),
                    }
                )
            items.append(
                {
                    "number": len(items) + 1,
                    "rhk": rhk,
                    "rows": rows or [{}],
                    "keep_together": _text_length(rhk, rows) <= KEEP_TOGETHER_CHARS,
                }
            )
        groups.append({"label": label, "items": items})
    return groups


def _behaviour_rows(skp: SKP, evaluation: Evaluation | None) -> list[dict[str, Any]]:
    expectations = {e.value: e.ekspektasi for e in skp.expectations.all()}
    feedback = (
        {f.value: f.umpan_balik for f in evaluation.behaviour_feedback.all()} if evaluation else {}
    )
    return [
        {
            "number": number,
            "label": label,
            "panduan": guides,
            "ekspektasi": expectations.get(code, ""),
            "umpan_balik": feedback.get(code, ""),
        }
        for number, (code, label, guides) in enumerate(BERAKHLAK, start=1)
    ]


def _local_date(moment: dt.datetime | None) -> dt.date:
    return timezone.localdate(moment) if moment else timezone.localdate()


BAGI = {False: pdf_skp.FOR_JAJF, True: pdf_skp.FOR_JPT}
# The annual evaluation is the akhir one (docs/domain.md §1.8).
PERIODE_AKHIR = "PERIODE: TAHUNAN (AKHIR)"
# The kuadran as drawn in the forms (docs/domain.md §1.10a, part 3): hasil kerja on the vertical
# axis (di atas at the top), perilaku kerja on the horizontal one (di atas on the right).
KUADRAN_ROWS = (Rating.DIATAS, Rating.SESUAI, Rating.DIBAWAH)
KUADRAN_COLUMNS = (Rating.DIBAWAH, Rating.SESUAI, Rating.DIATAS)


def _kuadran(evaluation: Evaluation | None) -> dict[str, Any]:
    """The 3×3 matrix from the predikat rules (1 query), the employee's cell marked."""
    cells = {
        (rule.rating_hasil, rule.rating_perilaku): rule.predikat
        for rule in PredikatRule.objects.filter(regulation=REGULATION)
    }
    mine = (evaluation.rating_hasil, evaluation.rating_perilaku) if evaluation else None
    return {
        "columns": [Rating(c).label for c in KUADRAN_COLUMNS],
        "rows": [
            {
                "label": Rating(hasil).label,
                "cells": [
                    {
                        "predikat": Predikat(cells[hasil, perilaku]).label
                        if (hasil, perilaku) in cells
                        else "",
                        "mine": mine == (hasil, perilaku),
                    }
                    for perilaku in KUADRAN_COLUMNS
                ],
            }
            for hasil in KUADRAN_ROWS
        ],
    }


def _pola_distribusi(
    org: OrganisationPerformance | None, year: int, own: str
) -> dict[str, Any] | None:
    """The organisation's curve (docs/domain.md §1.7) over the population the year is closed
    on: the annual predikat (performance.annual) of everyone whose SKP of the year lay in the
    unit, those who have since moved or retired included. It is provisional while an active
    employee of the unit is still unrated (4 queries; none before the predikat organisasi is
    set, when there is no curve to draw)."""
    if org is None:
        return None
    annual = annual_results(org.unit, year)
    counts = dict.fromkeys(Predikat.values, 0)
    for predikat in annual.values():
        counts[predikat] += 1
    unrated = Employee.objects.active().in_subtree(org.unit).count() - len(
        _akhir_results(org.unit, year)
    )
    rules = list(CurveRule.objects.filter(org_predikat=org.predikat))
    return {
        "svg": pola_distribusi_svg(counts, rules, own=own),
        "rated": len(annual),
        "total": len(annual) + unrated,
        "provisional": unrated > 0,
    }


def employee_report_context(skp: SKP, *, verification_code: str, verify_url: str) -> dict:
    skp = _skp_for_pdf().get(pk=skp.pk)
    evaluation = skp.akhir[0] if skp.akhir else None
    unit = skp.position.unit
    prefixes = OrgUnit.lineage_paths(unit.path)
    ancestors = list(OrgUnit.objects.filter(path__in=prefixes).order_by("path"))
    opd = next((u for u in reversed(ancestors) if u.kind == OrgUnit.Kind.PERANGKAT_DAERAH), None)
    # The predikat kinerja organisasi of the nearest unit that has one (the evaluation page's
    # rule): a bidang without its own row takes its dinas's.
    org = (
        OrganisationPerformance.objects.filter(year=skp.year, unit__path__in=prefixes)
        .select_related("unit")
        .order_by("-unit__depth")
        .first()
    )
    rated = evaluation is not None and bool(evaluation.predikat)
    # The SKP and Lampiran SKP forms (no query: skp carries their prefetches); their identity
    # blocks, with the PPK where a JPT has no penilai or atasan in the data, serve every form.
    skp_forms = pdf_skp.skp_parts(
        skp, identities=_identities(skp), instansi_name=settings.INSTANSI_NAME, place=_place()
    )
    identities = skp_forms["skp_form"]["identities"]
    title = f"PENDEKATAN HASIL KERJA {skp.get_pendekatan_display().upper()}"
    context = {
        **skp_forms,
        "instansi_name": settings.INSTANSI_NAME,
        "opd_name": opd.name if opd else unit.name,
        "place": _place(),
        "skp": skp,
        "year": skp.year,
        "is_jpt": skp.is_jpt,
        "evaluasi_title_lines": [
            "EVALUASI KINERJA PEGAWAI",
            title,
            BAGI[skp.is_jpt],
            PERIODE_AKHIR,
        ],
        "kuadran_title_lines": ["KUADRAN KINERJA PEGAWAI", PERIODE_AKHIR],
        "identities": identities,
        "identity_blocks": [
            (number, heading, identities[key])
            for number, (key, heading) in enumerate(
                (
                    ("pegawai", "PEGAWAI YANG DINILAI"),
                    ("penilai", "PEJABAT PENILAI KINERJA"),
                    ("atasan_penilai", "ATASAN PEJABAT PENILAI KINERJA"),
                ),
                start=1,
            )
        ],
        "org": org,
        "evaluation": evaluation,
        "is_final": evaluation is not None and evaluation.status == Evaluation.Status.FINAL,
        "rating_hasil": Rating(evaluation.rating_hasil).label
        if evaluation and evaluation.rating_hasil
        else "",
        "rating_perilaku": Rating(evaluation.rating_perilaku).label
        if evaluation and evaluation.rating_perilaku
        else "",
        "predikat": Predikat(evaluation.predikat).label if rated else "",
        "kuadran": _kuadran(evaluation),
        "pola": _pola_distribusi(org, skp.year, evaluation.predikat if evaluation else ""),
        "hasil_groups": _hasil_groups(skp, evaluation),
        "behaviour": _behaviour_rows(skp, evaluation),
        # Signed when the akhir evaluation was finalised / the SKP approved; until then,
        # the day of printing.
        "evaluated_on": _local_date(evaluation.finalised_at if evaluation else None),
        "verification_code": verification_code,
        "verify_url": verify_url,
        "qr_data_uri": qr_svg_data_uri(verify_url),
    }
    for name, builder in _sections.items():
        _merge(context, builder(skp.employee_id, skp.year), name)
    return context


def render_employee_report(skp_id: int, *, verification_code: str, verify_url: str) -> bytes:
    skp = SKP.objects.get(pk=skp_id)
    context = employee_report_context(
        skp, verification_code=verification_code, verify_url=verify_url
    )
    # Month names in Indonesian even when a caller (a Celery worker) activated another language.
    with translation.override("id"):
        return render_pdf(EMPLOYEE_TEMPLATE, context)


# --- Unit recap ---------------------------------------------------------------------------


@dataclass
class RecapRow:
    number: int
    name: str
    nip: str
    jabatan: str
    unit: str
    rating_hasil: str
    rating_perilaku: str
    predikat: str  # label, "" when not rated
    extra: dict[str, Any] = field(default_factory=dict)  # the cells of registered RecapColumns

    def __getitem__(self, name: str) -> Any:
        # Templates look row.<name> up as row[name] first: the extra cells read like fields.
        return self.extra[name]


def _akhir_results(unit: OrgUnit, year: int) -> dict[int, dict[str, Any]]:
    """{employee id: the rated akhir evaluation that decides the year} for the active
    employees of the subtree, in one query. Same rule as annual.annual_predikat (the SKP
    covering most days with a rated akhir), over all of the person's current SKPs of the year,
    wherever the posts were."""
    rows = (
        Evaluation.objects.filter(
            period=Evaluation.Period.TW4,
            skp__year=year,
            skp__superseded_at__isnull=True,
            skp__employee__status=Employee.Status.AKTIF,
            skp__employee__unit__path__startswith=unit.path,
        )
        .exclude(predikat="")
        .values(
            "skp__employee_id",
            "skp__period_start",
            "skp__period_end",
            "rating_hasil",
            "rating_perilaku",
            "predikat",
        )
    )
    best: dict[int, dict[str, Any]] = {}
    for row in rows:
        key = _covering_key(row["skp__period_start"], row["skp__period_end"])
        current = best.get(row["skp__employee_id"])
        if current is None or key > current["key"]:
            best[row["skp__employee_id"]] = {**row, "key": key}
    return best


def _unit_head(unit: OrgUnit) -> dict[str, str]:
    """Today's holder of the unit's highest structural post (Plt/Plh marked), who signs."""
    head = (
        Position.objects.filter(unit=unit, jenis__in=STRUCTURAL_JENIS, is_active=True)
        .order_by("-kelas", "pk")
        .first()
    )
    if head is None:
        return {"jabatan": f"Pimpinan {unit.name}", "nama": "", "nip": ""}
    holder = Placement.objects.holder_of(head.pk, timezone.localdate())
    prefix = {"plt": "Plt. ", "plh": "Plh. "}.get(holder.kind, "") if holder else ""
    return {
        "jabatan": f"{prefix}{head.title}",
        "nama": holder.employee.full_name if holder else "",
        "nip": holder.employee.nip if holder else "",
    }


def unit_recap_context(unit: OrgUnit, year: int) -> dict:
    """Seven queries whatever the size of the subtree: organisation predikat, employees with
    current jabatan (and what registered RecapColumns annotate, e.g. JP), akhir results, the
    annual predikat of the year's whole population (the curve's), curve rules, the head post
    and its holder."""
    org = OrganisationPerformance.objects.filter(unit=unit, year=year).first()
    employees = Employee.objects.active().in_subtree(unit).select_related("unit")
    for columns in _recap_columns.values():
        employees = columns.annotate(employees, year)
    employees = employees.for_list().order_by("unit__path", "name", "pk")
    results = _akhir_results(unit, year)
    ratings = dict(Rating.choices)
    labels = dict(Predikat.choices)
    rows = []
    counts = dict.fromkeys(labels, 0)
    for number, emp in enumerate(employees, start=1):
        result = results.get(emp.pk)
        if result:
            counts[result["predikat"]] += 1
        rows.append(
            RecapRow(
                number=number,
                name=emp.full_name,
                nip=emp.nip,
                jabatan=emp.position_title,
                unit=emp.unit.name if emp.unit else "",
                rating_hasil=ratings.get(result["rating_hasil"], "") if result else "",
                rating_perilaku=ratings.get(result["rating_perilaku"], "") if result else "",
                predikat=labels[result["predikat"]] if result else "",
                extra={
                    key: value
                    for columns in _recap_columns.values()
                    for key, value in columns.cells(emp).items()
                },
            )
        )
    active_rated = sum(counts.values())
    # The curve is judged on the population the year is closed on (docs/domain.md §1.7):
    # everyone whose SKP of the year lay in the subtree, those who have since moved or retired
    # included, each with the annual predikat of performance.annual (two more queries).
    annual = annual_results(unit, year)
    counts = dict.fromkeys(labels, 0)
    for predikat in annual.values():
        counts[predikat] += 1
    rated = len(annual)
    in_year = rated + len(rows) - active_rated  # the rated, and the active still unrated
    # The rules of services.curve_violations, read once for the verdict and the figure.
    rules = list(CurveRule.objects.filter(org_predikat=org.predikat)) if org else []
    violations = [v for rule in rules if (v := rule.violation(counts))]
    context = {
        "instansi_name": settings.INSTANSI_NAME,
        "place": _place(),
        "printed_on": timezone.localdate(),
        "unit": unit,
        "year": year,
        "org": org,
        "rows": rows,
        "distribution": [
            {
                "label": label,
                "count": counts[code],
                "pct": counts[code] * 100 / rated if rated else 0,
            }
            for code, label in labels.items()
        ],
        "rated": rated,
        "rated_elsewhere": rated - active_rated,  # moved or retired since, still in the curve
        "in_year": in_year,
        "not_rated": len(rows) - active_rated,
        "not_rated_label": NOT_RATED,
        "total": len(rows),
        "violations": violations,
        # While anyone is unrated the distribution is not judged (docs/domain.md §1.7).
        "provisional": active_rated < len(rows),
        "figure": pola_distribusi_svg(counts, rules),
        "signer": _unit_head(unit),
    }
    for name, columns in _recap_columns.items():
        _merge(context, columns.summary(rows), name)
    return context


def render_unit_recap(unit_id: int, year: int) -> bytes:
    unit = OrgUnit.objects.get(pk=unit_id)
    return render_recap(unit_recap_context(unit, year))


def render_recap(context: dict[str, Any], *, rows_per_part: int | None = None) -> bytes:
    """The recap PDF of `unit_recap_context`, its list of employees laid out in parts
    (core.pdf.render_in_parts): a dinas of thousands of ASN would otherwise hold every page's
    layout at once."""

    def html_for(rows: Sequence[RecapRow], part: Part) -> str:
        return render_to_string(RECAP_TEMPLATE, {**context, "rows": rows, "part": part})

    with translation.override("id"):
        return render_in_parts(html_for, context["rows"], rows_per_part=rows_per_part)
