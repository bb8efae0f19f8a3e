"""Batas usia pensiun per post (docs/domain.md §4.5).

PP 11/2017 Ps. 239 sets BUP by jabatan: 58 for pejabat administrasi (administrator, pengawas,
pelaksana) and JF ahli pertama, ahli muda and keterampilan; 60 for JPT and JF ahli madya; 65 for
JF ahli utama. Ps. 240 lets a JF's own law set its BUP (guru 60, UU 14/2005 Ps. 30(4); dosen 65,
Ps. 67(4)). The JF part lives in the `FunctionalBup` table that HR edits; the result is stamped on
`Position.bup_age`, so every reader, in Python or in SQL, uses one stored number.

The rules of Ps. 239 are also the base in code: a row of the table overrides them (a later
regulation), and deleting a row falls back to the law rather than to 58.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from .models import (
    Employee,
    EmployeeQuerySet,
    FunctionalBup,
    OrgUnit,
    Placement,
    Position,
    scopes_for,
)

JPT_JENIS = ("jpt_utama", "jpt_madya", "jpt_pratama")
DEFAULT_BUP = 58
JPT_BUP = 60
JENJANG_BUP = {"ahli_madya": 60, "ahli_utama": 65}  # PP 11/2017 Ps. 239 huruf b and c

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


def law_bup_age(jenis: str, jenjang: str) -> int:
    """BUP by PP 11/2017 Ps. 239 alone, before the table."""
    if jenis in JPT_JENIS:
        return JPT_BUP
    if jenis == Position.Jenis.FUNGSIONAL:
        return JENJANG_BUP.get(jenjang, DEFAULT_BUP)
    return DEFAULT_BUP


@dataclass(frozen=True)
class BupRules:
    """The table in memory, for stamping many posts without a query each (the scale seed)."""

    rows: tuple[tuple[str, str, int], ...]  # (lower-case name, jenjang, age), most specific first

    @classmethod
    def load(cls, rules: Iterable[FunctionalBup] | None = None) -> BupRules:
        found = FunctionalBup.objects.all() if rules is None else rules
        ordered = sorted(found, key=_specificity, reverse=True)
        return cls(tuple((r.name.strip().lower(), r.jenjang, r.bup_age) for r in ordered))

    def age(self, jenis: str, name: str, jenjang: str) -> int:
        if jenis != Position.Jenis.FUNGSIONAL:
            return law_bup_age(jenis, jenjang)
        lowered = name.strip().lower()
        for rule_name, rule_jenjang, age in self.rows:
            if rule_name in ("", lowered) and rule_jenjang in ("", jenjang):
                return age
        return law_bup_age(jenis, jenjang)


def bup_age_for(jenis: str, name: str, jenjang: str) -> int:
    """The BUP of a post with this jenis, name and jenjang (one query for a JF post)."""
    if jenis != Position.Jenis.FUNGSIONAL:
        return law_bup_age(jenis, jenjang)
    rules = FunctionalBup.objects.filter(
        Q(name="") | Q(name__iexact=name.strip()), Q(jenjang="") | Q(jenjang=jenjang)
    )
    return BupRules.load(rules).age(jenis, name, jenjang)


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
        for jenjang, age in JENJANG_BUP.items():
            functional.filter(jenjang=jenjang).update(bup_age=age)
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


# --- Who leaves when: TMT pensiun by BUP, or the end of a PPPK contract --------------------


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def retirement_window(bup_age: int, on: dt.date, months: int = 12) -> tuple[dt.date, dt.date]:
    """Birth dates [first, last) whose TMT pensiun (the first of the month after the BUP
    birthday, positions.models.retirement_date) falls after `on` and at most `months` later."""
    first = dt.date(on.year - bup_age, on.month, 1)
    return first, add_months(first, months)


def current_bup() -> Coalesce:
    """SQL: the BUP of the employee's open definitive post (58 without one)."""
    current = Placement.objects.filter(
        employee=OuterRef("pk"), kind=Placement.Kind.DEFINITIF, end_date__isnull=True
    ).values("position__bup_age")[:1]
    return Coalesce(Subquery(current, output_field=IntegerField()), Value(DEFAULT_BUP))


def leaving_within(employees: EmployeeQuerySet, on: dt.date, months: int) -> QuerySet[Employee]:
    """Active employees whose exit date falls after `on` and at most `months` later, annotated
    with `bup`: PNS/CPNS by TMT pensiun, PPPK by the contract end (or, without one recorded, by
    the same age table). One indexable birth-date range per BUP in use, so the BUP subquery runs
    only for the few hundred employees near an exit."""
    ages = bup_ages_in_use()
    windows = {age: retirement_window(age, on, months) for age in ages}
    contract_end = Q(kind=Employee.Kind.PPPK, contract_end__isnull=False)
    by_age = Q(pk__in=[])
    for age, (first, last) in windows.items():
        by_age |= Q(bup=age, birth_date__gte=first, birth_date__lt=last)
    ends = Q(contract_end, contract_end__gt=on, contract_end__lte=add_months(on, months))
    near = Q(birth_date__gte=windows[ages[-1]][0], birth_date__lt=windows[ages[0]][1])
    return (
        employees.active()
        .filter(near | ends)
        .annotate(bup=current_bup())
        .filter((by_age & ~contract_end) | ends)
    )


# --- The table, edited by HR ----------------------------------------------------------------


def can_edit_table(user: Any) -> bool:
    """The BUP table holds national law for every instansi of the portal: a superuser or a
    pengelola kepegawaian of a whole instansi (a root unit, e.g. BKD) may edit it."""
    scopes = scopes_for(user)
    return scopes.superuser or any(len(path) == OrgUnit.steplen for path in scopes.write_paths)


@transaction.atomic
def save_rule(rule: FunctionalBup) -> int:
    """Save a row (validated, constraints checked) and re-stamp every post; returns how many
    posts changed BUP. A duplicate name and jenjang is a ValidationError, not a 500."""
    rule.full_clean()
    rule.save()
    return refresh_bup_ages()


@transaction.atomic
def delete_rule(rule: FunctionalBup) -> int:
    """Delete a row; the posts it covered fall back to the next rule or the law."""
    rule.delete()
    return refresh_bup_ages()


def bup_ages_in_use() -> list[int]:
    """The BUP ages some post carries (one small query), DEFAULT_BUP always included."""
    return sorted(
        {DEFAULT_BUP, *Position.objects.order_by().values_list("bup_age", flat=True).distinct()}
    )


def holder_leaving_q(on: dt.date, months: int, ages: list[int] | None = None) -> Q:
    """For open definitive placements: the holder leaves after `on` and at most `months` later,
    by the TMT pensiun of that very post's BUP or by the end of a PPPK contract. The same rule as
    leaving_within, written on the placement's own columns (its post's bup_age, the holder's
    birth date), so it is plain indexed conditions with no subquery per row."""
    ages = ages if ages is not None else bup_ages_in_use()
    by_age = Q(pk__in=[])
    for age in ages:
        first, last = retirement_window(age, on, months)
        by_age |= Q(
            position__bup_age=age, employee__birth_date__gte=first, employee__birth_date__lt=last
        )
    has_contract = Q(employee__kind=Employee.Kind.PPPK, employee__contract_end__isnull=False)
    ends = has_contract & Q(
        employee__contract_end__gt=on, employee__contract_end__lte=add_months(on, months)
    )
    return (by_age & ~has_contract) | ends
