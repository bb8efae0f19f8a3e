"""Batas usia pensiun per post (docs/domain.md §4.5).

PP 11/2017 Ps. 239 sets BUP by jabatan: 58 for pejabat administrasi (administrator, pengawas,
pelaksana) and JF ahli pertama, ahli muda and keterampilan; 60 for JPT and JF ahli madya; 65 for
JF ahli utama. Ps. 240 lets a JF's own law set its BUP (guru 60, UU 14/2005 Ps. 30(4); dosen 65,
Ps. 67(4)). The JF part lives in the `FunctionalBup` table that HR edits; the result is stamped on
`Position.bup_age`, so every reader, in Python or in SQL, uses one stored number.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet

from .models import FunctionalBup, Position

JPT_JENIS = ("jpt_utama", "jpt_madya", "jpt_pratama")
DEFAULT_BUP = 58
JPT_BUP = 60

# The seed of the table (docs/domain.md §4.5): the jenjang rules of Ps. 239 and the JF with a
# BUP of their own law. HR adds rows as new regulations appear.
DEFAULT_RULES: tuple[tuple[str, str, int, str], ...] = (
    ("", "ahli_madya", 60, "PP 11/2017 Pasal 239 huruf b"),
    ("", "ahli_utama", 65, "PP 11/2017 Pasal 239 huruf c"),
    ("Guru", "", 60, "UU 14/2005 Pasal 30 ayat (4) jo. PP 11/2017 Pasal 240"),
    ("Dosen", "", 65, "UU 14/2005 Pasal 67 ayat (4) jo. PP 11/2017 Pasal 240"),
)


def _specificity(rule: FunctionalBup) -> int:
    return (2 if rule.name else 0) + (1 if rule.jenjang else 0)


def bup_age_for(jenis: str, name: str, jenjang: str) -> int:
    """The BUP of a post with this jenis, name and jenjang (one query for a JF post)."""
    if jenis in JPT_JENIS:
        return JPT_BUP
    if jenis != Position.Jenis.FUNGSIONAL:
        return DEFAULT_BUP
    rules = FunctionalBup.objects.filter(
        Q(name="") | Q(name__iexact=name.strip()), Q(jenjang="") | Q(jenjang=jenjang)
    )
    best = max(rules, key=_specificity, default=None)
    return best.bup_age if best else DEFAULT_BUP


def refresh_bup_ages(positions: QuerySet[Position] | None = None) -> int:
    """Re-stamp `bup_age` on every post (or the given queryset) in a few UPDATEs: the base rule
    per jenis, then each table row from the least to the most specific, so the most specific
    row wins. Returns the number of posts whose BUP changed."""
    qs = Position.objects.all() if positions is None else positions
    before = dict(qs.values_list("pk", "bup_age"))
    with transaction.atomic():
        qs.filter(jenis__in=JPT_JENIS).update(bup_age=JPT_BUP)
        qs.exclude(jenis__in=JPT_JENIS).update(bup_age=DEFAULT_BUP)
        functional = qs.filter(jenis=Position.Jenis.FUNGSIONAL)
        for rule in sorted(FunctionalBup.objects.all(), key=_specificity):
            covered = functional
            if rule.name:
                covered = covered.filter(name__iexact=rule.name.strip())
            if rule.jenjang:
                covered = covered.filter(jenjang=rule.jenjang)
            covered.update(bup_age=rule.bup_age)
    after = dict(qs.values_list("pk", "bup_age"))
    return sum(1 for pk, age in after.items() if before.get(pk) != age)


def ensure_default_rules() -> int:
    """Create the seed rows that are missing (idempotent); returns how many were created."""
    created = 0
    for name, jenjang, age, basis in DEFAULT_RULES:
        _, was_created = FunctionalBup.objects.get_or_create(
            name=name, jenjang=jenjang, defaults={"bup_age": age, "legal_basis": basis}
        )
        created += was_created
    return created
