"""Factories for the domain's main objects, with traits for the states the services reach.

Plain records (units, posts, people, placements, training programs and events, riwayat rows)
are written directly with their required fields; NIPs are valid by construction.

States that the domain reaches through a workflow are built through that workflow:

- ``SKPFactory(approved=True)`` creates the SKP with ``services.create_skp``, adds RHK and IKI
  with the plan services (linking each RHK utama to the penilai's approved SKP when the post
  cascades, building that SKP first when there is none), submits it as the pegawai and approves
  it as the penilai, so the snapshot is frozen as in a real approval. ``submitted=True`` and
  ``returned=True`` stop earlier.
- ``EvaluationFactory(final=True)`` enters the realisasi as the pegawai
  (``services.save_realisations``) and rates and finalises as the penilai
  (``services.rate_evaluation``); ``rated=True`` rates without finalising.

Without an ``employee``, ``SKPFactory`` builds a small chain: a Sekretaris Daerah post (held
by someone with a login), a kepala dinas post under it (ditto) and a pelaksana under the
kepala, so every SKP in it goes through the real approval.

The one shortcut: a post at the top of the tree has no penilai post, and the portal has no one
who may approve or rate its SKP (the pejabat pembina kepegawaian acts outside the portal). For
such an SKP the factories write the same fields the services write (snapshot, approval time,
ratings and predikat from the matrix table); see ``_approve`` and ``EvaluationFactory``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from performance import services
from performance.models import SKP, Evaluation, Indicator, PredikatRule
from positions.models import (
    STRUCTURAL_JENIS,
    Competency,
    Employee,
    OrgUnit,
    Placement,
    Position,
)
from training.models import Participation, ProgramCompetency, TrainingEvent, TrainingProgram

_sequence = itertools.count(1)


def make_nip(
    birth: dt.date, *, gender: str = "L", pppk: bool = False, seq: int | None = None
) -> str:
    seq = seq if seq is not None else next(_sequence)
    # The TMT month (PNS) or contract code (PPPK) varies with the sequence, so the same birth
    # date yields 12 × 999 distinct NIPs before any repeats.
    # PPPK exist since 2019 (PP 49/2018): an NI PPPK carries no earlier year.
    start_year = max(birth.year + 24, 2019) if pppk else birth.year + 24
    variant = (seq // 999) % 12
    middle = f"{start_year}{21 + variant}" if pppk else f"{start_year}{1 + variant:02d}"
    return f"{birth:%Y%m%d}{middle}{'1' if gender == 'L' else '2'}{seq % 999 + 1:03d}"


def make_unit(name: str, parent: OrgUnit | None = None, kind: str = "unit") -> OrgUnit:
    code = f"U{next(_sequence):06d}"  # padded: siblings sort by code (U100 < U99 otherwise)
    if parent is None:
        return OrgUnit.objects.add_root({"code": code, "name": name, "kind": OrgUnit.Kind.INSTANSI})
    parent.refresh_from_db()
    return OrgUnit.objects.add_child(parent, {"code": code, "name": name, "kind": kind})


# --- Users, units, posts, people, placements ------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"pengguna{n}")

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        return model_class.objects.create_user(*args, password="x-unused-x", **kwargs)


class OrgUnitFactory(factory.Factory):
    """A node of the organisation tree (treebeard), so it is added through make_unit: without
    a parent it is a new instansi (root)."""

    class Meta:
        model = OrgUnit

    name = factory.Sequence(lambda n: f"Unit {n}")
    parent = None
    kind = "unit"

    @classmethod
    def _create(cls, model_class: Any, name: str, parent: OrgUnit | None, kind: str) -> OrgUnit:
        return make_unit(name, parent, kind)


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    code = factory.Sequence(lambda n: f"POS-{n}")
    name = factory.Sequence(lambda n: f"Jabatan {n}")
    unit = factory.SubFactory(OrgUnitFactory)
    jenis = Position.Jenis.PELAKSANA
    kelas = 7
    kebutuhan = 1

    class Params:
        kepala = factory.Trait(jenis=Position.Jenis.JPT_PRATAMA, kelas=14)  # kepala dinas
        administrator = factory.Trait(jenis=Position.Jenis.ADMINISTRATOR, kelas=11)
        sekda = factory.Trait(jenis=Position.Jenis.JPT_MADYA, kelas=15)
        # a JF ahli muda post (kelas 9), as the world's perawat
        ahli_muda = factory.Trait(
            jenis=Position.Jenis.FUNGSIONAL, jenjang=Position.Jenjang.AHLI_MUDA, kelas=9
        )


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

    class Params:
        with_user = factory.Trait(user=factory.SubFactory(UserFactory))


class PlacementFactory(factory.django.DjangoModelFactory):
    """Writes the row directly (as an import would); services are tested on their own."""

    class Meta:
        model = Placement

    position = factory.SubFactory(PositionFactory)
    employee = factory.SubFactory(EmployeeFactory, unit=factory.SelfAttribute("..position.unit"))
    kind = Placement.Kind.DEFINITIF
    start_date = dt.date(2024, 1, 1)
    sk_number = factory.Sequence(lambda n: f"800/{n}/2024")
    sk_date = dt.date(2023, 12, 20)
    is_structural = factory.LazyAttribute(lambda o: o.position.is_structural)


def place(
    position: Position, *, name: str | None = None, with_user: bool = True, **kw: Any
) -> Employee:
    """Someone holding `position` (definitif), in its unit, with a login unless told not."""
    employee = EmployeeFactory(
        unit=position.unit, with_user=with_user, **({"name": name} if name else {}), **kw
    )
    PlacementFactory(employee=employee, position=position)
    return employee


def staff_under_penilai() -> Employee:
    """A pelaksana whose kepala dinas (penilai) answers to a Sekretaris Daerah (atasan
    penilai), all three with a login: every SKP of the chain can be approved in the portal."""
    instansi = make_unit("Pemerintah Provinsi Faktori")
    dinas = make_unit("Dinas Faktori", instansi, "perangkat_daerah")
    sekda = PositionFactory(unit=instansi, name="Sekretaris Daerah", sekda=True)
    place(sekda, name="Sekda Faktori")
    kepala = PositionFactory(unit=dinas, name="Kepala Dinas Faktori", kepala=True, parent=sekda)
    place(kepala, name="Kadis Faktori")
    staf = PositionFactory(unit=dinas, name="Pengadministrasi Umum", parent=kepala)
    return place(staf, name=f"Staf Faktori {next(_sequence)}")


# --- Acting in the services as someone ------------------------------------------------------


@contextlib.contextmanager
def acting_as(employee: Employee) -> Iterator[Any]:
    """The user the services expect for `employee`: their own login, else a factory account
    linked to them for the duration of the block only (the world keeps its people without a
    login, as seed_demo_performance does)."""
    if employee.user_id is not None:
        yield get_user_model().objects.get(pk=employee.user_id)
        return
    actor = UserFactory(username=f"faktori-{employee.pk}")
    Employee.objects.filter(pk=employee.pk).update(user=actor)
    try:
        yield actor
    finally:
        Employee.objects.filter(pk=employee.pk).update(user=None)
        actor.delete()


def penilai_of(skp: SKP) -> Employee | None:
    """Whoever may act as penilai of the SKP today (services.is_penilai_of); None at the top
    of the tree, where the portal has no penilai post."""
    skp.refresh_from_db(fields=["penilai", "penilai_position"])
    if skp.penilai is not None:
        return skp.penilai
    if skp.penilai_position_id is None:
        return None
    holder = Placement.objects.holder_of(skp.penilai_position_id, timezone.localdate())
    if holder is None:
        raise ValueError(f"{skp}: the penilai post is vacant; nobody can approve or rate it.")
    return holder.employee


# --- SKP and evaluation, through the services -----------------------------------------------


YEAR = 2026


def cascades(skp: SKP) -> bool:
    """A post below the JPT links its RHK utama to the penilai's approved SKP."""
    return skp.penilai_id is not None and skp.position.jenis not in STRUCTURAL_JENIS[:3]


