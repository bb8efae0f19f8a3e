"""One instansi of the province-scale seed, second half: the rows of units, posts, employees,
their educations, placements, leadership training and logins, written with `RowWriter`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model

from demo import org_data as D
from demo.org_vocabulary import (
    AGE_BY_ROLE,
    GOLONGAN_BY_ROLE,
    REQUIREMENTS,
    _gelar,
    contract_end,
)
from demo.scale_org import (
    CPNS_2025_TMT,
    CREATED_AT,
    PPPK_2025_SK,
    PPPK_2025_TMT,
    PROVINCE_PPPK_2025,
    login_rows,
)
from demo.scale_structure import InstansiStructure, _Post
from demo.scale_vocabulary import (
    FIELD_BY_JF,
    INSTITUTIONS,
    KEPSEK,
    OTHER_BIRTH_PLACES,
)
from positions.bup import BupRules
from positions.models import (
    LEADERSHIP_BY_JENIS,
    Education,
    EducationLevel,
    Employee,
    HRScope,
    LeadershipTraining,
    OrgUnit,
    Placement,
    Position,
)


class InstansiBuilder(InstansiStructure):
    """Build one instansi: the structure of `InstansiStructure`, then its people."""

    def build(self) -> dict[str, int]:
        """Write the whole instansi (call inside a transaction); return row counts."""
        self._structure()
        self._staff_posts()
        self._ids_and_paths()
        employees = self._write_structure_and_people()
        self._logins(employees)
        return {
            "unit": len(self.units),
            "position": len(self.posts),
            "employee": len(employees),
        }

    # --- people ----------------------------------------------------------------------------

    def _write_structure_and_people(self) -> list[dict[str, Any]]:
        writer, rng = self.context.writer, self.rng
        bup = BupRules.load()
        writer.write(
            OrgUnit,
            ["id", "path", "depth", "numchild", "code", "name", "kind"],
            (
                (u.id, u.path, u.depth, len(u.children), u.code, u.name, u.kind)
                for u in sorted(self.units, key=lambda u: u.path)
            ),
        )
        writer.write(
            Position,
            [
                "id",
                "unit_id",
                "code",
                "name",
                "jenis",
                "jenjang",
                "kelas",
                "parent_id",
                "kebutuhan",
                "is_active",
                "ikhtisar",
                "uraian_tugas",
                "min_education_level",
                "min_golongan",
                "bup_age",
            ],
            (
                (
                    p.id,
                    p.unit.id,
                    p.code,
                    p.name,
                    p.jenis,
                    p.jenjang,
                    p.kelas,
                    p.parent.id if p.parent else None,
                    p.kebutuhan,
                    True,
                    "",
                    "",
                    REQUIREMENTS[p.role][1],
                    REQUIREMENTS[p.role][2],
                    bup.age(p.jenis, p.name, p.jenjang),
                )
                for p in self.posts
            ),
        )

        # One seat per planned holder; the province's 2025 PPPK, other PPPK and the 2025 CPNS
        # are drawn among the JF/pelaksana seats (structural posts and school heads are PNS).
        seats = [post for post in self.posts for _ in range(post.holders)]
        open_seats = [
            i for i, post in enumerate(seats) if not post.is_structural and post.name != KEPSEK
        ]
        modes = ["pns"] * len(seats)
        wave = 0
        if self.spec.is_province:
            wave = min(len(open_seats), round(PROVINCE_PPPK_2025 * self.n / self.spec.asn))
        for i in rng.sample(open_seats, wave):
            modes[i] = "pppk2025"
        pppk_share = 0.08 if self.spec.is_province else 0.22
        for i in open_seats:
            if modes[i] == "pns":
                roll = rng.random()
                modes[i] = "pppk" if roll < pppk_share else ("cpns" if roll > 0.98 else "pns")

        ids = writer.reserve_ids(Employee, len(seats))
        people = [
            self._person(pk, post, mode) for pk, post, mode in zip(ids, seats, modes, strict=True)
        ]
        writer.write(
            Employee,
            [
                "id",
                "nip",
                "name",
                "gelar_depan",
                "gelar_belakang",
                "kind",
                "gender",
                "birth_date",
                "birth_place",
                "golongan",
                "tmt_golongan",
                "status",
                "unit_id",
                "email",
                "latest_predikat",
                "contract_end",
            ],
            (
                (
                    p["id"],
                    p["nip"],
                    p["name"],
                    p["gelar_depan"],
                    p["gelar_belakang"],
                    p["kind"],
                    p["gender"],
                    p["birth_date"],
                    p["birth_place"],
                    p["golongan"],
                    p["tmt_golongan"],
                    Employee.Status.AKTIF,
                    p["post"].unit.id,
                    f"{p['nip']}@{self.spec.email_domain}",
                    "",
                    p["contract_end"],
                )
                for p in people
            ),
        )
        writer.write(
            Education,
            ["employee_id", "level", "field_id", "institution", "graduation_year"],
            (row for p in people for row in p["educations"]),
        )
        writer.write(
            Placement,
            [
                "employee_id",
                "position_id",
                "kind",
                "start_date",
                "end_date",
                "end_reason",
                "sk_number",
                "sk_date",
                "is_structural",
                "created_at",
            ],
            self._placements(people),
        )
        writer.write(
            LeadershipTraining,
            ["employee_id", "kind", "year", "certificate_number"],
            self._leadership(people),
        )
        return people

    def _person(self, pk: int, post: _Post, mode: str) -> dict[str, Any]:
        rng = self.rng
        role = post.role
        level = self._education_level(post)
        group = post.group or rng.choice(sorted(self.fields_by_group))
        if mode in ("pppk", "pppk2025"):
            age = rng.randint(24, 50)
        elif mode == "cpns":
            age = rng.randint(23, 33)
        else:
            age = rng.randint(*AGE_BY_ROLE[role])
        birth = dt.date(2026 - age, rng.randint(1, 12), rng.randint(1, 28))
        female_share = {"kesehatan": 0.72, "pendidikan": 0.66}.get(group, 0.42)
        gender = "P" if rng.random() < female_share else "L"
        if mode == "pppk2025":
            tmt, middle = PPPK_2025_TMT, "202521"
        elif mode == "pppk":
            year = rng.choice([2021, 2022, 2023, 2024])
            tmt, middle = dt.date(year, rng.choice([1, 3, 7]), 1), f"{year}21"
        elif mode == "cpns":
            tmt, middle = CPNS_2025_TMT, f"{CPNS_2025_TMT:%Y%m}"
        else:
            year = min(birth.year + rng.randint(23, 30), 2024)
            tmt = dt.date(year, rng.randint(1, 12), 1)
            middle = f"{tmt:%Y%m}"
        prefix = f"{birth:%Y%m%d}{middle}{'1' if gender == 'L' else '2'}"
        seq = self.context.nip_seq.get(prefix, 0) + 1
        self.context.nip_seq[prefix] = seq
        nip = f"{prefix}{seq:03d}"

        if mode in ("pppk", "pppk2025"):
            kind = Employee.Kind.PPPK
            golongan = {"50": "P11", "45": "P10", "40": "P09", "30": "P07"}.get(level, "P05")
            tmt_golongan = tmt
        elif mode == "cpns":
            kind = Employee.Kind.CPNS
            golongan = {"45": "32", "40": "31", "30": "23"}.get(level, "21")
            tmt_golongan = tmt
        else:
            kind = Employee.Kind.PNS
            if role == "pelaksana":
                choices = {"15": ["21", "22", "23", "24"], "30": ["23", "24", "31"]}
                golongan = rng.choice(choices.get(level, ["31", "32", "33"]))
            else:
                golongan = rng.choice(GOLONGAN_BY_ROLE[role])
            # Kenaikan pangkat periods: April and October.
            year = rng.randint(max(tmt.year + 1, 2019), 2025)
            tmt_golongan = max(tmt, dt.date(year, rng.choice([4, 10]), 1))

        field_code = FIELD_BY_JF.get(post.name)
        if level < EducationLevel.D3:
            main_field = rng.choice(self.slta_fields)
        elif field_code:
            main_field = self.context.fields[field_code]
        else:
            main_field = rng.choice(
                self.fields_by_group.get(group) or self.fields_by_group["sosial"]
            )
        gelar_depan, gelar_belakang = _gelar(main_field, level)
        first = rng.choice(D.FIRST_NAMES_MALE if gender == "L" else D.FIRST_NAMES_FEMALE)
        last = rng.choice(
            D.LAST_NAMES + (D.MALE_LAST_NAMES if gender == "L" else D.FEMALE_LAST_NAMES)
        )

        educations = []
        grad_age = {"15": 18, "30": 21, "40": 22, "45": 27}
        graduated = min(birth.year + grad_age.get(level, 22) + rng.randint(0, 2), tmt.year, 2025)
        if level >= EducationLevel.S2:
            # Most earned the S-2 while in service; the S-1 came first.
            graduated = min(max(graduated, tmt.year + rng.randint(2, 8)), 2025)
            s1_year = min(birth.year + 22, graduated - 1)
            educations.append(
                (pk, EducationLevel.S1, main_field.pk, rng.choice(INSTITUTIONS), s1_year)
            )
        institution = (
            f"{'SMK' if main_field.code.startswith('SMK') else 'SMA'} Negeri "
            f"{rng.randint(1, 12)} {rng.choice(self.birth_places)}"
            if level < EducationLevel.D3
            else rng.choice(INSTITUTIONS)
        )
        educations.append((pk, level, main_field.pk, institution, graduated))
        if EducationLevel.D3 <= level <= EducationLevel.S1 and rng.random() < 0.4:
            slta = rng.choice(self.slta_fields)
            educations.append(
                (
                    pk,
                    EducationLevel.SLTA,
                    slta.pk,
                    f"SMA Negeri {rng.randint(1, 12)} {rng.choice(self.birth_places)}",
                    birth.year + 18,
                )
            )
        birth_place = (
            self.spec.capital
            if rng.random() < 0.5
            else rng.choice(self.birth_places + OTHER_BIRTH_PLACES)
        )
        return {
            "id": pk,
            "post": post,
            "mode": mode,
            "nip": nip,
            "contract_end": contract_end(tmt) if kind == Employee.Kind.PPPK else None,
            "name": f"{first} {last}",
            "gelar_depan": gelar_depan,
            "gelar_belakang": gelar_belakang,
            "kind": kind,
            "gender": gender,
            "birth_date": birth,
            "birth_place": birth_place,
            "golongan": golongan,
            "tmt_golongan": tmt_golongan,
            "tmt": tmt,
            "educations": educations,
        }

    def _education_level(self, post: _Post) -> str:
        r = self.rng.random()
        role = post.role
        if post.name == "Dokter":
            return EducationLevel.S1 if r < 0.8 else EducationLevel.S2
        if role in ("jpt_madya", "jpt_pratama"):
            return EducationLevel.S2 if r < 0.8 else EducationLevel.S1
        if role in ("administrator", "ahli_madya"):
            return EducationLevel.S2 if r < 0.45 else EducationLevel.S1
        if role in ("pengawas", "ahli_muda", "ahli_pertama"):
            return EducationLevel.S2 if r < 0.1 else EducationLevel.S1
        if role == "terampil":
            return EducationLevel.D3
        return (
            EducationLevel.SLTA
            if r < 0.4
            else (EducationLevel.D3 if r < 0.65 else EducationLevel.S1)
        )

    def _sk(self, start: dt.date) -> tuple[str, dt.date]:
        sk_date = start - dt.timedelta(days=self.rng.randint(3, 20))
        office = "VI.04" if self.spec.is_province else f"BKPSDM.{self.spec.code[3:]}"
        return f"800.1.3/{self.rng.randint(100, 999)}/{office}/{sk_date.year}", sk_date

    def _placements(self, people: list[dict[str, Any]]) -> Iterable[tuple[Any, ...]]:
        rng = self.rng
        pools: dict[str, list[_Post]] = {}
        for post in self.posts:
            pools.setdefault(post.role if post.is_structural else post.jenis, []).append(post)
        earlier_pool = {
            "jpt_madya": "jpt_pratama",
            "jpt_pratama": "administrator",
            "administrator": "pengawas",
            "pengawas": "fungsional",
        }
        holder_of: dict[int, int] = {}
        for person in people:
            post: _Post = person["post"]
            tmt: dt.date = person["tmt"]
            if person["mode"] != "pns" or tmt.year >= 2024:
                start = tmt
            else:
                start = dt.date(rng.randint(max(tmt.year + 1, 2010), 2024), rng.randint(1, 12), 1)
            if post.is_structural:
                holder_of[post.id] = person["id"]
            # Earlier posts (SK mutasi/promosi): closed the day before the next TMT.
            history: list[tuple[_Post, dt.date]] = []
            pool = pools.get(earlier_pool.get(post.role, post.jenis), [])
            if pool and person["mode"] == "pns" and (start - tmt).days > 3 * 365:
                gap_years = (start - tmt).days // 365
                roll = rng.random()
                if roll < 0.12 and gap_years >= 6:
                    middle = dt.date(tmt.year + gap_years // 2, rng.randint(1, 12), 1)
                    history = [(rng.choice(pool), tmt), (rng.choice(pool), middle)]
                elif roll < 0.4:
                    history = [(rng.choice(pool), tmt)]
                history = [(p, s) for p, s in history if p is not post]
            for index, (earlier, earlier_start) in enumerate(history):
                next_start = history[index + 1][1] if index + 1 < len(history) else start
                sk_number, sk_date = self._sk(earlier_start)
                yield (
                    person["id"],
                    earlier.id,
                    Placement.Kind.DEFINITIF,
                    earlier_start,
                    next_start - dt.timedelta(days=1),
                    Placement.EndReason.MUTASI,
                    sk_number,
                    sk_date,
                    earlier.is_structural,
                    CREATED_AT,
                )
            sk_number, sk_date = self._sk(start)
            if person["mode"] == "pppk2025":
                sk_date = PPPK_2025_SK
            yield (
                person["id"],
                post.id,
                Placement.Kind.DEFINITIF,
                start,
                None,
                "",
                sk_number,
                sk_date,
                post.is_structural,
                CREATED_AT,
            )
        # Plt: a vacant structural post is held by the holder of the first filled structural
        # post below it (a Sekretaris acting as Plt Kepala Dinas), since the second half of 2024.
        for post in self.posts:
            if not post.plt:
                continue
            below = [p for p in self.posts if p.parent is post and p.id in holder_of]
            if not below:
                continue
            start = dt.date(2024, rng.choice([7, 8, 9, 10]), 1)
            sk_number, sk_date = self._sk(start)
            yield (
                holder_of[below[0].id],
                post.id,
                Placement.Kind.PLT,
                start,
                None,
                "",
                sk_number,
                sk_date,
                True,
                CREATED_AT,
            )

    def _leadership(self, people: list[dict[str, Any]]) -> Iterable[tuple[Any, ...]]:
        """Most structural holders already have the leadership training their post requires
        (years up to 2023; seed_scale_training adds later ones for some of the rest)."""
        rng = self.rng
        earlier = {"pkn2": ["pka", "pkp"], "pkn1": ["pkn2", "pka"], "pka": ["pkp"], "pkp": []}
        for person in people:
            required = LEADERSHIP_BY_JENIS.get(person["post"].jenis)
            if not required or rng.random() >= 0.75:
                continue
            kinds = [required] + [k for k in earlier[required] if rng.random() < 0.5]
            first_year = max(person["tmt"].year + 3, 2005)
            for offset, kind in enumerate(kinds):
                year = max(first_year, 2023 - offset * 4 - rng.randint(0, 3))
                year = min(year, 2023)
                yield (
                    person["id"],
                    kind,
                    year,
                    f"{kind.upper()}/{rng.randint(1000, 9999)}/LAN/{year}",
                )

    # --- logins ----------------------------------------------------------------------------

    def _logins(self, people: list[dict[str, Any]]) -> None:
        User = get_user_model()
        spec = self.spec
        root_id = self.root.id
        by_post: dict[int, dict[str, Any]] = {}
        for person in people:
            by_post.setdefault(person["post"].id, person)
        sekda = next(p for p in self.posts if p.code.endswith(".SEKDA"))
        kabid = self.kabid
        staff_post = next(
            (
                p
                for p in self.posts
                if kabid is not None and p.parent is kabid and not p.is_structural and p.holders
            ),
            None,
        )
        linked = {
            f"sekda.{spec.slug}": by_post.get(sekda.id),
            f"kabid.{spec.slug}": by_post.get(kabid.id) if kabid else None,
            f"pegawai.{spec.slug}": by_post.get(staff_post.id) if staff_post else None,
        }
        for index, (username, description) in enumerate(login_rows(spec)):
            person = linked.get(username)
            if index > 0 and person is None:
                continue  # the post is vacant in a scaled-down build
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={
                    "password": self.context.password_hash,
                    "first_name": person["name"] if person else description[:150],
                },
            )
            if person is not None:
                Employee.objects.filter(pk=person["id"], user__isnull=True).update(user=user)
            if index == 0:
                HRScope.objects.get_or_create(
                    user=user, unit_id=root_id, role=HRScope.Role.PENGELOLA
                )
            if username.startswith("sekda."):
                HRScope.objects.get_or_create(
                    user=user, unit_id=root_id, role=HRScope.Role.PIMPINAN
                )
