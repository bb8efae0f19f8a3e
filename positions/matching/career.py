"""Career rules of placement (docs/domain.md §3.8): the ladder of jenjang and the appointment
requirements of PP 11/2017 jo PP 17/2020, in one place.

The ranking turns them into SQL conditions (`career_conditions`, evaluated for the whole pool in
the one ranking and summary queries); the explanation checks the same rules in Python for the
few displayed rows (`assess`). Both read the same table, so the words match the filter.

Ladder (`level_of`): pelaksana and JF at pelaksana level (keterampilan, ahli pertama) 0 →
pengawas / ahli muda 1 → administrator / ahli madya 2 → JPT pratama / ahli utama 3 → JPT madya 4
→ JPT utama 5 (penyetaraan jabatan, docs/domain.md §3.2).

* No demotion: a candidate whose current definitive post is on a higher level than the target
  is excluded for every target (a lower post is a disciplinary sanction, PP 94/2021).
* One step at a time for structural targets: the candidate holds or held (“sedang atau pernah
  menduduki”) a post at most one level below the target.
* The requirements of `RULES` (education, years in the lower post, age) for a promotion; a
  lateral move (current post on the target's level) keeps the years and age already proven.
  Education applies to everyone. Pangkat minimums are per-instansi settings
  (`CAREER_MIN_GOLONGAN`, default JPT pratama IV/b) on top of the post's own minimum.
* Leadership training (PKP/PKA/PKN) is not a precondition: it is due within
  `LEADERSHIP_GRACE_MONTHS` after appointment, shown as “wajib dalam N bulan”.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Case,
    ExpressionWrapper,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

from positions.models import EducationLevel, Golongan, Leadership, Placement, Position

# --- The ladder -----------------------------------------------------------------

LEVEL_BY_JENIS: dict[str, int] = {
    "pelaksana": 0,
    "pengawas": 1,
    "administrator": 2,
    "jpt_pratama": 3,
    "jpt_madya": 4,
    "jpt_utama": 5,
}
LEVEL_BY_JENJANG: dict[str, int] = {
    "pemula": 0,
    "terampil": 0,
    "mahir": 0,
    "penyelia": 0,
    "ahli_pertama": 0,
    "ahli_muda": 1,
    "ahli_madya": 2,
    "ahli_utama": 3,
}
LEVEL_LABELS: dict[int, str] = {
    0: "pelaksana",
    1: "pengawas",
    2: "administrator",
    3: "JPT pratama",
    4: "JPT madya",
    5: "JPT utama",
}
TOP_LEVEL = max(LEVEL_BY_JENIS.values())
KEAHLIAN = ("ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama")
JPT_JENIS = ("jpt_utama", "jpt_madya", "jpt_pratama")


def level_of(jenis: str, jenjang: str = "") -> int:
    """The rung of a post on the career ladder (see the module docstring)."""
    if jenis == Position.Jenis.FUNGSIONAL:
        return LEVEL_BY_JENJANG.get(jenjang, 0)
    return LEVEL_BY_JENIS.get(jenis, 0)


def is_jpt(position: Position) -> bool:
    return position.jenis in JPT_JENIS


def level_q(levels: Iterable[int], prefix: str = "position__") -> Q:
    """Posts whose level is in `levels`, as a filter on the position columns."""
    wanted = set(levels)
    jenis = [j for j, level in LEVEL_BY_JENIS.items() if level in wanted]
    jenjang = [j for j, level in LEVEL_BY_JENJANG.items() if level in wanted]
    q = Q(**{f"{prefix}jenis__in": jenis}) if jenis else Q(pk__in=[])
    if jenjang:
        q |= Q(**{f"{prefix}jenis": Position.Jenis.FUNGSIONAL, f"{prefix}jenjang__in": jenjang})
    return q


# --- The requirements table -----------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """Appointment requirements for a promotion into a post (docs/domain.md §3.8)."""

    min_education: str = ""  # EducationLevel code
    years_in_lower: int = 0  # cumulative years on the level just below (or above)
    max_age: int | None = None  # completed years on the day of the ranking
    basis: str = ""


D3, D4 = EducationLevel.D3.value, EducationLevel.D4.value  # D-IV "35" < S-1 "40": both pass
RULES: dict[str, Rule] = {
    "pengawas": Rule(D3, 4, None, "PP 11/2017 jo PP 17/2020 (syarat jabatan pengawas)"),
    "administrator": Rule(D4, 3, None, "PP 11/2017 Ps. 54(1) jo Ps. 353"),
    "jpt_pratama": Rule(D4, 2, 56, "PP 11/2017 Ps. 107 jo PP 17/2020"),
    "jpt_madya": Rule(D4, 2, 58, "PP 11/2017 Ps. 107 jo PP 17/2020 (usia: pengumuman seleksi)"),
    "jpt_utama": Rule(D4, 0, None, "PP 11/2017 Ps. 107"),
}
# Moving into a jabatan fungsional from another kind of post (BKN, perpindahan jabatan):
# keahlian needs S-1/D-IV; the age limit depends on the jenjang.
JF_ENTRY_MAX_AGE: dict[str, int] = {
    "pemula": 53,
    "terampil": 53,
    "mahir": 53,
    "penyelia": 53,
    "ahli_pertama": 53,
    "ahli_muda": 53,
    "ahli_madya": 55,
    "ahli_utama": 60,
}
JF_BASIS = "PermenPANRB 1/2023; BKN, perpindahan ke jabatan fungsional"
# Pangkat minimums are the instansi's choice (selection notices); JPT pratama is commonly IV/b.
DEFAULT_MIN_GOLONGAN: dict[str, str] = {"jpt_pratama": Golongan.IV_B.value}


def rule_for(position: Position) -> Rule:
    if position.jenis == Position.Jenis.FUNGSIONAL:
        education = D4 if position.jenjang in KEAHLIAN else ""
        return Rule(education, 0, JF_ENTRY_MAX_AGE.get(position.jenjang), JF_BASIS)
    return RULES.get(position.jenis, Rule())


def min_education(position: Position) -> str:
    """The higher of the post's own minimum and the regulation's."""
    return max(position.min_education_level or "", rule_for(position).min_education)


def min_golongan(position: Position) -> str:
    """The higher of the post's own minimum and the instansi setting for its jenis (PNS ids
    sort in rank order)."""
    configured = getattr(settings, "CAREER_MIN_GOLONGAN", DEFAULT_MIN_GOLONGAN)
    return max(position.min_golongan or "", configured.get(position.jenis, ""))


def grace_months() -> int:
    return int(getattr(settings, "LEADERSHIP_GRACE_MONTHS", 12))


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _years_before(on: dt.date, years: int) -> dt.date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February
        return on.replace(year=on.year - years, day=28)


def oldest_birth_date(max_age: int, on: dt.date) -> dt.date:
    """Born after this date ⇔ aged at most `max_age` completed years on `on`."""
    return _years_before(on, max_age + 1)


# --- Months in posts ------------------------------------------------------------


def months_between(start: dt.date, on: dt.date) -> int:
    """Whole months from `start` to `on` (negative when `start` is later); the SQL twin is
    `months_since` below, and both must agree so the words match the filter and the points."""
    months = (on.year - start.year) * 12 + (on.month - start.month)
    if start.day > on.day:
        months -= 1
    return months


def months_since(date_field: str, on: dt.date) -> ExpressionWrapper:
    # Year/month arithmetic instead of date subtraction: the same SQL on PostgreSQL and SQLite.
    return ExpressionWrapper(
        Value(on.year * 12 + on.month)
        - ExtractYear(date_field) * Value(12)
        - ExtractMonth(date_field)
        - Case(When(**{f"{date_field}__day__gt": on.day}, then=Value(1)), default=Value(0)),
        output_field=IntegerField(),
    )


def _placement_months(on: dt.date) -> Case:
    """Whole months a placement lasted (until `on` while open), as `placement_months`."""
    closed = ExpressionWrapper(
        ExtractYear("end_date") * Value(12)
        + ExtractMonth("end_date")
        - ExtractYear("start_date") * Value(12)
        - ExtractMonth("start_date")
        - Case(When(start_date__day__gt=ExtractDay("end_date"), then=Value(1)), default=Value(0)),
        output_field=IntegerField(),
    )
    return Case(
        When(end_date__isnull=True, then=months_since("start_date", on)),
        default=closed,
        output_field=IntegerField(),
    )


def placement_months(placement: Placement, on: dt.date) -> int:
    end = placement.end_date if placement.end_date is not None else on
    return max(months_between(placement.start_date, min(end, on)), 0)


# --- SQL conditions -------------------------------------------------------------

EXCLUSION_LABELS: dict[str, str] = {
    "turun_jenjang": "jabatan sekarang lebih tinggi (penurunan jabatan bukan penempatan)",
    "lompat_jenjang": "lebih dari satu jenjang di bawah jabatan ini",
    "pengalaman": "masa jabatan pada jenjang di bawahnya belum cukup",
    "usia": "melebihi batas usia pengangkatan",
}


def career_conditions(position: Position, on: dt.date) -> dict[str, Q]:
    """Conditions keyed like EXCLUSION_LABELS (an absent key: no such rule for this post).
    Education and golongan go through the ranking's own conditions with `min_education` and
    `min_golongan`.

    Each rule is an *uncorrelated* `pk IN (SELECT employee_id …)` over the placements: the
    database computes it once and hashes it (a few tens of ms at 120,000 employees), instead
    of one probe per employee inside the exclusion summary's aggregate."""
    target = level_of(position.jenis, position.jenjang)
    rule = rule_for(position)
    definitive = Placement.objects.filter(kind=Placement.Kind.DEFINITIF, start_date__lte=on)
    current = definitive.filter(end_date__isnull=True)

    def holders(placements: QuerySet[Placement]) -> Q:
        return Q(pk__in=placements.order_by().values("employee_id"))

    lateral = holders(current.filter(level_q([target])))
    conditions: dict[str, Q] = {}
    if target < TOP_LEVEL:
        higher = range(target + 1, TOP_LEVEL + 1)
        conditions["turun_jenjang"] = ~holders(current.filter(level_q(higher)))
    if position.is_structural and target >= 2:
        # "Sedang atau pernah menduduki" the post one step below (or this level).
        conditions["lompat_jenjang"] = holders(
            definitive.filter(level_q(range(target - 1, TOP_LEVEL + 1)))
        )
    if position.is_structural and rule.years_in_lower:
        served = (
            definitive.filter(level_q(range(target - 1, TOP_LEVEL + 1)))
            .order_by()
            .values("employee_id")
            .annotate(total=Sum(_placement_months(on)))
            .filter(total__gte=rule.years_in_lower * 12)
            .values("employee_id")
        )
        conditions["pengalaman"] = lateral | Q(pk__in=served)
    if rule.max_age is not None:
        young_enough = Q(birth_date__gt=oldest_birth_date(rule.max_age, on))
        if position.is_structural:
            conditions["usia"] = young_enough | lateral
        else:  # the entry age applies to those moving in from another kind of post
            conditions["usia"] = young_enough | holders(
                current.filter(position__jenis=Position.Jenis.FUNGSIONAL)
            )
    return conditions


