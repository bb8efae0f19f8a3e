"""The SKP forms of the printed yearly bundle: the SKP (JA/JF or JPT variant) and the Lampiran
SKP, each as its own form (docs/domain.md §1.3, §1.10a).

One entry point for the bundle, `skp_parts(skp, identities=..., instansi_name=...)`: it returns
`{"skp_form": {...}}`, which the templates `performance/pdf/_skp_jajf.html` or `_skp_jpt.html`
(name in `skp_form.template`) and `performance/pdf/_lampiran_skp.html` read. It runs no query
when `skp` comes from `skp_for_print()` (or a queryset with the same prefetches), so the
bundle's query count stays fixed whatever the number of RHK.

`render_skp(skp_id)` prints the two forms alone (template `performance/pdf/skp.html`).
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation

from core.pdf import render_pdf
from positions.models import OrgUnit

from .models import BERAKHLAK, RHK, SKP, SKPQuerySet

SKP_JAJF_TEMPLATE = "performance/pdf/_skp_jajf.html"
SKP_JPT_TEMPLATE = "performance/pdf/_skp_jpt.html"
LAMPIRAN_TEMPLATE = "performance/pdf/_lampiran_skp.html"
SKP_DOCUMENT_TEMPLATE = "performance/pdf/skp.html"

TITLE = "SASARAN KINERJA PEGAWAI"
FOR_JAJF = "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
FOR_JPT = "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
IDENTITY_LABELS = ("NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN", "UNIT KERJA")
IDENTITY_KEYS = ("nama", "nip", "pangkat_gol", "jabatan", "unit")
IDENTITY_BLOCKS = ("pegawai", "penilai", "atasan_penilai")
# The notes under the JA/JF form (docs/domain.md §1.10a), marked where the columns are.
FOOTNOTE_INTERVENSI = (
    "Diisi dengan Rencana Hasil Kerja pimpinan (JPT atau organisasi) yang diintervensi oleh "
    "Rencana Hasil Kerja pegawai."
)
FOOTNOTE_EKSPEKTASI = (
    "Pimpinan dapat memberikan ekspektasi khusus atas perilaku kerja pegawai; bila tidak ada, "
    "dibiarkan kosong."
)


def skp_for_print() -> SKPQuerySet:
    """What the SKP forms read, in 1 + 3 queries: the SKP with its people and posts, its RHK
    (with the intervened RHK), their IKI and the ekspektasi."""
    return SKP.objects.select_related(
        "employee__unit",
        "position__unit",
        "penilai__unit",
        "penilai_position__unit",
        "penilai_position__parent__unit",
        "atasan_penilai__unit",
    ).prefetch_related(
        Prefetch("rhks", queryset=RHK.objects.select_related("parent_rhk").order_by("order", "pk")),
        "rhks__indicators",
        "expectations",
    )


def ppk_identity(instansi_name: str) -> dict[str, str]:
    """The Pejabat Pembina Kepegawaian (the gubernur, bupati or wali kota): the penilai or the
    atasan of a JPT who has no superior among the employees (docs/domain.md §1.10a). An
    elected official has no NIP nor pangkat; name and title come from the settings."""
    return {
        "nama": getattr(settings, "DOCUMENT_PPK_NAME", ""),
        "nip": "-",
        "pangkat_gol": "-",
        "jabatan": getattr(settings, "DOCUMENT_PPK_TITLE", "") or "Pejabat Pembina Kepegawaian",
        "unit": instansi_name,
    }


def official_identities(
    skp: SKP, identities: dict[str, dict[str, str]], *, instansi_name: str
) -> dict[str, dict[str, str]]:
    """The identity blocks as the forms print them: for a JPT, a penilai or atasan penilai
    missing from the data is the PPK (never a block of dashes), and the penilai's fifth row
    is the instansi (docs/domain.md §1.10a)."""
    result = {key: dict(identities.get(key) or {}) for key in IDENTITY_BLOCKS}
    if not skp.is_jpt:
        return result
    if not result.get("penilai"):
        result["penilai"] = ppk_identity(instansi_name)
        result["atasan_penilai"] = {}  # nobody above the PPK
    elif not result.get("atasan_penilai"):
        result["atasan_penilai"] = ppk_identity(instansi_name)
    result["penilai"]["unit"] = instansi_name
    return result


def _identity_rows(
    pegawai: dict[str, str], penilai: dict[str, str], *, is_jpt: bool
) -> list[dict[str, Any]]:
    rows = []
    for number, (label, key) in enumerate(zip(IDENTITY_LABELS, IDENTITY_KEYS, strict=True), 1):
        rows.append(
            {
                "number": number,
                "label": label,
                "pegawai": pegawai.get(key) or "—",
                "penilai_label": "INSTANSI" if is_jpt and key == "unit" else label,
                "penilai": penilai.get(key) or "—",
            }
        )
    return rows


def _hasil_groups(skp: SKP, *, assigned_by: str) -> list[dict[str, Any]]:
    """RHK grouped A. UTAMA / B. TAMBAHAN, each with its IKI rows (one empty row for an RHK
    without IKI, so it still prints). `assigned_by` is the JPT form's "penugasan dari"."""
    groups = []
    for jenis, label in ((RHK.Jenis.UTAMA, "A. UTAMA"), (RHK.Jenis.TAMBAHAN, "B. TAMBAHAN")):
        items: list[dict[str, Any]] = []
        for rhk in (r for r in skp.rhks.all() if r.jenis == jenis):
            indicators = list(rhk.indicators.all())
            items.append(
                {
                    "number": len(items) + 1,
                    "rhk": rhk,
                    "intervened": rhk.parent_rhk.text if rhk.parent_rhk else "",
                    "assigned_by": assigned_by if jenis == RHK.Jenis.UTAMA else "",
                    "perspektif": rhk.get_perspektif_display(),
                    "rows": [
                        {
                            "aspek": ind.get_aspek_display(),
                            "text": ind.text,
                            "target": ind.target_display,
                        }
                        for ind in indicators
                    ]
                    or [{}],
                }
            )
        groups.append({"label": label, "items": items})
    return groups


