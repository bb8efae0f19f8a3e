"""Minimal factories: only required fields, valid NIPs by construction."""

import datetime as dt
import itertools

import factory

from positions.models import Employee, OrgUnit, Placement, Position

_sequence = itertools.count(1)


def make_nip(
    birth: dt.date, *, gender: str = "L", pppk: bool = False, seq: int | None = None
) -> str:
    seq = seq if seq is not None else next(_sequence)
    # The TMT month (PNS) or contract code (PPPK) varies with the sequence, so the same birth
    # date yields 12 × 999 distinct NIPs before any repeats.
    start_year = birth.year + 24
    variant = (seq // 999) % 12
    middle = f"{start_year}{21 + variant}" if pppk else f"{start_year}{1 + variant:02d}"
    return f"{birth:%Y%m%d}{middle}{'1' if gender == 'L' else '2'}{seq % 999 + 1:03d}"


def make_unit(name: str, parent: OrgUnit | None = None, kind: str = "unit") -> OrgUnit:
    code = f"U{next(_sequence):06d}"  # padded: siblings sort by code (U100 < U99 otherwise)
    if parent is None:
        return OrgUnit.objects.add_root({"code": code, "name": name, "kind": OrgUnit.Kind.INSTANSI})
    parent.refresh_from_db()
    return OrgUnit.objects.add_child(parent, {"code": code, "name": name, "kind": kind})


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    code = factory.Sequence(lambda n: f"POS-{n}")
    name = factory.Sequence(lambda n: f"Jabatan {n}")
    jenis = Position.Jenis.PELAKSANA
    kelas = 7
    kebutuhan = 1


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    name = factory.Sequence(lambda n: f"Pegawai {n}")
    kind = Employee.Kind.PNS
    gender = "L"
    birth_date = dt.date(1985, 6, 15)
    golongan = "31"
    nip = factory.LazyAttribute(
        lambda o: make_nip(o.birth_date, gender=o.gender, pppk=o.kind == "pppk")
    )


class PlacementFactory(factory.django.DjangoModelFactory):
    """Writes the row directly (as an import would); services are tested on their own."""

    class Meta:
        model = Placement

    kind = Placement.Kind.DEFINITIF
    start_date = dt.date(2024, 1, 1)
    sk_number = factory.Sequence(lambda n: f"800/{n}/2024")
    sk_date = dt.date(2023, 12, 20)
    is_structural = factory.LazyAttribute(lambda o: o.position.is_structural)
