"""Enrolment, attendance and results of training events (angkatan).

Every service re-checks that the acting user is a pengelola of the organiser unit, runs in one
transaction and refuses bad input with an Indonesian ValidationError before writing anything."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from core.uploads import validate_certificate
from positions.access import can_write_path
from positions.models import Employee, LeadershipTraining, scopes_for

from .models import Attendance, JoinRequest, Participation, TrainingEvent, counted_jp_subquery

if TYPE_CHECKING:
    from asnportal.models import User


# --- Scope helpers --------------------------------------------------------------------------


def can_manage_event(user: User, event: TrainingEvent) -> bool:
    return can_write_path(user, event.organiser_unit.path)


def writable_employees(user: User) -> Any:
    """Employees the user may enrol: visible and inside one of the user's pengelola scopes."""
    employees = Employee.objects.visible_to(user)
    if user.is_superuser:
        return employees
    q = Q(pk__in=[])
    for path in scopes_for(user).write_paths:
        q |= Q(unit__path__startswith=path)
    return employees.filter(q)


def with_year_jp(employees: Any, year: int) -> Any:
    """Annotate `year_jp`: counted JP (verified and lulus) ending in `year`, 0 when none."""
    return employees.annotate(year_jp=counted_jp_subquery(year))


def _require_manager(user: User, event: TrainingEvent) -> None:
    if not can_manage_event(user, event):
        raise PermissionDenied


OWN_RECORD = (
    "Anda tidak dapat mendaftarkan, memutuskan, atau mencatat presensi dan hasil pelatihan "
    "Anda sendiri: ajukan permohonan ikut angkatan, lalu pengelola lain yang memutuskan."
)


def _refuse_own(user: User, employees: Iterable[Employee]) -> None:
    """Nobody verifies their own training: an enrolment by a pengelola is verified by
    construction, and a result counts toward the 20 JP and the leadership record
    (docs/invariants.md, "Nobody acts on their own record")."""
    if any(e.user_id is not None and e.user_id == user.pk for e in employees):
        raise ValidationError(OWN_RECORD)


# --- Enrolment ------------------------------------------------------------------------------


def _names(employees: Iterable[Employee]) -> str:
    return ", ".join(sorted(e.name for e in employees))


@transaction.atomic
def enrol_bulk(
    event: TrainingEvent, employees: Sequence[Employee], *, enrolled_by: User
) -> list[Participation]:
    """Enrol all the employees or none: refuses duplicates (naming them), employees outside the
    user's pengelola scope, and a selection larger than the seats left. HR-enrolled rows are
    verified by construction; JP, dates, category and method come from the event's program."""
    _require_manager(enrolled_by, event)
    if not employees:
        raise ValidationError("Belum ada pegawai yang dipilih.")
    _refuse_own(enrolled_by, employees)
    # Lock the event row so two HR users enrolling at once cannot both take the last seat.
    event = TrainingEvent.objects.select_for_update().select_related("program").get(pk=event.pk)
    ids = {e.pk for e in employees}
    allowed = set(writable_employees(enrolled_by).filter(pk__in=ids).values_list("pk", flat=True))
    outside = [e for e in employees if e.pk not in allowed]
    if outside:
        raise ValidationError(f"Di luar lingkup pengelolaan Anda: {_names(outside)}.")
    return _enrol_locked(event, employees, enrolled_by=enrolled_by)