class ServiceFactory(factory.Factory):
    """A factory whose objects are made by the services (see the module docstring): there is
    no unsaved instance to build."""

    class Meta:
        abstract = True

    @classmethod
    def _build(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{cls.__name__} goes through the services: use create.")


class SKPFactory(ServiceFactory):
    """``SKPFactory(employee=e, approved=True)``; see the module docstring for the path.

    ``rhks`` is the number of RHK utama, each with ``indicators`` IKI (kuantitas, kualitas,
    waktu, biaya in turn); ``rhk_texts`` names them. ``approved_on`` moves the approval time
    and the snapshot's frozen_on to that date afterwards (as the demo seed does), for tests
    that print or compare the approval date."""

    class Meta:
        model = SKP

    employee = factory.LazyFunction(staff_under_penilai)
    year = YEAR
    pendekatan = SKP.Pendekatan.KUANTITATIF
    rhks = 1
    indicators = 1
    rhk_texts: tuple[str, ...] = ()
    target = 10
    state = SKP.Status.DRAFT
    return_note = "Perbaiki IKI."
    approved_on: dt.date | None = None

    class Params:
        submitted = factory.Trait(state=SKP.Status.DIAJUKAN)
        returned = factory.Trait(state=SKP.Status.DIKEMBALIKAN)
        approved = factory.Trait(state=SKP.Status.DISETUJUI)

    @classmethod
    def _create(
        cls,
        model_class: Any,
        *,
        employee: Employee,
        year: int,
        pendekatan: str,
        rhks: int,
        indicators: int,
        rhk_texts: tuple[str, ...],
        target: int,
        state: str,
        return_note: str,
        approved_on: dt.date | None,
    ) -> SKP:
        skp = services.create_skp(employee, year=year, pendekatan=pendekatan)
        parent = _superior_rhk(skp) if state != SKP.Status.DRAFT else None
        texts = list(rhk_texts) or [f"Layanan prima {employee.name} {i + 1}" for i in range(rhks)]
        with acting_as(employee) as user:
            for text in texts:
                rhk = services.add_rhk(
                    skp,
                    user=user,
                    jenis="utama",
                    text=text,
                    parent_rhk=parent,
                    perspektif="penerima_layanan",  # kept for a JPT SKP only
                )
                for aspek in ["kuantitas", "kualitas", "waktu", "biaya"][:indicators]:
                    services.add_indicator(
                        rhk,
                        user=user,
                        aspek=aspek,
                        text=f"Jumlah {text} ({aspek})",
                        target_value=target if pendekatan == "kuantitatif" else None,
                        target_satuan="Dokumen" if pendekatan == "kuantitatif" else "",
                        target_text="" if pendekatan == "kuantitatif" else f"Tercapai {text}",
                    )
        return advance(skp, state, return_note=return_note, approved_on=approved_on)


def _superior_rhk(skp: SKP) -> Any:
    """The RHK utama an RHK of this SKP links to: the first of the penilai's approved SKP
    (built through the services when there is none yet); None when the post does not
    cascade."""
    if not cascades(skp):
        return None
    superior = services.superior_skp(skp) or SKPFactory(
        employee=skp.penilai, year=skp.year, approved=True
    )
    return superior.rhks.filter(jenis="utama").order_by("order", "pk").first()


def advance(
    skp: SKP,
    state: str = SKP.Status.DISETUJUI,
    *,
    return_note: str = "Perbaiki IKI.",
    approved_on: dt.date | None = None,
) -> SKP:
    """Take an existing draft SKP to `state` through the services: an empty plan gets one RHK
    utama with an IKI, unlinked RHK utama are linked to the penilai's approved SKP (when the
    post cascades), then the pegawai submits and the penilai returns or approves."""
    if state == SKP.Status.DRAFT:
        skp.refresh_from_db()
        return skp
    with acting_as(skp.employee) as user:
        if not skp.rhks.exists():
            rhk = services.add_rhk(
                skp, user=user, jenis="utama", text="Layanan prima", perspektif="penerima_layanan"
            )
            target = {"target_value": 10, "target_satuan": "Dokumen"}
            if skp.pendekatan != SKP.Pendekatan.KUANTITATIF:
                target = {"target_text": "Layanan prima tercapai"}
            services.add_indicator(rhk, user=user, aspek="kuantitas", text="Jumlah", **target)
        unlinked = skp.rhks.filter(jenis="utama", parent_rhk__isnull=True)
        parent = _superior_rhk(skp) if unlinked.exists() else None
        for rhk in unlinked if parent is not None else []:
            services.update_rhk(
                rhk,
                user=user,
                jenis=rhk.jenis,
                text=rhk.text,
                parent_rhk=parent,
                perspektif=rhk.perspektif,
            )
        services.submit_skp(skp, user=user)
    if state == SKP.Status.DIKEMBALIKAN:
        with acting_as(penilai_of(skp)) as user:
            services.return_skp(skp, user=user, note=return_note)
    if state == SKP.Status.DISETUJUI:
        _approve(skp)
        if approved_on is not None:
            skp.refresh_from_db(fields=["snapshot"])
            SKP.objects.filter(pk=skp.pk).update(
                approved_at=timezone.make_aware(dt.datetime.combine(approved_on, dt.time(9))),
                snapshot={**skp.snapshot, "frozen_on": approved_on.isoformat()},
            )
    skp.refresh_from_db()
    return skp


def approve(skp: SKP) -> SKP:
    """An existing draft SKP submitted and approved through the services (see advance)."""
    return advance(skp, SKP.Status.DISETUJUI)


def _approve(skp: SKP) -> None:
    penilai = penilai_of(skp)
    if penilai is not None:
        with acting_as(penilai) as user:
            services.approve_skp(skp, user=user)
        return
    # Top of the tree: approved outside the portal. The fields approve_skp writes, no more.
    skp.refresh_from_db()
    SKP.objects.filter(pk=skp.pk).update(
        status=SKP.Status.DISETUJUI,
        approved_at=timezone.now(),
        snapshot={
            "pegawai": services.identity(skp.employee, skp.position),
            "penilai": {},
            "atasan_penilai": {},
            "frozen_on": timezone.localdate().isoformat(),
            "roles_on": skp.period_start.isoformat(),
        },
    )


def ratings_for(predikat: str) -> tuple[str, str]:
    """A (rating hasil, rating perilaku) pair the matrix table turns into `predikat`."""
    cells = [
        (r.rating_hasil, r.rating_perilaku)
        for r in PredikatRule.objects.filter(predikat=predikat).order_by("pk")
    ]
    if not cells:
        raise ValueError(f"No cell of the kuadran kinerja gives {predikat!r}.")
    # The cell closest to "sesuai ekspektasi" (Baik: sesuai × sesuai).
    return max(cells, key=lambda cell: cell.count("sesuai"))


class EvaluationFactory(ServiceFactory):
    """``EvaluationFactory(skp=s, final=True, predikat="baik")``.

    The pegawai enters ``realisation`` (a value, with ``realisation_text``) for every IKI of
    the SKP (``realisation=None``: none), then with ``rated``/``final`` the penilai rates:
    ``rating_hasil``/``rating_perilaku``, or a pair giving ``predikat`` (default: sesuai ×
    sesuai, Baik) and, for final, finalises."""

    class Meta:
        model = Evaluation

    skp = factory.SubFactory(SKPFactory, approved=True)
    period = Evaluation.Period.TW4
    realisation: int | None = 9
    realisation_text = "Sembilan dokumen selesai"
    rating_hasil = ""
    rating_perilaku = ""
    predikat = ""
    state = Evaluation.Status.DRAFT

    class Params:
        rated = factory.Trait(state="rated")
        final = factory.Trait(state=Evaluation.Status.FINAL)

    @classmethod
    def _create(
        cls,
        model_class: Any,
        *,
        skp: SKP,
        period: str,
        realisation: int | None,
        realisation_text: str,
        rating_hasil: str,
        rating_perilaku: str,
        predikat: str,
        state: str,
    ) -> Evaluation:
        evaluation, _ = Evaluation.objects.get_or_create(skp=skp, period=period)
        if realisation is not None:
            entries = {
                pk: {"value": realisation, "text": realisation_text}
                for pk in Indicator.objects.filter(rhk__skp=skp).values_list("pk", flat=True)
            }
            with acting_as(skp.employee) as user:
                services.save_realisations(evaluation, user=user, entries=entries)
        if state == Evaluation.Status.DRAFT:
            return evaluation
        if not (rating_hasil and rating_perilaku):
            rating_hasil, rating_perilaku = ratings_for(predikat or "baik")
        finalise = state == Evaluation.Status.FINAL
        evaluation.refresh_from_db()
        penilai = penilai_of(skp)
        if penilai is not None:
            with acting_as(penilai) as user:
                return services.rate_evaluation(
                    evaluation,
                    user=user,
                    rating_hasil=rating_hasil,
                    rating_perilaku=rating_perilaku,
                    version=evaluation.version,
                    finalise=finalise,
                    finalise_note="" if realisation is not None else "Realisasi tidak diisi.",
                )
        # Top of the tree: rated outside the portal. The fields rate_evaluation writes.
        evaluation.rating_hasil, evaluation.rating_perilaku = rating_hasil, rating_perilaku
        evaluation.predikat = PredikatRule.objects.get(
            rating_hasil=rating_hasil, rating_perilaku=rating_perilaku
        ).predikat
        evaluation.version += 1
        if finalise:
            evaluation.status = Evaluation.Status.FINAL
            evaluation.finalised_at = timezone.now()
        evaluation.save()
        if finalise and evaluation.is_annual:
            Employee.objects.filter(pk=skp.employee_id).update(
                latest_predikat=evaluation.predikat, latest_predikat_year=skp.year
            )
        return evaluation


# --- Training -------------------------------------------------------------------------------


def competency(code: str, kind: str = "manajerial") -> Competency:
    return Competency.objects.get_or_create(code=code, defaults={"name": code, "kind": kind})[0]


class TrainingProgramFactory(factory.django.DjangoModelFactory):
    """``covers={"M.4": 3}``: the competencies the program raises, with their target level."""

    class Meta:
        model = TrainingProgram
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"PRG{n}")
    name = factory.LazyAttribute(lambda o: o.code)
    category = "teknis"
    method = "klasikal"
    jp = 24
    provider = "BPSDM"

    @factory.post_generation
    def covers(self, create: bool, extracted: dict[str, int] | None, **kwargs: Any) -> None:
        for code, target in (extracted or {}).items():
            ProgramCompetency.objects.create(
                program=self, competency=competency(code), target_level=target
            )


class TrainingEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingEvent

    program = factory.SubFactory(TrainingProgramFactory)
    name = "Angkatan I"
    start_date = dt.date(YEAR, 3, 2)
    end_date = dt.date(YEAR, 3, 4)
    place = "Bandar Lampung"
    organiser_unit = factory.SubFactory(OrgUnitFactory)
    quota = 30


class ParticipationFactory(factory.django.DjangoModelFactory):
    """A self-reported riwayat row (no event) awaiting verification; ``counted=True`` is
    verified and lulus, so its JP count."""

    class Meta:
        model = Participation

    employee = factory.SubFactory(EmployeeFactory)
    title = "Kursus daring"
    start_date = dt.date(YEAR, 1, 10)
    end_date = factory.SelfAttribute("start_date")
    jp = 10
    is_self_reported = True

    class Params:
        counted = factory.Trait(
            verification=Participation.Verification.VERIFIED,
            result=Participation.Result.LULUS,
        )
        # ``ParticipationFactory(seat=True, event=e, employee=p, jp=16)``: a participant of
        # the event (enrolled by the organiser), over the event's dates, no title of its own.
        seat = factory.Trait(
            title="",
            is_self_reported=False,
            start_date=factory.SelfAttribute("event.start_date"),
            end_date=factory.SelfAttribute("event.end_date"),
        )
