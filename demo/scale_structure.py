"""One instansi of the province-scale seed, first half: its unit tree and posts (structural,
JF and pelaksana) with ids and treebeard paths, built in memory before any row is written."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from demo import org_data as D
from demo.org_vocabulary import (
    PELAKSANA_GROUP,
    _bidang_head_title,
    _head_title,
)
from demo.scale_org import (
    INSTANSI,
    SEED,
    InstansiSpec,
    RowWriter,
    apportion,
    root_path,
    step,
)
from demo.scale_vocabulary import (
    GROUP_SHARE,
    GURU_STAFF,
    HOSPITAL_CODES,
    HOSPITAL_STAFF,
    JF_JENJANG_WEIGHTS,
    JF_KELAS,
    KABKOTA_OPD,
    KECAMATAN_UNITS,
    KEPSEK,
    PER_SCHOOL,
    PROVINCE_OPD,
    PUSKESMAS_STAFF,
    SCALE_JF_GROUP,
    TERAMPIL_JF,
)
from positions.models import (
    STRUCTURAL_JENIS,
    EducationField,
    Employee,
    OrgUnit,
    Position,
)


@dataclass(eq=False)
class _Unit:
    code: str
    name: str
    kind: str
    parent: _Unit | None
    children: list[_Unit] = field(default_factory=list)
    id: int = 0
    path: str = ""
    depth: int = 0


@dataclass(eq=False)
class _Post:
    unit: _Unit
    code: str
    name: str
    jenis: str
    kelas: int
    parent: _Post | None
    jenjang: str = ""
    kebutuhan: int = 1
    group: str | None = None  # education group that fits the post
    holders: int = 0  # definitive holders to create
    plt: bool = False  # vacant structural post held by a Plt
    id: int = 0

    @property
    def role(self) -> str:
        """Key of the demo's GOLONGAN_BY_ROLE / AGE_BY_ROLE / REQUIREMENTS tables."""
        if self.jenis == "fungsional":
            return self.jenjang
        if self.jenis in ("jpt_utama", "jpt_madya"):
            return "jpt_madya"
        return self.jenis

    @property
    def is_structural(self) -> bool:
        return self.jenis in STRUCTURAL_JENIS


@dataclass(eq=False)
class _Container:
    """Where JF/pelaksana staff sit: a unit and the post their posts report to."""

    kind: str  # bidang, subunit, school, puskesmas, hospital, kecamatan
    unit: _Unit
    head: _Post
    sector: str
    group: str  # allocation group of GROUP_SHARE
    weight: float


@dataclass
class ScaleContext:
    """What the instansi builds share: reference rows, the NIP sequence, one password hash."""

    writer: RowWriter
    fields: dict[str, EducationField]
    password_hash: str
    nip_seq: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, writer: RowWriter, password_hash: str) -> ScaleContext:
        fields = {}
        for row in [*D.EDUCATION_FIELDS, *D.SLTA_FIELDS]:
            obj, _ = EducationField.objects.get_or_create(
                code=row["code"], defaults={"name": row["name"], "group": row["group"] or "umum"}
            )
            fields[row["code"]] = obj
        context = cls(writer=writer, fields=fields, password_hash=password_hash)
        # An earlier (interrupted) run's NIPs keep their sequence numbers.
        for nip in Employee.objects.values_list("nip", flat=True).iterator(chunk_size=20_000):
            prefix = nip[:15]
            context.nip_seq[prefix] = max(context.nip_seq.get(prefix, 0), int(nip[15:]))
        return context


