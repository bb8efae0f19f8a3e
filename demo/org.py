"""Build the demo instansi: Pemerintah Provinsi Lampung with its perangkat daerah, units,
positions, ~1,000 employees with valid NIPs, placements (including a Plt) and demo logins.

Deterministic (fixed random seed) and idempotent: every object is looked up by its natural
key (unit/position code, NIP, username) before it is created, so a second run changes nothing.

`--scale lampung` builds the province-scale data instead (demo.scale_org): the province
and the 15 kabupaten/kota with ~120,000 employees, then calls seed_scale_performance and
seed_scale_training by name.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import figures
from demo import org_data as D
from demo.org_vocabulary import (
    ABK_FUNGSIONAL,
    ABK_PELAKSANA,
    AGE_BY_ROLE,
    DEMO_LOGINS,
    DEMO_PASSWORD,
    GOLONGAN_BY_ROLE,
    REQUIREMENTS,
    TEKNIS_PREFIX,
    Slot,
    _bidang_head_title,
    _gelar,
    _head_title,
    _position_group,
    _role,
    contract_end,
)
from demo.scale_build import build_scale
from positions import bup
from positions.matching import features
from positions.models import (
    Competency,
    Education,
    EducationField,
    EducationLevel,
    Employee,
    EmployeeCompetency,
    HRScope,
    LeadershipTraining,
    OrgUnit,
    Placement,
    Position,
    PositionCompetency,
    WorkloadTask,
)

SEED = 2026
REFERENCE_DATE = dt.date(2026, 1, 2)  # fixed so NIPs and dates never depend on the run day


class Command(BaseCommand):
    help = (
        "Seed the Pemprov Lampung demo data (units, positions, ~1,000 employees, placements, "
        "demo logins). Idempotent: running it again changes nothing. "
        "With --scale lampung: the province-scale data instead, in an empty database "
        "(createdb + migrate): Pemprov Lampung and the 15 kabupaten/kota, ~120,000 employees "
        "with placements, SKP 2025 with final evaluations, rating history 2021-2024 and "
        "training 2024-2026; one transaction per instansi. It refuses a database holding the "
        "small demo; run again on complete scale data it changes nothing (an interrupted run "
        "is completed). Scale logins, password Lampung#2026: bkd.lampung (pengelola BKD, "
        "province), bkpsdm.<kab> (pengelola BKPSDM), sekda.<kab> (Sekretaris Daerah, pimpinan "
        "read-only), kabid.<kab> (a Kepala Bidang, pejabat penilai), pegawai.<kab> (a staff "
        "member rated by that kabid), with <kab> = lampung (the province), lampungbarat, "
        "tanggamus, lampungselatan, lampungtimur, lampungtengah, lampungutara, waykanan, "
        "tulangbawang, pesawaran, pringsewu, mesuji, tulangbawangbarat, pesisirbarat, "
        "bandarlampung, metro; and admin (superadmin)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print logins.")
        parser.add_argument(
            "--scale",
            choices=["lampung"],
            help="Build the province-scale data (16 instansi, ~120,000 employees).",
        )
        parser.add_argument(
            "--employees",
            type=int,
            help="With --scale: total employees, the same distribution scaled down "
            "(default 120000, at least 500).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # The BUP table's seed rows (a data migration's, gone from a flushed database) before
        # any post is stamped with its BUP (docs/domain.md §4.5); idempotent.
        if bup.ensure_default_rules():
            bup.refresh_bup_ages()
        if options["scale"]:
            build_scale(self.stdout, options["employees"], quiet_logins=options["quiet_logins"])
            return
        if options["employees"] is not None:
            raise CommandError("--employees hanya berlaku bersama --scale lampung.")
        self.rng = random.Random(SEED)  # nosec B311  # seeded for reproducible demo data, not a secret
        self.created = {
            "unit": 0,
            "position": 0,
            "employee": 0,
            "placement": 0,
            "user": 0,
            "requirement": 0,
            "abk task": 0,
            "assessment": 0,
        }
        with transaction.atomic():
            fields = self._education_fields()
            slots, heads = self._structure()
            self._employees(slots, fields)
            self._plt_case(heads)
            self._requirements()
            self._workload()
            self._assessments_and_history()
            self._logins(heads)
        summary = ", ".join(f"{n} {k}" for k, n in self.created.items())
        self.stdout.write(f"Data demo siap (baru dibuat: {summary}).")
        # Each pillar's demo data is its own command (demo.performance, demo.training,
        # demo.home: the demo pengumuman, written after the logins exist), run when the pillar
        # is installed.
        for app_label in ("performance", "training", "talent", "home"):
            if apps.is_installed(app_label):
                call_command(f"seed_demo_{app_label}", stdout=self.stdout)
        # The seeds write in bulk (no signals): the candidate ranking's features once, at the end.
        features.refresh()
        figures.invalidate()  # and the dashboards count the new data at once
        if not options["quiet_logins"]:
            self.stdout.write(f"Login demo (kata sandi semua: {DEMO_PASSWORD}):")
            for username, description in DEMO_LOGINS:
                self.stdout.write(f"  {username:<14} {description}")

    # --- reference data -------------------------------------------------------

    def _education_fields(self) -> dict[str, EducationField]:
        result = {}
        for row in [*D.EDUCATION_FIELDS, *D.SLTA_FIELDS]:
            obj, _ = EducationField.objects.get_or_create(
                code=row["code"], defaults={"name": row["name"], "group": row["group"] or "umum"}
            )
            result[row["code"]] = obj
        return result

    # --- organisation and positions -------------------------------------------

    def _unit(self, parent: OrgUnit | None, code: str, name: str, kind: str) -> OrgUnit:
        existing = OrgUnit.objects.filter(code=code).first()
        if existing:
            return existing
        self.created["unit"] += 1
        if parent is None:
            return OrgUnit.objects.add_root({"code": code, "name": name, "kind": kind})
        parent.refresh_from_db()  # treebeard needs the parent's current numchild
        return OrgUnit.objects.add_child(parent, {"code": code, "name": name, "kind": kind})

    def _position(self, unit: OrgUnit, code: str, **fields: Any) -> Position:
        position, created = Position.objects.get_or_create(
            code=code, defaults={"unit": unit, **fields}
        )
        self.created["position"] += int(created)
        return position

    def _structure(self) -> tuple[list[Slot], dict[str, Position]]:
        rng = self.rng
        root = self._unit(None, D.INSTANSI[0], D.INSTANSI[1], OrgUnit.Kind.INSTANSI)
        heads: dict[str, Position] = {}
        slots: list[Slot] = []
        setda = next(o for o in D.OPD if o["code"] == "SETDA")
        setda_unit = self._unit(root, "18.SETDA", setda["name"], OrgUnit.Kind.PERANGKAT_DAERAH)
        sekda = self._position(
            setda_unit, "18.SETDA.SEKDA", name="Sekretaris Daerah", jenis="jpt_madya", kelas=16
        )
        heads["SEKDA"] = sekda
        slots.append(Slot(sekda, "jpt_madya", "sosial", EducationLevel.S2, False))

        for opd in D.OPD:
            code = f"18.{opd['code']}"
            kind = OrgUnit.Kind.PERANGKAT_DAERAH
            unit = (
                setda_unit if opd["code"] == "SETDA" else self._unit(root, code, opd["name"], kind)
            )
            sector = opd["sector"]
            if opd["code"] == "SETDA":
                head = sekda
            else:
                title = _head_title(opd["name"])
                head = self._position(
                    unit, f"{code}.KEPALA", name=title, jenis="jpt_pratama", kelas=14, parent=sekda
                )
                slots.append(Slot(head, "jpt_pratama", sector, EducationLevel.S2, False))
            heads[opd["code"]] = head
            for b_index, bidang in enumerate(opd["bidang"], start=1):
                b_sector = bidang.get("sector", sector)
                b_code = f"{code}.B{b_index}"
                b_unit = self._unit(unit, b_code, bidang["name"], OrgUnit.Kind.UNIT)
                is_biro = bidang["name"].startswith("Biro")
                b_head = self._position(
                    b_unit,
                    f"{b_code}.KEPALA",
                    name=_bidang_head_title(bidang["name"]),
                    jenis="jpt_pratama" if is_biro else "administrator",
                    kelas=14 if is_biro else (12 if bidang["name"] == "Sekretariat" else 11),
                    parent=head,
                )
                heads[b_code] = b_head
                slots.append(
                    Slot(
                        b_head,
                        "jpt_pratama" if is_biro else "administrator",
                        b_sector,
                        EducationLevel.S2 if is_biro or rng.random() < 0.5 else EducationLevel.S1,
                        False,
                    )
                )
                # Jabatan fungsional directly under the head of the bidang.
                jf_choices = D.FUNGSIONAL_BY_SECTOR[b_sector]
                for j_index, (jf_name, jf_group) in enumerate(rng.sample(jf_choices, k=1)):
                    jenjang = rng.choice(["ahli_muda", "ahli_pertama"])
                    kebutuhan = rng.randint(1, 3)
                    jf = self._position(
                        b_unit,
                        f"{b_code}.JF{j_index + 1}",
                        name=jf_name,
                        jenis="fungsional",
                        jenjang=jenjang,
                        kelas=9 if jenjang == "ahli_muda" else 8,
                        parent=b_head,
                        kebutuhan=kebutuhan,
                    )
                    for _ in range(kebutuhan):
                        slots.append(Slot(jf, jenjang, jf_group, EducationLevel.S1, True))
                for s_index, sub_name in enumerate(bidang["subunits"], start=1):
                    s_code = f"{b_code}.S{s_index}"
                    s_unit = self._unit(b_unit, s_code, sub_name, OrgUnit.Kind.SUB_UNIT)
                    s_head = self._position(
                        s_unit,
                        f"{s_code}.KEPALA",
                        name=f"Kepala {sub_name}",
                        jenis="pengawas",
                        kelas=9,
                        parent=b_head,
                    )
                    slots.append(Slot(s_head, "pengawas", b_sector, EducationLevel.S1, False))
                    pl_name, pl_group = rng.choice(D.PELAKSANA_COMMON)
                    kebutuhan = rng.randint(1, 2)
                    if s_index > 1:  # pelaksana seats only in the first sub-unit: ~1,000 in all
                        continue
                    pl = self._position(
                        s_unit,
                        f"{s_code}.PL1",
                        name=pl_name,
                        jenis="pelaksana",
                        kelas=rng.choice([5, 6, 7]),
                        parent=s_head,
                        kebutuhan=kebutuhan,
                    )
                    for _ in range(kebutuhan):
                        level = rng.choice(
                            [EducationLevel.SLTA, EducationLevel.D3, EducationLevel.S1]
                        )
                        slots.append(Slot(pl, "pelaksana", pl_group, level, True))
        return slots, heads

    # --- employees and placements ---------------------------------------------

    def _employees(self, slots: list[Slot], fields: dict[str, EducationField]) -> None:
        rng = self.rng
        existing = set(Employee.objects.values_list("nip", flat=True))
        used_prefixes: dict[str, int] = {}
        fields_by_group: dict[str, list[EducationField]] = {}
        for row in D.EDUCATION_FIELDS:
            fields_by_group.setdefault(row["group"], []).append(fields[row["code"]])
        new_employees: list[Employee] = []
        new_educations: list[Education] = []
        new_placements: list[tuple[Employee, Slot, dt.date, int, int]] = []
        mismatch_left = 4  # a few people whose education does not fit their post, on purpose
        health_in_dishub = False

        for number, slot in enumerate(slots):
            # Leave ~8% of the JF/pelaksana seats and a few structural seats vacant.
            vacant_roll = rng.random()
            if (slot.pppk_ok and vacant_roll < 0.08) or (not slot.pppk_ok and vacant_roll < 0.03):
                continue
            age_min, age_max = AGE_BY_ROLE[slot.role]
            age = rng.randint(age_min, age_max)
            birth = dt.date(REFERENCE_DATE.year - age, rng.randint(1, 12), rng.randint(1, 28))
            gender = "L" if rng.random() < 0.55 else "P"
            pppk = slot.pppk_ok and rng.random() < 0.2
            group = slot.group or rng.choice(sorted(fields_by_group))
            level = slot.level
            if slot.position.code == "18.DISHUB.B2.S1.PL1" and not health_in_dishub:
                # The textbook mismatch: a nursing graduate working in Dinas Perhubungan.
                group, level, health_in_dishub = "kesehatan", EducationLevel.S1, True
            elif mismatch_left and slot.role == "pelaksana" and number % 97 == 0:
                group = "kesehatan" if group != "kesehatan" else "teknik"
                mismatch_left -= 1
            if pppk:
                year = rng.randint(2022, 2025)
                middle = f"{year}21"
                golongan = {"50": "P11", "45": "P10", "40": "P09", "30": "P07"}.get(level, "P05")
                tmt = dt.date(year, rng.choice([1, 3, 7]), 1)
            else:
                start_age = rng.randint(22, 30)
                year = min(birth.year + start_age, 2024)
                month = rng.randint(1, 12)
                middle = f"{year}{month:02d}"
                golongan = rng.choice(GOLONGAN_BY_ROLE[slot.role])
                tmt = dt.date(year, month, 1)
            prefix = f"{birth:%Y%m%d}{middle}{'1' if gender == 'L' else '2'}"
            used_prefixes[prefix] = used_prefixes.get(prefix, 0) + 1
            nip = f"{prefix}{used_prefixes[prefix]:03d}"
            first = rng.choice(D.FIRST_NAMES_MALE if gender == "L" else D.FIRST_NAMES_FEMALE)
            last = rng.choice(
                D.LAST_NAMES + (D.MALE_LAST_NAMES if gender == "L" else D.FEMALE_LAST_NAMES)
            )
            field = rng.choice(fields_by_group[group]) if level >= EducationLevel.D3 else None
            gelar_depan, gelar_belakang = _gelar(field, level)
            grad_year = min(
                birth.year + {"15": 18, "30": 21, "40": 22, "45": 27}.get(level, 30), 2024
            )
            tmt_placement = max(tmt, REFERENCE_DATE - dt.timedelta(days=rng.randint(200, 6 * 365)))
            employee = Employee(
                nip=nip,
                name=f"{first} {last}",
                gelar_depan=gelar_depan,
                gelar_belakang=gelar_belakang,
                kind=Employee.Kind.PPPK if pppk else Employee.Kind.PNS,
                gender=gender,
                birth_date=birth,
                birth_place=rng.choice(
                    [
                        "Bandar Lampung",
                        "Metro",
                        "Kotabumi",
                        "Liwa",
                        "Kalianda",
                        "Menggala",
                        "Pringsewu",
                        "Kota Agung",
                        "Gunung Sugih",
                        "Sukadana",
                        "Palembang",
                        "Bengkulu",
                    ]
                ),
                golongan=golongan,
                tmt_golongan=max(
                    tmt, REFERENCE_DATE - dt.timedelta(days=rng.randint(100, 4 * 365))
                ),
                # A PPPK perjanjian kerja of five years (docs/domain.md §4.5): no BUP.
                contract_end=contract_end(tmt) if pppk else None,
                unit=slot.position.unit,
                email=f"{nip}@demo.lampungprov.go.id",
            )
            education = Education(
                employee=employee,
                level=level,
                field=field,
                institution=rng.choice(
                    [
                        "Universitas Lampung",
                        "Universitas Islam Negeri Raden Intan",
                        "Institut Teknologi Sumatera",
                        "Universitas Bandar Lampung",
                        "Universitas Malahayati",
                        "Poltekkes Kemenkes Tanjungkarang",
                        "Universitas Gadjah Mada",
                        "Universitas Sriwijaya",
                    ]
                )
                if field
                else "SMA Negeri 2 Bandar Lampung",
                graduation_year=grad_year,
            )
            sk_days = rng.randint(3, 20)
            sk_no = rng.randint(100, 999)
            # Checked only after every random draw, so a re-run draws the same sequence.
            if nip in existing:
                continue
            new_employees.append(employee)
            new_educations.append(education)
            new_placements.append((employee, slot, tmt_placement, sk_days, sk_no))

        Employee.objects.bulk_create(new_employees, batch_size=500)
        for education in new_educations:
            education.employee_id = education.employee.pk
        Education.objects.bulk_create(new_educations, batch_size=500)
        placements = []
        for employee, slot, tmt_placement, sk_days, sk_no in new_placements:
            sk_date = tmt_placement - dt.timedelta(days=sk_days)
            placements.append(
                Placement(
                    employee=employee,
                    position=slot.position,
                    kind=Placement.Kind.DEFINITIF,
                    start_date=tmt_placement,
                    sk_number=f"800.1.3/{sk_no}/VI.04/{sk_date.year}",
                    sk_date=sk_date,
                    is_structural=slot.position.is_structural,
                )
            )
        Placement.objects.bulk_create(placements, batch_size=500)
        self.created["employee"] += len(new_employees)
        self.created["placement"] += len(placements)

    def _plt_case(self, heads: dict[str, Position]) -> None:
        """Kepala Dinas Kesehatan retired at the end of 2025: the post is vacant and the
        Sekretaris Dinas holds it as Plt — so the Kepala Bidang's penilai is the Plt."""
        kadis = heads["DINKES"]
        if Placement.objects.filter(position=kadis, kind=Placement.Kind.PLT).exists():
            return
        holder = kadis.placements.open().filter(kind=Placement.Kind.DEFINITIF).first()
        if holder is not None:
            holder.end_date = dt.date(2025, 12, 31)
            holder.end_reason = Placement.EndReason.PENSIUN
            holder.save(update_fields=["end_date", "end_reason"])
            Employee.objects.filter(pk=holder.employee_id).update(status=Employee.Status.PENSIUN)
        sekretaris = heads["18.DINKES.B1"].placements.open().first()
        if sekretaris is not None:
            Placement.objects.create(
                employee_id=sekretaris.employee_id,
                position=kadis,
                kind=Placement.Kind.PLT,
                start_date=dt.date(2026, 1, 1),
                sk_number="800.1.3/001/VI.04/2026",
                sk_date=dt.date(2025, 12, 30),
            )
            self.created["placement"] += 1

    # --- Anjab requirements, ABK and assessments ---------------------------------
    # Each object draws from its own Random(code), so the data does not depend on which
    # objects already exist: a re-run adds nothing and changes nothing.

    def _requirements(self) -> None:
        done = set(PositionCompetency.objects.values_list("position_id", flat=True).distinct())
        positions = list(Position.objects.exclude(pk__in=done).select_related("unit"))
        if not positions:
            return
        competencies = {c.code: c for c in Competency.objects.all()}
        fields_by_group: dict[str, list[EducationField]] = {}
        for field in EducationField.objects.exclude(group="umum"):
            fields_by_group.setdefault(field.group, []).append(field)
        sector_by_opd = {f"18.{o['code']}": o["sector"] for o in D.OPD}
        rows: list[PositionCompetency] = []
        through = Position.accepted_fields.through
        links = []
        for position in positions:
            rng = random.Random(f"{SEED}-req-{position.code}")  # nosec B311  # seeded for reproducible demo data
            group = _position_group(position, sector_by_opd)
            level, education, golongan = REQUIREMENTS[_role(position)]
            position.min_education_level = education
            position.min_golongan = golongan
            if group:
                accepted = fields_by_group.get(group, [])
                if position.is_structural:
                    accepted = accepted + [
                        f for f in fields_by_group["sosial"] if f.code == "SOS-IAN"
                    ]
                links += [
                    through(position_id=position.pk, educationfield_id=f.pk) for f in accepted
                ]
            for code in [f"M.{i}" for i in range(1, 9)] + ["SK.1"]:
                rows.append(
                    PositionCompetency(
                        position=position, competency=competencies[code], level=level
                    )
                )
            teknis = competencies.get(f"{TEKNIS_PREFIX.get(group or '', 'T.SOS')}.1")
            if teknis is not None:
                rows.append(
                    PositionCompetency(
                        position=position,
                        competency=teknis,
                        level=max(1, level - rng.randint(0, 1)),
                    )
                )
        Position.objects.bulk_update(positions, ["min_education_level", "min_golongan"], 500)
        through.objects.bulk_create(links, batch_size=1000, ignore_conflicts=True)
        PositionCompetency.objects.bulk_create(rows, batch_size=1000)
        self.created["requirement"] += len(rows)

    def _workload(self) -> None:
        """ABK tasks for JF and pelaksana posts whose arithmetic gives their kebutuhan."""
        jke = Decimal(75000)
        done = set(WorkloadTask.objects.values_list("position_id", flat=True).distinct())
        tasks: list[WorkloadTask] = []
        for position in Position.objects.filter(jenis__in=["fungsional", "pelaksana"]).exclude(
            pk__in=done
        ):
            rng = random.Random(f"{SEED}-abk-{position.code}")  # nosec B311  # seeded for reproducible demo data
            templates = ABK_FUNGSIONAL if position.jenis == "fungsional" else ABK_PELAKSANA
            target = (Decimal(position.kebutuhan) - Decimal(rng.randint(10, 60)) / 100) * jke
            shares = [Decimal(x) for x in (50, 30, 20)]
            for order, ((description, satuan, norma), share) in enumerate(
                zip(templates, shares, strict=True)
            ):
                norma = Decimal(norma)
                volume = (target * share / 100 / norma).quantize(Decimal(1))
                tasks.append(
                    WorkloadTask(
                        position=position,
                        description=description.format(name=position.name),
                        satuan_hasil=satuan,
                        volume=max(volume, Decimal(1)),
                        norma_waktu=norma,
                        order=order,
                    )
                )
        WorkloadTask.objects.bulk_create(tasks, batch_size=1000)
        self.created["abk task"] += len(tasks)

    def _assessments_and_history(self) -> None:
        """Assessed competency levels, leadership training and last year's predikat."""
        assessed = set(EmployeeCompetency.objects.values_list("employee_id", flat=True).distinct())
        competencies = list(
            Competency.objects.filter(kind__in=["manajerial", "sosial_kultural"]).order_by("code")
        )
        placements = (
            Placement.objects.open()
            .filter(kind=Placement.Kind.DEFINITIF)
            .select_related("employee", "position")
            .order_by("employee__nip")
        )
        new_assessments: list[EmployeeCompetency] = []
        trainings: list[LeadershipTraining] = []
        predikat_updates: list[Employee] = []
        for placement in placements:
            employee, position = placement.employee, placement.position
            rng = random.Random(f"{SEED}-hist-{employee.nip}")  # nosec B311  # seeded for reproducible demo data
            level = REQUIREMENTS[_role(position)][0]
            if employee.pk not in assessed and (position.is_structural or rng.random() < 0.5):
                when = dt.date(rng.choice([2024, 2025]), rng.randint(1, 12), rng.randint(1, 28))
                for competency in competencies:
                    new_assessments.append(
                        EmployeeCompetency(
                            employee=employee,
                            competency=competency,
                            level=min(5, max(1, level + rng.choice([-1, -1, 0, 0, 0, 1]))),
                            assessed_on=when,
                            source="Assessment Center BKD Provinsi Lampung",
                        )
                    )
            required = position.required_leadership
            if required and rng.random() < 0.8:
                trainings.append(
                    LeadershipTraining(
                        employee=employee,
                        kind=required,
                        year=min(2025, max(placement.start_date.year - rng.randint(0, 3), 2005)),
                        certificate_number=f"{required.upper()}/{rng.randint(1000, 9999)}/LAN",
                    )
                )
            if not employee.latest_predikat and rng.random() < 0.9:
                employee.latest_predikat = rng.choices(
                    ["sangat_baik", "baik", "butuh_perbaikan", "kurang"], weights=[15, 70, 10, 5]
                )[0]
                employee.latest_predikat_year = 2025
                predikat_updates.append(employee)
        EmployeeCompetency.objects.bulk_create(new_assessments, batch_size=1000)
        LeadershipTraining.objects.bulk_create(trainings, batch_size=1000, ignore_conflicts=True)
        Employee.objects.bulk_update(
            predikat_updates, ["latest_predikat", "latest_predikat_year"], batch_size=500
        )
        self.created["assessment"] += len(new_assessments)

    # --- demo logins ------------------------------------------------------------

    def _user(self, username: str, first_name: str = "", **flags: Any) -> Any:
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first_name, **flags)
            user.set_password(DEMO_PASSWORD)
            user.save()
            self.created["user"] += 1
        return user

    def _link(self, user: Any, position: Position) -> None:
        placement = position.placements.open().order_by("kind").first()
        if placement:
            self._link_employee(user, placement.employee)

    def _link_employee(self, user: Any, employee: Employee) -> None:
        if employee.user_id is None and not Employee.objects.filter(user=user).exists():
            Employee.objects.filter(pk=employee.pk, user__isnull=True).update(user=user)
            user.first_name = employee.name
            user.save(update_fields=["first_name"])

    def _logins(self, heads: dict[str, Position]) -> None:
        root = OrgUnit.objects.get(code=D.INSTANSI[0])
        dinkes = OrgUnit.objects.get(code="18.DINKES")
        hr_bkd = self._user("hr.bkd", "Pengelola BKD")
        HRScope.objects.get_or_create(user=hr_bkd, unit=root, role=HRScope.Role.PENGELOLA)
        hr_dinkes = self._user("hr.dinkes", "Pengelola Dinkes")
        HRScope.objects.get_or_create(user=hr_dinkes, unit=dinkes, role=HRScope.Role.PENGELOLA)
        kabid_position = next(
            p
            for code, p in heads.items()
            if code.startswith("18.DINKES.B") and "Pelayanan" in p.name
        )
        self._link(self._user("kabid.yankes"), kabid_position)
        staff_position = (
            Position.objects.filter(
                parent=kabid_position, jenis="fungsional", name="Perawat"
            ).first()
            or Position.objects.filter(parent=kabid_position, jenis="fungsional").first()
        )
        if staff_position is None:  # the seeded structure always has one; keep the seed total
            staff_position = kabid_position.children.first()
        self._link(self._user("staf.yankes"), staff_position)
        # A second pegawai under the same penilai: the one whose 2026 SKP is already approved
        # and evaluated (seed_demo_performance), next to staf.yankes who has none yet.
        colleague = (
            Placement.objects.open()
            .filter(
                position__parent=kabid_position,
                position__jenis="fungsional",
                kind=Placement.Kind.DEFINITIF,
            )
            .exclude(employee__user__username="staf.yankes")
            .order_by("employee__nip")
            .first()
        )
        if colleague is not None:
            self._link_employee(self._user("staf2.yankes"), colleague.employee)
        sekda_user = self._user("sekda")
        self._link(sekda_user, heads["SEKDA"])
        HRScope.objects.get_or_create(user=sekda_user, unit=root, role=HRScope.Role.PIMPINAN)
        self._user("admin", "Superadmin", is_staff=True, is_superuser=True)