# --- The same rules in words, for the displayed rows ----------------------------


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    met: bool
    fact: str


def assess(
    position: Position,
    *,
    birth_date: dt.date,
    kind: str,
    golongan: str,
    education_level: str,
    placements: list[Placement],
    has_leadership: bool,
    on: dt.date,
) -> list[Check]:
    """Which requirement the employee meets and how (`placements`: their definitive ones, with
    `position` loaded). Mirrors `career_conditions` and the ranking's education/golongan rule."""
    target = level_of(position.jenis, position.jenjang)
    rule = rule_for(position)
    past = [p for p in placements if p.start_date <= on]
    current = next((p for p in past if p.end_date is None), None)
    current_level = level_of(current.position.jenis, current.position.jenjang) if current else 0
    lateral = current is not None and current_level == target
    checks: list[Check] = []

    if current is None:
        move = "belum ada jabatan definitif"
    elif current_level == target:
        move = f"mutasi setara (jenjang {LEVEL_LABELS[target]})"
    elif current_level < target:
        move = f"naik dari jenjang {LEVEL_LABELS[current_level]}"
    else:
        move = f"turun dari jenjang {LEVEL_LABELS[current_level]}"
    held = max(
        (level_of(p.position.jenis, p.position.jenjang) for p in past), default=current_level
    )
    step_ok = current_level <= target and (
        not position.is_structural or target < 2 or held >= target - 1
    )
    checks.append(Check("jenjang", "Jenjang", step_ok, move))

    needed_edu = min_education(position)
    if needed_edu:
        ok = bool(education_level) and education_level >= needed_edu
        have = EducationLevel(education_level).label if education_level else "belum ada"
        fact = f"{have} (min. {EducationLevel(needed_edu).label})"
        checks.append(Check("pendidikan", "Pendidikan", ok, fact))
    needed_gol = min_golongan(position)
    if needed_gol or position.is_structural:
        ok = kind == "pns" if position.is_structural else True
        if needed_gol and not golongan.startswith("P"):
            ok = ok and golongan >= needed_gol
        minimum = f" (min. {Golongan.short(needed_gol)})" if needed_gol else ""
        checks.append(Check("golongan", "Pangkat", ok, f"{Golongan.short(golongan)}{minimum}"))
    if position.is_structural and rule.years_in_lower:
        lower = [p for p in past if level_of(p.position.jenis, p.position.jenjang) >= target - 1]
        months = sum(placement_months(p, on) for p in lower)
        ok = lateral or months >= rule.years_in_lower * 12
        fact = f"{duration(months)} pada jenjang {LEVEL_LABELS[max(target - 1, 0)]} ke atas"
        if lateral:
            fact = "sudah pada jenjang yang sama"
        checks.append(
            Check("pengalaman", "Pengalaman", ok, f"{fact} (min. {rule.years_in_lower} tahun)")
        )
    if rule.max_age is not None:
        age = age_on(birth_date, on)
        in_jf = current is not None and current.position.jenis == Position.Jenis.FUNGSIONAL
        waived = lateral if position.is_structural else in_jf
        ok = waived or age <= rule.max_age
        note = " — tidak berlaku untuk mutasi" if waived and age > rule.max_age else ""
        checks.append(Check("usia", "Usia", ok, f"{age} tahun (maks. {rule.max_age}){note}"))
    leadership = position.required_leadership
    if leadership:
        if has_leadership:
            checks.append(Check("kepemimpinan", "Pelatihan kepemimpinan", True, "sudah"))
        else:
            short = str(Leadership(leadership).label).split(" (")[0]
            fact = f"{short} wajib dalam {grace_months()} bulan setelah pelantikan"
            checks.append(Check("kepemimpinan", "Pelatihan kepemimpinan", True, fact))
    return checks


def duration(months: int) -> str:
    years, rest = divmod(max(months, 0), 12)
    parts = []
    if years:
        parts.append(f"{years} tahun")
    if rest or not years:
        parts.append(f"{rest} bulan")
    return " ".join(parts)