class InstansiStructure:
    """The units and posts of one instansi; `InstansiBuilder` adds the people and writes."""

    def __init__(self, spec: InstansiSpec, n_employees: int, context: ScaleContext) -> None:
        self.spec = spec
        self.n = n_employees
        self.context = context
        self.rng = random.Random(f"scale-{SEED}-{spec.code}-{n_employees}")  # nosec B311  # seeded for reproducible benchmark data
        self.level = "province" if spec.is_province else "kabkota"
        self.units: list[_Unit] = []
        self.posts: list[_Post] = []
        self.containers: list[_Container] = []
        self.kabid: _Post | None = None
        fields_by_group: dict[str, list[EducationField]] = {}
        for row in D.EDUCATION_FIELDS:
            fields_by_group.setdefault(row["group"], []).append(context.fields[row["code"]])
        self.fields_by_group = fields_by_group
        self.slta_fields = [context.fields[row["code"]] for row in D.SLTA_FIELDS]
        self.birth_places = [s.capital for s in INSTANSI if not s.is_province]

    # --- structure ---------------------------------------------------------------------

    def _unit(self, parent: _Unit | None, code: str, name: str, kind: str) -> _Unit:
        unit = _Unit(code=code, name=name, kind=kind, parent=parent)
        if parent is not None:
            parent.children.append(unit)
        self.units.append(unit)
        return unit

    def _post(
        self,
        unit: _Unit,
        suffix: str,
        name: str,
        jenis: str,
        kelas: int,
        parent: _Post | None,
        *,
        always_filled: bool = False,
        **extra: Any,
    ) -> _Post:
        post = _Post(
            unit=unit,
            code=f"{unit.code}.{suffix}",
            name=name,
            jenis=jenis,
            kelas=kelas,
            parent=parent,
            **extra,
        )
        if post.is_structural:
            # ~3% of structural posts are vacant; half of those get a Plt (see _placements).
            vacant = not always_filled and self.rng.random() < 0.03
            post.holders = 0 if vacant else 1
            post.plt = vacant and self.rng.random() < 0.5
        self.posts.append(post)
        return post

    def _sizes(self) -> tuple[int, int, int]:
        """(perangkat daerah, bidang per OPD, subunits per bidang) for the instansi's size."""
        catalogue = PROVINCE_OPD if self.spec.is_province else KABKOTA_OPD
        if self.n >= 2500:
            return len(catalogue), 4, 2
        if self.n >= 600:
            return min(len(catalogue), max(4, self.n // 80)), 4, 1
        return min(len(catalogue), max(2, self.n // 60)), 2, 1

    def _structure(self) -> None:
        spec = self.spec
        province = spec.is_province
        self.root = self._unit(None, spec.code, spec.name, OrgUnit.Kind.INSTANSI)
        n_opd, n_bidang, n_sub = self._sizes()
        catalogue = (PROVINCE_OPD if province else KABKOTA_OPD)[:n_opd]
        opd_units: dict[str, _Unit] = {}
        heads: dict[str, _Post] = {}
        sekda: _Post | None = None
        for opd in catalogue:
            name = opd["name"]
            if opd["code"] == "RSUD":
                name = f"Rumah Sakit Umum Daerah {spec.capital}"
            unit = self._unit(
                self.root, f"{spec.code}.{opd['code']}", name, OrgUnit.Kind.PERANGKAT_DAERAH
            )
            opd_units[opd["code"]] = unit
            if opd["code"] == "SETDA":
                head = sekda = self._post(
                    unit,
                    "SEKDA",
                    "Sekretaris Daerah",
                    "jpt_madya" if province else "jpt_pratama",
                    16 if province else 15,
                    None,
                    always_filled=True,
                    group="sosial",
                )
            else:
                head = self._post(
                    unit, "KEPALA", _head_title(name), "jpt_pratama", 14, sekda, group=opd["sector"]
                )
            heads[opd["code"]] = head
            for b_index, bidang in enumerate(opd["bidang"][:n_bidang], start=1):
                b_unit = self._unit(unit, f"{unit.code}.B{b_index}", bidang["name"], "unit")
                is_biro = bidang["name"].startswith("Biro")
                sector = bidang.get("sector", opd["sector"])
                b_head = self._post(
                    b_unit,
                    "KEPALA",
                    _bidang_head_title(bidang["name"]),
                    "jpt_pratama" if is_biro else "administrator",
                    14 if is_biro else (12 if bidang["name"] == "Sekretariat" else 11),
                    head,
                    group=sector,
                )
                hospital = opd["code"] in HOSPITAL_CODES and not bidang["name"].startswith("Bagian")
                if hospital:
                    self._container("hospital", b_unit, b_head, sector, "kesehatan", 2)
                else:
                    self._container("bidang", b_unit, b_head, sector, "umum", 2)
                for s_index, sub_name in enumerate(bidang["subunits"][:n_sub], start=1):
                    s_unit = self._unit(b_unit, f"{b_unit.code}.S{s_index}", sub_name, "sub_unit")
                    s_head = self._post(
                        s_unit, "KEPALA", f"Kepala {sub_name}", "pengawas", 9, b_head, group=sector
                    )
                    self._container("subunit", s_unit, s_head, sector, "umum", 1)
                if opd["code"] == "DINKES" and b_index == 2 and b_head.holders:
                    self.kabid = b_head  # the demo's kabid.yankes, at scale
        if self.kabid is None:
            self.kabid = next(
                (p for p in self.posts if p.jenis == "administrator" and p.holders), None
            )
        assert sekda is not None  # nosec B101  # type narrowing: every generated instansi has a Sekda post
        n_kec = self._kecamatan(sekda)
        if "DISDIKBUD" in opd_units:
            self._schools(opd_units["DISDIKBUD"])
        if "DINKES" in opd_units and not province and self.n >= 100:
            self._puskesmas(opd_units["DINKES"], heads["DINKES"], max(n_kec, 1))

    def _container(
        self, kind: str, unit: _Unit, head: _Post, sector: str, group: str, weight: float
    ) -> None:
        weight *= self.rng.uniform(0.6, 1.4)
        self.containers.append(_Container(kind, unit, head, sector, group, weight))

    def _kecamatan(self, sekda: _Post) -> int:
        spec = self.spec
        if not spec.kecamatan:
            return 0
        n_kec = round(spec.kecamatan * self.n / spec.asn)
        if self.n >= 100:
            n_kec = max(n_kec, 1)
        for i in range(1, n_kec + 1):
            unit = self._unit(
                self.root, f"{spec.code}.KEC{i:02d}", f"Kecamatan {i:02d}", "perangkat_daerah"
            )
            camat = self._post(unit, "CAMAT", "Camat", "administrator", 12, sekda, group="sosial")
            sekret = self._unit(unit, f"{unit.code}.B1", "Sekretariat Kecamatan", "unit")
            sekcam = self._post(
                sekret, "KEPALA", "Sekretaris Kecamatan", "administrator", 10, camat
            )
            subbag = self._unit(
                sekret, f"{sekret.code}.S1", "Subbagian Umum dan Kepegawaian", "sub_unit"
            )
            head = self._post(
                subbag, "KEPALA", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", 9, sekcam
            )
            self._container("kecamatan", subbag, head, "administrasi", "kecamatan", 1)
            for index, (name, kind) in enumerate(KECAMATAN_UNITS, start=2):
                seksi = self._unit(unit, f"{unit.code}.B{index}", name, kind)
                head = self._post(seksi, "KEPALA", f"Kepala {name}", "pengawas", 9, camat)
                self._container("kecamatan", seksi, head, "administrasi", "kecamatan", 1)
        return n_kec

    def _schools(self, disdik: _Unit) -> None:
        """UPTD satuan pendidikan under the bidang of SMA/SMK (province) or SD/SMP."""
        bidangs = disdik.children[1:3]
        if not bidangs:
            return
        staff = self.n * GROUP_SHARE[self.level]["pendidikan"]
        n_schools = max(1, round(staff / PER_SCHOOL[self.level]))
        shares = [0.55, 0.45] if self.spec.is_province else [0.7, 0.3]
        split = apportion(n_schools, shares[: len(bidangs)])
        kinds = ["SMA", "SMK"] if self.spec.is_province else ["SD", "SMP"]
        towns = [s.capital for s in INSTANSI if not s.is_province]
        heads = {p.unit: p for p in self.posts if p.code.endswith(".KEPALA")}
        for bidang, count, kind in zip(bidangs, split, kinds, strict=False):
            b_head = heads[bidang]
            for i in range(count):
                if self.spec.is_province:
                    name = f"UPTD {kind} Negeri {i // len(towns) + 1} {towns[i % len(towns)]}"
                else:
                    name = f"UPTD {kind} Negeri {i + 1} {self.spec.short}"
                unit = self._unit(bidang, f"{bidang.code}.U{i + 1:03d}", name, "uptd")
                kepsek = self._post(
                    unit,
                    "KEPSEK",
                    KEPSEK,
                    "fungsional",
                    JF_KELAS["ahli_madya"],
                    b_head,
                    jenjang="ahli_madya",
                    group="pendidikan",
                    holders=1,
                )
                self._container("school", unit, kepsek, "pendidikan", "pendidikan", 1)

    def _puskesmas(self, dinkes: _Unit, kadis: _Post, count: int) -> None:
        for i in range(1, count + 1):
            name = f"UPTD Puskesmas Kecamatan {i:02d}"
            unit = self._unit(dinkes, f"{dinkes.code}.PKM{i:02d}", name, "uptd")
            head = self._post(
                unit, "KEPALA", f"Kepala {name}", "pengawas", 9, kadis, group="kesehatan"
            )
            self._container("puskesmas", unit, head, "kesehatan", "kesehatan", 1)

    # --- JF and pelaksana posts ------------------------------------------------------------

    def _staff_posts(self) -> None:
        rng = self.rng
        filled = sum(p.holders for p in self.posts)
        staff = self.n - filled
        if staff < 0:
            raise ValueError(
                f"{self.spec.name}: {self.n} pegawai terlalu sedikit untuk strukturnya."
            )
        shares = GROUP_SHARE[self.level]
        groups = sorted({c.group for c in self.containers})
        per_group = dict(zip(groups, apportion(staff, [shares[g] for g in groups]), strict=True))
        for group in groups:
            members = [c for c in self.containers if c.group == group]
            counts = apportion(per_group[group], [c.weight for c in members])
            for container, holders in zip(members, counts, strict=True):
                self._fill_container(container, holders)
        # Every JF/pelaksana post gets a kebutuhan near its bezetting: mostly short of staff,
        # a few over (selisih lebih), as a real peta jabatan.
        for post in self.posts:
            if post.is_structural or post.name == KEPSEK:
                continue
            h = post.holders
            if h == 0:
                post.kebutuhan = rng.randint(1, 3)
            elif rng.random() < 0.05:
                post.kebutuhan = max(1, h - 1 - round(h * 0.1))
            else:
                post.kebutuhan = h + rng.choice([0, 0, 1, 1, 2]) + round(h * rng.uniform(0, 0.15))

    def _fill_container(self, container: _Container, holders: int) -> None:
        rng = self.rng
        unit, head = container.unit, container.head
        specs: list[tuple[str, str, float]]  # (jabatan, jenjang or "" for pelaksana, weight)
        if container.kind == "school":
            specs = list(GURU_STAFF)
        elif container.kind == "puskesmas":
            specs = [*PUSKESMAS_STAFF[:3], rng.choice(PUSKESMAS_STAFF[3:])]
        elif container.kind == "hospital":
            specs = rng.sample(HOSPITAL_STAFF[:3], 3) + rng.sample(HOSPITAL_STAFF[3:], 1)
        elif container.kind == "bidang":
            choices = D.FUNGSIONAL_BY_SECTOR[container.sector]
            specs = []
            for name, _ in rng.sample(choices, k=min(len(choices), rng.choice([1, 2, 2, 3]))):
                jenjangs = [j for j in JF_JENJANG_WEIGHTS if j != "terampil" or name in TERAMPIL_JF]
                weights = [JF_JENJANG_WEIGHTS[j] for j in jenjangs]
                specs.append((name, rng.choices(jenjangs, weights)[0], rng.uniform(1, 3)))
        else:  # subunit, kecamatan: pelaksana
            names = rng.sample(D.PELAKSANA_COMMON, k=rng.choice([1, 2]))
            specs = [(name, "", rng.uniform(1, 3)) for name, _ in names]
        counts = apportion(holders, [w for _, _, w in specs])
        for index, ((name, jenjang, _), count) in enumerate(zip(specs, counts, strict=True), 1):
            if jenjang:
                post = self._post(
                    unit,
                    f"JF{index}",
                    name,
                    "fungsional",
                    JF_KELAS[jenjang],
                    head,
                    jenjang=jenjang,
                    group=SCALE_JF_GROUP.get(name),
                )
            else:
                post = self._post(
                    unit,
                    f"PL{index}",
                    name,
                    "pelaksana",
                    rng.choice([5, 6, 7]),
                    head,
                    group=PELAKSANA_GROUP.get(name),
                )
            post.holders = count

    def _ids_and_paths(self) -> None:
        writer = self.context.writer
        for unit, pk in zip(self.units, writer.reserve_ids(OrgUnit, len(self.units)), strict=True):
            unit.id = pk
        for post, pk in zip(self.posts, writer.reserve_ids(Position, len(self.posts)), strict=True):
            post.id = pk

        def assign(unit: _Unit, path: str, depth: int) -> None:
            unit.path, unit.depth = path, depth
            # treebeard keeps siblings in node_order_by (code) order along their paths.
            for i, child in enumerate(sorted(unit.children, key=lambda u: u.code), start=1):
                assign(child, path + step(i), depth + 1)

        assign(self.root, root_path(self.spec.code), 1)
