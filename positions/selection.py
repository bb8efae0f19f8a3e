"""Filling a JPT post (docs/domain.md §3.8): not by one click but by a seleksi terbuka — or,
where the instansi's rencana suksesi applies, from its succession group.

The stages, each one service call in one transaction, each kept by django-simple-history:

1. `open_selection` — the daftar calon: the post's ranking (positions.matching, which applies
   the career rules) or the succession group, with the score of each name when listed.
2. `add_member` / `remove_member` — the panitia seleksi (with one ketua).
3. `propose` — the panitia sends the PPK exactly three names (PP 11/2017 Ps. 127(1)).
4. `decide` — the PPK picks one of the three (Ps. 127(2)); the SK and the TMT are recorded.
5. `place` — the placement, made with that SK through `services.place_employee`, which refuses
   a definitive JPT placement without such a decided selection.

Succession hook: the talent app (above positions in the layers) registers a provider with
`register_succession_provider(func)` in its AppConfig.ready(); `func(position)` returns the
approved succession group of the post as (employee, score) pairs, empty when none applies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet

from . import matching, services
from .models import (
    Employee,
    JptSelection,
    Placement,
    Position,
    SelectionCandidate,
    SelectionCommitteeMember,
    today,
)
from .models.selection import OPEN_STATUSES, PROPOSED_NAMES

if TYPE_CHECKING:
    from asnportal.models import User

DAFTAR_CALON_SIZE = 10

SuccessionProvider = Callable[[Position], list[tuple[Employee, float]]]
_succession_providers: list[SuccessionProvider] = []


def register_succession_provider(provider: SuccessionProvider) -> None:
    """Called once by the talent app; positions never imports it (layers)."""
    if provider not in _succession_providers:
        _succession_providers.append(provider)


def succession_group(position: Position) -> list[tuple[Employee, float]]:
    for provider in _succession_providers:
        group = provider(position)
        if group:
            return group
    return []


# --- Reading --------------------------------------------------------------------


def selections_for(user: User) -> QuerySet[JptSelection]:
    """The selection register of the user's scope: one query with the post, unit, chosen
    candidate and number of names."""
    return (
        JptSelection.objects.visible_to(user)
        .select_related("position__unit", "chosen")
        .annotate(n_candidates=Count("candidates"))
        .order_by("-opened_on", "-pk")
    )


def open_selection_of(position: Position) -> JptSelection | None:
    return JptSelection.objects.open().filter(position=position).first()


@dataclass(frozen=True)
class HistoryRow:
    when: dt.datetime
    order: int  # history id, to break ties within one table
    change: str
    user: str
    text: str


@dataclass
class SelectionPage:
    selection: JptSelection
    candidates: list[SelectionCandidate]
    committee: list[SelectionCommitteeMember]
    history: list[HistoryRow]
    hidden: int = 0  # candidates outside the viewer's scope, left out of `candidates`

    @property
    def proposed(self) -> list[SelectionCandidate]:
        return sorted(
            (c for c in self.candidates if c.proposed_rank), key=lambda c: c.proposed_rank or 0
        )

    @property
    def has_ketua(self) -> bool:
        return any(m.role == SelectionCommitteeMember.Role.KETUA for m in self.committee)


def selection_page(selection: JptSelection, user: User) -> SelectionPage:
    """The detail page: candidates 1, the ones the user may see 1, committee 1, history 3
    (one per historical table). A selection opened by a province-wide HR can list people
    outside a narrower pengelola's scope: their names are left out and counted."""
    listed = list(selection.candidates.select_related("employee__unit").order_by("listed_rank"))
    seen = _visible_ids(user, listed)
    candidates = [c for c in listed if c.employee_id in seen]
    order = {role: i for i, role in enumerate(SelectionCommitteeMember.Role.values)}
    committee = sorted(selection.committee.all(), key=lambda m: (order[m.role], m.name))
    history = _history(selection, seen)
    return SelectionPage(
        selection, candidates, committee, history, hidden=len(listed) - len(candidates)
    )