def _enrol_locked(
    event: TrainingEvent, employees: Sequence[Employee], *, enrolled_by: User
) -> list[Participation]:
    """Enrol into an event whose row the caller has locked: duplicates and the quota are
    checked here, scope by the caller."""
    ids = {e.pk for e in employees}
    already = list(
        Employee.objects.filter(participations__event=event, pk__in=ids).only("pk", "name")
    )
    if already:
        raise ValidationError(
            f"Sudah terdaftar di angkatan ini: {_names(already)}. Tidak ada yang didaftarkan."
        )
    left = event.quota - event.participations.count()
    if len(ids) > left:
        raise ValidationError(
            f"Kuota tidak cukup: tersisa {max(left, 0)} kursi dari {event.quota}, "
            f"sedangkan dipilih {len(ids)} pegawai. Tidak ada yang didaftarkan."
        )
    program = event.program
    created = []
    try:
        for employee in sorted({e.pk: e for e in employees}.values(), key=lambda e: e.name):
            created.append(
                Participation.objects.create(
                    employee=employee,
                    event=event,
                    category=program.category,
                    method=program.method,
                    start_date=event.start_date,
                    end_date=event.end_date,
                    jp=program.jp,
                    is_self_reported=False,
                    verification=Participation.Verification.VERIFIED,
                    verified_by=enrolled_by,
                )
            )
    except IntegrityError as exc:  # a concurrent enrolment won the race on the unique constraint
        raise ValidationError("Pegawai sudah terdaftar di angkatan ini.") from exc
    return created


def enrol_employee(event: TrainingEvent, employee: Employee, *, enrolled_by: User) -> Participation:
    return enrol_bulk(event, [employee], enrolled_by=enrolled_by)[0]


# --- Join requests (a pegawai asks, the event's pengelola decides) --------------------------


@transaction.atomic
def request_join(event: TrainingEvent, employee: Employee, *, reason: str = "") -> JoinRequest:
    """A pegawai asks to join an event open to their instansi. Refused when the event is not
    open to them (started, full, another instansi), or when they are already enrolled or have
    a pending request."""
    if not TrainingEvent.objects.open_to(employee).filter(pk=event.pk).exists():
        raise ValidationError(
            "Angkatan ini tidak terbuka untuk Anda: sudah dimulai, kuotanya penuh, "
            "atau diselenggarakan instansi lain."
        )
    if event.participations.filter(employee=employee).exists():
        raise ValidationError("Anda sudah terdaftar di angkatan ini.")
    try:
        with transaction.atomic():
            return JoinRequest.objects.create(event=event, employee=employee, reason=reason)
    except IntegrityError as exc:
        raise ValidationError("Permohonan ikut angkatan ini sudah diajukan.") from exc


@transaction.atomic
def cancel_join(join_request: JoinRequest, *, employee: Employee) -> None:
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if locked.employee_id != employee.pk:
        raise PermissionDenied
    if locked.status != JoinRequest.Status.DIAJUKAN:
        raise ValidationError("Permohonan ini sudah diputuskan.")
    locked.status = JoinRequest.Status.DIBATALKAN
    locked.save(update_fields=["status"])


@transaction.atomic
def decide_join(
    join_request: JoinRequest, *, approve: bool, decided_by: User, note: str = ""
) -> JoinRequest:
    """Approve (enrol the pegawai, taking a seat: refused when the quota is full) or decline
    (with a note). Only a pengelola of the event's organiser unit decides."""
    event = (
        TrainingEvent.objects.select_for_update()
        .select_related("program", "organiser_unit")
        .get(pk=join_request.event_id)
    )
    _require_manager(decided_by, event)
    locked = (
        JoinRequest.objects.select_for_update().select_related("employee").get(pk=join_request.pk)
    )
    if locked.status != JoinRequest.Status.DIAJUKAN:
        raise ValidationError("Permohonan ini sudah diputuskan atau dibatalkan.")
    _refuse_own(decided_by, [locked.employee])
    if approve:
        _enrol_locked(event, [locked.employee], enrolled_by=decided_by)
        locked.status = JoinRequest.Status.DISETUJUI
    else:
        if not note.strip():
            raise ValidationError({"decision_note": "Tuliskan alasan penolakan."})
        locked.status = JoinRequest.Status.DITOLAK
    locked.decision_note = note.strip()
    locked.decided_by = decided_by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    return locked