def _behaviour(skp: SKP) -> list[dict[str, Any]]:
    expectations = {e.value: e.ekspektasi for e in skp.expectations.all()}
    return [
        {"number": n, "label": label, "panduan": guides, "ekspektasi": expectations.get(code, "")}
        for n, (code, label, guides) in enumerate(BERAKHLAK, start=1)
    ]


_LIST_MARK = re.compile(r"^\s*(?:[-•*]|\d+[.)]|[a-z][.)])\s+")


def lines(text: str) -> list[str]:
    """A Lampiran SKP field (one item a line) as a list; the template numbers the items, so
    bullets and numbering typed by the user are dropped."""
    return [_LIST_MARK.sub("", line).strip() for line in text.splitlines() if line.strip()]


def skp_parts(
    skp: SKP,
    *,
    identities: dict[str, dict[str, str]],
    instansi_name: str,
    place: str,
) -> dict[str, Any]:
    """The context of the SKP and Lampiran SKP forms, under one key `skp_form`.

    `skp` carries the prefetches of `skp_for_print()` (no query here); `identities` are the
    {"pegawai", "penilai", "atasan_penilai"} blocks frozen at approval. The variant follows
    the post's jenis: JPT (§1.10a) or JA/JF (§1.10a)."""
    is_jpt = skp.is_jpt
    people = official_identities(skp, identities, instansi_name=instansi_name)
    penilai = people.get("penilai") or {}
    lampiran = [
        ("DUKUNGAN SUMBER DAYA", lines(skp.dukungan_sumber_daya)),
        ("SKEMA PERTANGGUNGJAWABAN", lines(skp.skema_pertanggungjawaban)),
        ("KONSEKUENSI", lines(skp.konsekuensi)),
    ]
    form = {
        "template": SKP_JPT_TEMPLATE if is_jpt else SKP_JAJF_TEMPLATE,
        "lampiran_template": LAMPIRAN_TEMPLATE,
        "is_jpt": is_jpt,
        "title_lines": [
            TITLE,
            f"PENDEKATAN HASIL KERJA {skp.get_pendekatan_display().upper()}",
            FOR_JPT if is_jpt else FOR_JAJF,
        ],
        "lampiran_title_lines": [
            f"LAMPIRAN {TITLE}",
            f"PENDEKATAN HASIL KERJA {skp.get_pendekatan_display().upper()}",
            FOR_JPT if is_jpt else FOR_JAJF,
        ],
        "instansi": instansi_name,
        "period_start": skp.period_start,
        "period_end": skp.period_end,
        "year": skp.year,
        "identities": people,
        "identity_rows": _identity_rows(people.get("pegawai") or {}, penilai, is_jpt=is_jpt),
        "hasil_groups": _hasil_groups(skp, assigned_by=penilai.get("jabatan", "")),
        "behaviour": _behaviour(skp),
        "lampiran": lampiran,
        "footnotes": (
            [("**", FOOTNOTE_EKSPEKTASI)]
            if is_jpt
            else [("*", FOOTNOTE_INTERVENSI), ("**", FOOTNOTE_EKSPEKTASI)]
        ),
        "place": place,
        # Signed on approval; an SKP not yet approved shows the day of printing.
        "signed_on": timezone.localdate(skp.approved_at)
        if skp.approved_at
        else timezone.localdate(),
    }
    return {"skp_form": form}


def render_skp(skp_id: int, *, identities: dict[str, dict[str, str]] | None = None) -> bytes:
    """The SKP and its Lampiran alone, as two forms (no verification code: not a final
    document of the year)."""
    from . import services

    skp = skp_for_print().get(pk=skp_id)
    if identities is None:
        snapshot = skp.snapshot or {}
        if any(snapshot.get(k) for k in IDENTITY_BLOCKS):
            identities = {k: snapshot.get(k) or {} for k in IDENTITY_BLOCKS}
        else:
            identities = {
                "pegawai": services.identity(skp.employee, skp.position),
                "penilai": services.identity(skp.penilai, skp.penilai_position, skp.period_start),
                "atasan_penilai": services.identity(
                    skp.atasan_penilai,
                    skp.penilai_position.parent if skp.penilai_position else None,
                    skp.period_start,
                ),
            }
    instansi_name = settings.INSTANSI_NAME
    unit = skp.position.unit
    # The letterhead names the perangkat daerah the post sits in, not its bidang or seksi.
    opd = (
        OrgUnit.objects.filter(
            path__in=OrgUnit.lineage_paths(unit.path),
            kind=OrgUnit.Kind.PERANGKAT_DAERAH,
        )
        .order_by("-depth")
        .first()
    )
    context = {
        "instansi_name": instansi_name,
        "opd_name": opd.name if opd else unit.name,
        **skp_parts(
            skp,
            identities=identities,
            instansi_name=instansi_name,
            place=getattr(settings, "DOCUMENT_PLACE", "Bandar Lampung"),
        ),
    }
    with translation.override("id"):
        return render_pdf(SKP_DOCUMENT_TEMPLATE, context)