def _visible_ids(user: User, candidates: list[SelectionCandidate]) -> set[int]:
    ids = [c.employee_id for c in candidates]
    return set(Employee.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def sees_every_candidate(user: User, selection: JptSelection) -> bool:
    """Each step (three names, the PPK's choice, the placement) is taken by a pengelola who
    can see every name on the list: the placement moves the chosen one into the post."""
    listed = list(selection.candidates.only("employee_id"))
    return len(_visible_ids(user, listed)) == len(listed)


def _history(selection: JptSelection, seen: set[int]) -> list[HistoryRow]:
    """Who changed the record and when: the selection, its names (those in `seen`; another
    candidate is "calon di luar lingkup Anda") and its panitia."""
    rows: list[HistoryRow] = []
    kinds = {"+": "dibuat", "~": "diubah", "-": "dihapus"}
    for h in JptSelection.history.filter(id=selection.pk).select_related("history_user"):
        text = f"Seleksi: tahap {JptSelection.Status(h.status).label}"
        rows.append(_history_row(h, kinds, text))
    candidates = SelectionCandidate.history.filter(selection_id=selection.pk).select_related(
        "history_user", "employee"
    )
    for h in candidates:
        name = h.employee.full_name if h.employee_id in seen else "di luar lingkup Anda"
        text = f"Calon {name}"
        if h.proposed_rank:
            text += f": usulan ke-{h.proposed_rank} kepada PPK"
        rows.append(_history_row(h, kinds, text))
    for h in SelectionCommitteeMember.history.filter(selection_id=selection.pk).select_related(
        "history_user"
    ):
        text = f"Panitia: {h.name} ({SelectionCommitteeMember.Role(h.role).label})"
        rows.append(_history_row(h, kinds, text))
    rows.sort(key=lambda r: (r.when, r.order), reverse=True)
    return rows


def _history_row(h: Any, kinds: dict[str, str], text: str) -> HistoryRow:
    # Historical rows are models simple_history builds at run time: typed as Any.
    user = h.history_user
    return HistoryRow(
        when=h.history_date,
        order=h.history_id,
        change=kinds.get(h.history_type, ""),
        user=user.get_username() if user is not None else "sistem",
        text=text,
    )


# --- Writing --------------------------------------------------------------------


def _locked(selection: JptSelection) -> JptSelection:
    return JptSelection.objects.select_for_update().get(pk=selection.pk)


@transaction.atomic
def open_selection(
    user: User,
    position: Position,
    *,
    method: str = JptSelection.Method.TERBUKA,
    opened_on: dt.date | None = None,
    announcement_number: str = "",
) -> JptSelection:
    """Start filling a JPT post: the daftar calon from the ranking (or the succession group)."""
    opened_on = opened_on or today()
    position = Position.objects.select_for_update().get(pk=position.pk)
    if not matching.is_jpt(position):
        raise ValidationError("Seleksi terbuka hanya untuk jabatan pimpinan tinggi (JPT).")
    if not position.is_active:
        raise ValidationError("Jabatan ini tidak aktif.")
    if JptSelection.objects.open().filter(position=position).exists():
        raise ValidationError("Jabatan ini sudah memiliki seleksi yang sedang berjalan.")
    if method == JptSelection.Method.SUKSESI:
        group = succession_group(position)
        if not group:
            raise ValidationError(
                "Rencana suksesi instansi belum berlaku untuk jabatan ini; gunakan seleksi terbuka."
            )
        names = [(e, s, SelectionCandidate.Source.SUKSESI) for e, s in group]
    elif method == JptSelection.Method.TERBUKA:
        req = matching.requirements_for([position])[position.pk]
        # Never the pengelola who opens it: they then take the list through its steps.
        pool = matching.candidate_pool(user, position, on=opened_on).exclude(user=user)
        ranked = matching.rank(pool, req, limit=DAFTAR_CALON_SIZE, on=opened_on)
        source = SelectionCandidate.Source.PERINGKAT
        names = [(e, float(e.score), source) for e in ranked]  # type: ignore[attr-defined]
    else:
        raise ValidationError("Cara pengisian tidak dikenal.")
    if len(names) < PROPOSED_NAMES:
        raise ValidationError(
            f"Baru {len(names)} pegawai dalam lingkup Anda yang memenuhi syarat jabatan ini; "
            f"panitia seleksi harus mengusulkan {PROPOSED_NAMES} nama kepada PPK."
        )
    selection = JptSelection.objects.create(
        position=position,
        method=method,
        opened_on=opened_on,
        announcement_number=announcement_number,
        created_by=user,
    )
    for rank_no, (employee, score, source) in enumerate(names, start=1):
        SelectionCandidate.objects.create(
            selection=selection,
            employee=employee,
            source=source,
            listed_rank=rank_no,
            score=Decimal(str(round(score, 1))),
        )
    return selection


def _require_stage(selection: JptSelection, *stages: str) -> None:
    if selection.status not in stages:
        raise ValidationError(
            f"Tindakan ini tidak dapat dilakukan pada tahap “{selection.get_status_display()}”."
        )


@transaction.atomic
def add_member(
    selection: JptSelection, *, name: str, role: str, unsur: str, origin: str = ""
) -> SelectionCommitteeMember:
    selection = _locked(selection)
    _require_stage(selection, JptSelection.Status.PERSIAPAN)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Nama anggota panitia wajib diisi."})
    if (
        role == SelectionCommitteeMember.Role.KETUA
        and selection.committee.filter(role=SelectionCommitteeMember.Role.KETUA).exists()
    ):
        raise ValidationError({"role": "Panitia seleksi ini sudah memiliki ketua."})
    try:
        with transaction.atomic():
            return SelectionCommitteeMember.objects.create(
                selection=selection, name=name, role=role, unsur=unsur, origin=origin.strip()
            )
    except IntegrityError:
        raise ValidationError({"role": "Panitia seleksi ini sudah memiliki ketua."}) from None


@transaction.atomic
def remove_member(selection: JptSelection, member_id: int) -> None:
    selection = _locked(selection)
    _require_stage(selection, JptSelection.Status.PERSIAPAN)
    member = selection.committee.filter(pk=member_id).first()
    if member is None:
        raise ValidationError("Anggota panitia tidak ditemukan pada seleksi ini.")
    member.delete()


@transaction.atomic
def propose(
    selection: JptSelection, *, employee_ids: list[int], report_number: str, proposed_on: dt.date
) -> JptSelection:
    """The panitia's three names to the PPK, in the panitia's order."""
    selection = _locked(selection)
    _require_stage(selection, JptSelection.Status.PERSIAPAN)
    if not selection.committee.filter(role=SelectionCommitteeMember.Role.KETUA).exists():
        raise ValidationError("Lengkapi panitia seleksi (minimal ketua) sebelum mengusulkan.")
    if len(employee_ids) != PROPOSED_NAMES or len(set(employee_ids)) != PROPOSED_NAMES:
        raise ValidationError(
            f"Panitia seleksi mengusulkan tepat {PROPOSED_NAMES} nama yang berbeda kepada PPK."
        )
    if not report_number.strip():
        raise ValidationError({"report_number": "Nomor berita acara panitia wajib diisi."})
    if proposed_on > today() or proposed_on < selection.opened_on:
        raise ValidationError(
            {"proposed_on": "Tanggal usulan harus antara tanggal dibuka dan hari ini."}
        )
    listed = {c.employee_id: c for c in selection.candidates.all()}
    if any(pk not in listed for pk in employee_ids):
        raise ValidationError("Nama yang diusulkan harus berasal dari daftar calon seleksi ini.")
    for order, pk in enumerate(employee_ids, start=1):
        candidate = listed[pk]
        candidate.proposed_rank = order
        candidate.save(update_fields=["proposed_rank"])
    selection.report_number = report_number.strip()
    selection.proposed_on = proposed_on
    selection.status = JptSelection.Status.DIUSULKAN
    selection.save(update_fields=["report_number", "proposed_on", "status"])
    return selection


@transaction.atomic
def decide(
    selection: JptSelection,
    *,
    chosen_id: int,
    sk_number: str,
    sk_date: dt.date,
    tmt: dt.date,
) -> JptSelection:
    """The PPK's choice of one of the three names, with the SK pengangkatan and the TMT."""
    selection = _locked(selection)
    _require_stage(selection, JptSelection.Status.DIUSULKAN)
    proposed = selection.candidates.filter(proposed_rank__isnull=False, employee_id=chosen_id)
    if not proposed.exists():
        raise ValidationError({"chosen": "PPK memilih satu dari tiga nama yang diusulkan."})
    if not sk_number.strip():
        raise ValidationError({"sk_number": "Nomor SK wajib diisi."})
    if sk_date > today():
        raise ValidationError({"sk_date": "Tanggal SK tidak boleh setelah hari ini."})
    if selection.proposed_on and sk_date < selection.proposed_on:
        raise ValidationError({"sk_date": "Tanggal SK tidak boleh sebelum tanggal usulan."})
    if tmt < sk_date:
        raise ValidationError({"tmt": "TMT pelantikan tidak boleh sebelum tanggal SK."})
    selection.chosen_id = chosen_id
    selection.sk_number = sk_number.strip()
    selection.sk_date = sk_date
    selection.tmt = tmt
    selection.status = JptSelection.Status.DITETAPKAN
    selection.save(update_fields=["chosen", "sk_number", "sk_date", "tmt", "status"])
    return selection


@transaction.atomic
def place(selection: JptSelection, *, placed_by: User | None = None) -> Placement:
    """The chosen candidate takes the post with the selection's SK and TMT."""
    selection = _locked(selection)
    _require_stage(selection, JptSelection.Status.DITETAPKAN)
    if not (selection.chosen_id and selection.sk_date and selection.tmt):  # the constraint's
        raise ValidationError("Keputusan PPK belum lengkap: calon terpilih, tanggal SK dan TMT.")
    placement = services.place_employee(
        Employee.objects.get(pk=selection.chosen_id),
        position=selection.position,
        kind=Placement.Kind.DEFINITIF,
        start_date=selection.tmt,
        sk_number=selection.sk_number,
        sk_date=selection.sk_date,
        placed_by=placed_by,
        selection=selection,
    )
    selection.placement = placement
    selection.status = JptSelection.Status.SELESAI
    selection.save(update_fields=["placement", "status"])
    return placement


@transaction.atomic
def cancel(selection: JptSelection, *, reason: str) -> JptSelection:
    selection = _locked(selection)
    _require_stage(selection, *OPEN_STATUSES)
    if not reason.strip():
        raise ValidationError({"cancel_reason": "Alasan pembatalan wajib diisi."})
    selection.cancel_reason = reason.strip()[:300]
    selection.status = JptSelection.Status.DIBATALKAN
    selection.save(update_fields=["cancel_reason", "status"])
    return selection