# --- Attendance -----------------------------------------------------------------------------


@transaction.atomic
def record_attendance(
    event: TrainingEvent, present: set[tuple[int, int]], *, recorded_by: User
) -> int:
    """Store the whole grid: (participation id, session id) pairs in `present` are hadir, every
    other cell of this event is tidak hadir. Returns the number of present cells saved. The row of
    the recording user's own participation is kept as it is (the page shows it read-only):
    someone else records it."""
    _require_manager(recorded_by, event)
    # Lock the event: a second tab saving the grid at the same time waits, then updates the
    # cells the first one created (one whole grid wins) instead of inserting them again.
    TrainingEvent.objects.select_for_update().get(pk=event.pk)
    participation_ids = list(
        event.participations.exclude(employee__user=recorded_by).values_list("pk", flat=True)
    )
    session_ids = list(event.sessions.values_list("pk", flat=True))
    existing = {
        (a.participation_id, a.session_id): a
        for a in Attendance.objects.filter(participation__event=event)
    }
    to_create, to_update = [], []
    for pid in participation_ids:
        for sid in session_ids:
            value = (pid, sid) in present
            row = existing.get((pid, sid))
            if row is None:
                to_create.append(Attendance(participation_id=pid, session_id=sid, present=value))
            elif row.present != value:
                row.present = value
                to_update.append(row)
    Attendance.objects.bulk_create(to_create)
    Attendance.objects.bulk_update(to_update, ["present"])
    return sum(1 for pid in participation_ids for sid in session_ids if (pid, sid) in present)


# --- Results --------------------------------------------------------------------------------


@dataclass
class ResultRow:
    participation: Participation
    result: str
    certificate_number: str
    certificate: UploadedFile | None = None


@transaction.atomic
def record_results(
    event: TrainingEvent, rows: Sequence[ResultRow], *, recorded_by: User
) -> list[Participation]:
    """Save result, certificate number and file per participant. A lulus participant of a
    leadership program (PKP/PKA/PKN) also gets the positions.LeadershipTraining record the
    leadership compliance and candidate ranking read."""
    _require_manager(recorded_by, event)
    program = event.program
    errors = []
    own = {
        p.pk: p
        for p in Participation.objects.filter(
            pk__in=[row.participation.pk for row in rows], employee__user=recorded_by
        ).only("result", "certificate_number")
    }
    for row in rows:
        if row.participation.event_id != event.pk:
            raise PermissionDenied
        was = own.get(row.participation.pk)
        if was is not None and (
            row.result != was.result
            or row.certificate_number.strip() != was.certificate_number
            or row.certificate is not None
        ):
            raise ValidationError(OWN_RECORD)
        if row.result not in Participation.Result.values:
            errors.append(f"Hasil tidak dikenal untuk {row.participation.employee.name}.")
        elif row.result != Participation.Result.LULUS and (
            row.certificate_number or row.certificate
        ):
            errors.append(
                f"{row.participation.employee.name}: sertifikat hanya dicatat untuk peserta "
                "yang lulus."
            )
        if row.certificate is not None:
            try:
                validate_certificate(row.certificate)
            except ValidationError as exc:
                errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    saved = []
    for row in rows:
        p = row.participation
        fields = ["result", "certificate_number"]
        p.result = row.result
        p.certificate_number = row.certificate_number.strip()
        if row.certificate is not None:
            p.certificate_name = (row.certificate.name or "")[:200]
            p.certificate.save(row.certificate.name or "sertifikat", row.certificate, save=False)
            fields += ["certificate", "certificate_name"]
        p.save(update_fields=fields)
        if program.is_leadership and p.result == Participation.Result.LULUS:
            LeadershipTraining.objects.update_or_create(
                employee_id=p.employee_id,
                kind=program.category,
                defaults={
                    "year": event.end_date.year,
                    "certificate_number": p.certificate_number,
                },
            )
        saved.append(p)
    return saved
