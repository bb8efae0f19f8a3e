"""Demo training data: an IT training and a leadership training with past events, an
e-learning and a service-excellence course, three events announced for early 2027 (open for
join requests); participations that leave some employees of Dinas
Kesehatan and Diskominfotik below 20 JP this year; a pending self-report. Idempotent: programs
by code, events by (program, name), participations by (employee, event)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from positions.models import Competency, Employee, LeadershipTraining, OrgUnit, Placement
from training.models import (
    Attendance,
    Participation,
    ProgramCompetency,
    Session,
    TrainingEvent,
    TrainingProgram,
)

YEAR = 2026
PROGRAMS = [
    # code, name, category, method, jp, provider, [(competency, target level)]
    (
        "TI-KAMINFO",
        "Pelatihan Keamanan Informasi dan Tata Kelola TI",
        "teknis",
        "klasikal",
        24,
        "Diskominfotik Provinsi Lampung",
        [("T.INF.3", 3), ("T.INF.1", 3)],
    ),
    (
        "PKA-2026",
        "Pelatihan Kepemimpinan Administrator",
        "pka",
        "klasikal",
        120,
        "BPSDM Provinsi Lampung",
        [("M.4", 3), ("M.7", 3), ("M.8", 3)],
    ),
    (
        "ELRN-DIGITAL",
        "E-learning Literasi Digital ASN",
        "teknis",
        "e_learning",
        10,
        "LAN RI (ASN Unggul)",
        [("T.INF.1", 2)],
    ),
    (
        "PELAYANAN-PRIMA",
        "Pelatihan Pelayanan Publik Prima",
        "manajerial",
        "klasikal",
        16,
        "BPSDM Provinsi Lampung",
        [("M.5", 3), ("M.3", 3)],
    ),
    (
        "KES-RUJUKAN",
        "Bimbingan Teknis Mutu Pelayanan Kesehatan Rujukan",
        "teknis",
        "klasikal",
        20,
        "Dinas Kesehatan Provinsi Lampung",
        [("T.KES.1", 3)],
    ),
]
EVENTS = [
    # program code, name, start, end, quota
    ("TI-KAMINFO", "Angkatan I 2026", dt.date(2026, 3, 9), dt.date(2026, 3, 11), 30),
    ("PKA-2026", "Angkatan I 2026", dt.date(2026, 5, 4), dt.date(2026, 8, 28), 30),
    ("ELRN-DIGITAL", "Kelas daring 2026", dt.date(2026, 2, 1), dt.date(2026, 2, 28), 200),
    ("PELAYANAN-PRIMA", "Angkatan II 2025", dt.date(2025, 10, 6), dt.date(2025, 10, 8), 40),
    ("KES-RUJUKAN", "Angkatan I 2026", dt.date(2026, 6, 15), dt.date(2026, 6, 17), 35),
]
# Announced for early next year, nobody enrolled yet: the catalog's open events a pegawai can
# ask to join from their home page (HR approves).
UPCOMING = [
    ("PELAYANAN-PRIMA", "Angkatan I 2027", dt.date(2027, 1, 18), dt.date(2027, 1, 20), 40),
    ("KES-RUJUKAN", "Angkatan I 2027", dt.date(2027, 2, 8), dt.date(2027, 2, 10), 35),
    ("TI-KAMINFO", "Angkatan I 2027", dt.date(2027, 3, 8), dt.date(2027, 3, 10), 30),
]


class Command(BaseCommand):
    help = "Seed demo training programs, past events and participations (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        bpsdm = OrgUnit.objects.filter(code="18.BPSDM").first()
        if bpsdm is None:
            self.stdout.write("Jalankan seed_demo lebih dahulu.")
            return
        with transaction.atomic():
            programs = self._programs()
            events = self._events(programs, bpsdm, EVENTS)
            self._events(programs, bpsdm, UPCOMING)
            created = self._participations(events)
        self.stdout.write(f"Data pelatihan demo siap ({created} keikutsertaan baru).")

    def _programs(self) -> dict[str, TrainingProgram]:
        return ensure_programs(PROGRAMS)

    def _events(
        self, programs: dict[str, TrainingProgram], bpsdm: OrgUnit, rows: list[Any]
    ) -> list[TrainingEvent]:
        events = []
        for code, name, start, end, quota in rows:
            program = programs[code]
            event, created = TrainingEvent.objects.get_or_create(
                program=program,
                name=name,
                defaults={
                    "start_date": start,
                    "end_date": end,
                    "quota": quota,
                    "organiser_unit": bpsdm,
                    "is_online": program.method == "e_learning",
                    "place": ""
                    if program.method == "e_learning"
                    else "BPSDM Provinsi Lampung, Jl. Sultan Agung, Bandar Lampung",
                },
            )
            if created and program.method != "e_learning":
                day = start
                while day <= min(end, start + dt.timedelta(days=2)):
                    Session.objects.create(
                        event=event,
                        date=day,
                        start_time=dt.time(8),
                        end_time=dt.time(16),
                        topic=f"{program.name} — hari {(day - start).days + 1}",
                    )
                    day += dt.timedelta(days=1)
            events.append(event)
        return events

    def _participations(self, events: list[TrainingEvent]) -> int:
        by_code = {e.program.code: e for e in events}
        today = dt.date(YEAR, 11, 28)
        holders = {
            p.employee_id: p
            for p in Placement.objects.on(today)
            .filter(kind="definitif", position__unit__code__regex=r"^18\.(DINKES|DISKOMINFOTIK)")
            .select_related("employee", "position")
        }
        created = 0
        for _, placement in sorted(holders.items()):
            employee: Employee = placement.employee
            rng = random.Random(f"training-{employee.nip}")  # nosec B311  # seeded for reproducible demo data, not a secret
            chosen = []
            roll = rng.random()
            if roll < 0.35:
                chosen = [
                    "ELRN-DIGITAL",
                    "KES-RUJUKAN" if "DINKES" in placement.position.code else "TI-KAMINFO",
                ]  # 30/34 JP: compliant
            elif roll < 0.65:
                chosen = ["ELRN-DIGITAL"]  # 10 JP: below target
            elif roll < 0.8:
                chosen = ["PELAYANAN-PRIMA"]  # last year only: 0 JP this year
            if placement.position.jenis == "administrator" and rng.random() < 0.3:
                chosen.append("PKA-2026")
            for code in chosen:
                event = by_code[code]
                participation, new = Participation.objects.get_or_create(
                    employee=employee,
                    event=event,
                    defaults={
                        "start_date": event.start_date,
                        "end_date": event.end_date,
                        "jp": event.program.jp,
                        "category": event.program.category,
                        "method": event.program.method,
                        "result": Participation.Result.LULUS,
                        "verification": Participation.Verification.VERIFIED,
                        "certificate_number": (
                            f"{code}/{rng.randint(100, 999)}/{event.end_date.year}"
                        ),
                    },
                )
                if not new:
                    continue
                created += 1
                Attendance.objects.bulk_create(
                    Attendance(participation=participation, session=s, present=True)
                    for s in event.sessions.all()
                )
                if event.program.is_leadership:
                    LeadershipTraining.objects.get_or_create(
                        employee=employee,
                        kind=event.program.category,
                        defaults={
                            "year": event.end_date.year,
                            "certificate_number": participation.certificate_number,
                        },
                    )
        staff = Employee.objects.filter(user__username="staf.yankes").first()
        if (
            staff
            and not Participation.objects.filter(employee=staff, is_self_reported=True).exists()
        ):
            Participation.objects.create(
                employee=staff,
                title="Webinar Gizi Masyarakat di Era Digital",
                category="seminar",
                method="jarak_jauh",
                start_date=dt.date(YEAR, 9, 10),
                end_date=dt.date(YEAR, 9, 10),
                jp=4,
                result=Participation.Result.LULUS,
                certificate_number="WEB/GIZI/2026/0912",
                is_self_reported=True,
            )
            created += 1
        return created


def ensure_programs(rows: list) -> dict[str, TrainingProgram]:  # type: ignore[type-arg]
    """Catalog rows (code, name, category, method, jp, provider, competency targets), each
    created once with its competency targets; returns the programs by code."""
    competencies = {c.code: c for c in Competency.objects.all()}
    result = {}
    for code, name, category, method, jp, provider, targets in rows:
        program, created = TrainingProgram.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "category": category,
                "method": method,
                "jp": jp,
                "provider": provider,
            },
        )
        if created:
            ProgramCompetency.objects.bulk_create(
                ProgramCompetency(program=program, competency=competencies[c], target_level=lv)
                for c, lv in targets
                if c in competencies
            )
        result[code] = program
    return result
