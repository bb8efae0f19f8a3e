"""Checking an employee import: each row parsed on its own (no database), then every row
checked against the register in a fixed number of bulk queries, and the preview batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q

from core.spreadsheets import cell_text as _text
from core.spreadsheets import parse_date

from ..access import can_write_employee, can_write_path
from ..models import Employee, ImportBatch, OrgUnit, Placement, Position, scopes_for, today
from .read import (
    DATE_KEYS,
    EXAMPLE,
    GENDER_LOOKUP,
    HEADERS,
    KIND_LOOKUP,
    OPTIONAL_EMPLOYEE_FIELDS,
    PLACEMENT_KIND_LOOKUP,
    REQUIRED_EMPLOYEE_FIELDS,
    parse_golongan,
)

if TYPE_CHECKING:
    from asnportal.models import User


MIN_AGE_AT_TMT = 18
MAX_TMT_AHEAD = dt.timedelta(days=366)
MAX_SK_AFTER_TMT = dt.timedelta(days=366)  # the placement service's own limit

# --- Parsing one row (no database) --------------------------------------------


def parse_row(number: int, cells: dict[str, Any], *, now: dt.date | None = None) -> dict[str, Any]:
    """Normalise one row; problems that need no database go to `parse_errors`. `now` (today
    by default) is passed in by `create_batch`, which reads the clock once per file."""
    errors: list[str] = []
    values: dict[str, Any] = {}

    raw_nip = cells.get("nip")
    if isinstance(raw_nip, float) and raw_nip >= 1e15:
        errors.append(
            "NIP tersimpan sebagai angka sehingga Excel membulatkan digit terakhirnya. "
            "Format kolom NIP sebagai Teks lalu ketik ulang."
        )
        values["nip"] = ""
    else:
        values["nip"] = _text(raw_nip).lstrip("'").replace(" ", "").replace(".", "")

    for key in ("name", "gelar_depan", "gelar_belakang", "birth_place", "email", "sk_number"):
        values[key] = _text(cells.get(key))
    for key in ("position_code", "unit_code"):
        values[key] = _text(cells.get(key))

    for key, lookup, hint in (
        ("kind", KIND_LOOKUP, "PNS, CPNS atau PPPK"),
        ("gender", GENDER_LOOKUP, "L atau P"),
    ):
        text = _text(cells.get(key))
        values[key] = lookup.get(text.upper(), "")
        if text and not values[key]:
            errors.append(f"{HEADERS[key]} '{text}' tidak dikenal (isi {hint}).")

    text = _text(cells.get("golongan"))
    pppk = values["kind"] == Employee.Kind.PPPK
    values["golongan"] = parse_golongan(cells.get("golongan"), pppk=pppk)
    if text and not values["golongan"]:
        errors.append(
            f"Golongan '{text}' tidak dikenal. PNS/CPNS: I/a–IV/e (mis. III/a); PPPK: I–XVII."
        )

    text = _text(cells.get("placement_kind"))
    values["placement_kind"] = PLACEMENT_KIND_LOOKUP.get(text.upper(), "") if text else "definitif"
    if not values["placement_kind"]:
        errors.append(f"Jenis penempatan '{text}' tidak dikenal (isi definitif, plt atau plh).")

    dates: dict[str, dt.date | None] = {}
    for key in DATE_KEYS:
        raw = cells.get(key)
        dates[key] = parse_date(raw) if _text(raw) else None
        if _text(raw) and dates[key] is None:
            errors.append(f"{HEADERS[key]} '{_text(raw)}' bukan tanggal yang valid (dd-mm-yyyy).")
        values[key] = dates[key].isoformat() if dates[key] else None

    for key in ("nip", *REQUIRED_EMPLOYEE_FIELDS):
        if not _text(cells.get(key)):
            errors.append(f"{HEADERS[key]} wajib diisi.")
    if values["position_code"]:
        for key in ("tmt_jabatan", "sk_number", "sk_date"):
            if not _text(cells.get(key)):
                errors.append(f"{HEADERS[key]} wajib diisi bila Kode jabatan diisi.")

    errors += _date_errors(dates, now or today())
    errors += _employee_errors(values, dates)
    if values["nip"] == EXAMPLE["nip"] and values["name"] == EXAMPLE["name"]:
        errors.append("Ini baris contoh dari templat: hapus sebelum mengunggah.")
    return {"row": number, "values": values, "parse_errors": errors}


def _date_errors(dates: dict[str, dt.date | None], now: dt.date) -> list[str]:
    errors: list[str] = []
    birth = dates["birth_date"]
    if birth:
        adult = _add_years(birth, MIN_AGE_AT_TMT)
        for key in ("tmt_golongan", "tmt_jabatan"):
            value = dates[key]
            if value and value < adult:
                errors.append(
                    f"{HEADERS[key]} {value:%d-%m-%Y} sebelum pegawai berusia {MIN_AGE_AT_TMT} "
                    f"tahun ({adult:%d-%m-%Y})."
                )
    for key in ("tmt_golongan", "tmt_jabatan"):
        value = dates[key]
        if value and value > now + MAX_TMT_AHEAD:
            errors.append(f"{HEADERS[key]} {value:%d-%m-%Y} lebih dari 1 tahun ke depan.")
    sk_date, tmt = dates["sk_date"], dates["tmt_jabatan"]
    if sk_date and sk_date > now:
        errors.append(f"Tanggal SK {sk_date:%d-%m-%Y} ada di masa depan.")
    if sk_date and sk_date.year < 1950:
        errors.append(f"Tanggal SK {sk_date:%d-%m-%Y} tidak masuk akal.")
    if sk_date and tmt and sk_date > tmt + MAX_SK_AFTER_TMT:
        errors.append("Tanggal SK lebih dari 1 tahun setelah TMT jabatan.")
    return errors


def _add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def _employee_errors(values: dict[str, Any], dates: dict[str, dt.date | None]) -> list[str]:
    """The model's own rules: field lengths and e-mail, then Employee.clean() (NIP checks)."""
    employee = Employee(
        nip=values["nip"],
        name=values["name"],
        gelar_depan=values["gelar_depan"],
        gelar_belakang=values["gelar_belakang"],
        birth_place=values["birth_place"],
        email=values["email"],
        kind=values["kind"],
        gender=values["gender"],
        birth_date=dates["birth_date"],
        golongan=values["golongan"],
    )
    errors: list[str] = []
    checked = ["name", "gelar_depan", "gelar_belakang", "birth_place", "email"]
    others = [f.name for f in Employee._meta.fields if f.name not in checked]
    try:
        employee.clean_fields(exclude=[*others, *(k for k in checked if not values[k])])
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors += [f"{HEADERS[key]}: {message}" for message in messages]
    if len(values["sk_number"]) > 100:
        errors.append("Nomor SK paling banyak 100 karakter.")
    try:
        employee.clean()
    except ValidationError as exc:
        for messages in exc.message_dict.values():
            errors += messages
    return errors


# --- Checking rows against the database ---------------------------------------


@dataclass
class _Lookups:
    positions: dict[str, Position]
    units: dict[str, OrgUnit]
    employees: dict[str, Employee]
    open_by_nip: dict[str, list[dict[str, Any]]]
    holders_by_position: dict[int, list[dict[str, Any]]]


def _fetch_lookups(rows: list[dict[str, Any]]) -> _Lookups:
    """Everything the checks need, in four queries whatever the number of rows."""
    nips = {r["values"]["nip"] for r in rows if r["values"]["nip"]}
    # Codes match whatever the case they were typed in (ours are upper case).
    position_codes = _codes(r["values"]["position_code"] for r in rows)
    unit_codes = _codes(r["values"]["unit_code"] for r in rows)
    positions = {
        p.code.upper(): p
        for p in Position.objects.filter(code__in=position_codes).select_related("unit")
    }
    units = {u.code.upper(): u for u in OrgUnit.objects.filter(code__in=unit_codes)}
    employees = {e.nip: e for e in Employee.objects.filter(nip__in=nips).select_related("unit")}
    placements = (
        Placement.objects.open()
        .filter(
            Q(employee__nip__in=nips)
            | Q(position__in=list(positions.values()), kind=Placement.Kind.DEFINITIF)
        )
        .values(
            "employee__nip",
            "employee__name",
            "employee__gelar_depan",
            "employee__gelar_belakang",
            "position_id",
            "position__unit_id",
            "kind",
            "start_date",
        )
    )
    open_by_nip: dict[str, list[dict[str, Any]]] = {}
    holders: dict[int, list[dict[str, Any]]] = {}
    for placement in placements:
        open_by_nip.setdefault(placement["employee__nip"], []).append(placement)
        if placement["kind"] == Placement.Kind.DEFINITIF:
            holders.setdefault(placement["position_id"], []).append(placement)
    return _Lookups(positions, units, employees, open_by_nip, holders)


def _codes(values: Iterable[str]) -> set[str]:
    return {code for value in values if value for code in (value, value.upper())}


def check_rows(rows: list[dict[str, Any]], *, user: User) -> list[dict[str, Any]]:
    """Add the database checks to parsed rows: `errors`, `warnings`, the planned `action`
    (create/update/unchanged), the planned `placement` (new/same/none) and display labels."""
    lookups = _fetch_lookups(rows)
    first_row_of_nip: dict[str, int] = {}
    structural_claims: dict[int, int] = {}
    definitive_claims: dict[int, int] = {}
    checked = []
    for row in rows:
        row = {**row, "errors": list(row["parse_errors"]), "warnings": []}
        _check_row(row, lookups, user, first_row_of_nip, structural_claims, definitive_claims)
        checked.append(row)
    return checked


def _holder_name(placement: dict[str, Any]) -> str:
    name = f"{placement['employee__gelar_depan']} {placement['employee__name']}".strip()
    if placement["employee__gelar_belakang"]:
        name = f"{name}, {placement['employee__gelar_belakang']}"
    return f"{name} (NIP {placement['employee__nip']})"


def _check_row(
    row: dict[str, Any],
    lookups: _Lookups,
    user: User,
    first_row_of_nip: dict[str, int],
    structural_claims: dict[int, int],
    definitive_claims: dict[int, int],
) -> None:
    values, errors, warnings = row["values"], row["errors"], row["warnings"]
    nip = values["nip"]
    row.update(
        action="",
        changes=[],
        placement="",
        placement_note="",
        placement_tmt="",
        position_id=None,
        position_label="",
        unit_label="",
    )

    if nip in first_row_of_nip:
        errors.append(f"NIP {nip} sudah muncul di baris {first_row_of_nip[nip]} (NIP ganda).")
    elif nip:
        first_row_of_nip[nip] = row["row"]

    existing = lookups.employees.get(nip) if nip else None
    if existing is not None and not can_write_employee(user, existing):
        errors.append(
            f"NIP {nip} sudah terdaftar pada unit di luar lingkup Anda; mutasi antar perangkat "
            "daerah dilakukan oleh BKD."
        )
        return

    position, position_error = _resolve_position(values["position_code"], lookups, user)
    unit, unit_error = _resolve_unit(values["unit_code"], lookups, user)
    errors += [e for e in (position_error, unit_error) if e]
    if position is not None:
        row["position_id"] = position.pk
        row["position_label"] = position.title

    definitive = values["placement_kind"] == Placement.Kind.DEFINITIF
    open_placements = lookups.open_by_nip.get(nip, []) if existing else []
    if position is not None and definitive:
        if unit is not None and unit.pk != position.unit_id:
            errors.append(
                f"Kode unit {values['unit_code']} tidak sama dengan unit jabatan "
                f"{position.title} ({position.unit.name}); kosongkan Kode unit."
            )
        unit = position.unit
        tmt = values["tmt_jabatan"]
        if existing is not None and tmt and dt.date.fromisoformat(tmt) > today():
            # A move dated ahead: the unit kerja follows on the TMT, as a placement made in
            # the form (services.move_units_to_current_posts).
            unit = existing.unit
    elif unit is not None and existing is not None:
        current = [p for p in open_placements if p["kind"] == Placement.Kind.DEFINITIF]
        if current and current[0]["position__unit_id"] != unit.pk:
            errors.append(
                "Pegawai menjabat definitif di unit lain; pindahkan unit kerja lewat Kode jabatan "
                "(penempatan), bukan Kode unit."
            )
    elif unit is None and existing is not None:
        unit = existing.unit
    if unit is None and not (position_error or unit_error):
        errors.append(
            "Kode unit wajib diisi bila tidak ada Kode jabatan definitif: unit kerja pegawai "
            "baru harus diketahui."
        )
    row["unit_id"] = unit.pk if unit else None
    row["unit_label"] = unit.name if unit else ""

    if position is not None:
        _check_placement(row, position, existing, open_placements, lookups)
        if definitive and row["placement"] == "new":
            if position.is_structural:
                if position.pk in structural_claims:
                    errors.append(
                        f"Jabatan struktural {position.title} juga diberikan kepada baris "
                        f"{structural_claims[position.pk]}: hanya satu pejabat definitif."
                    )
                else:
                    structural_claims[position.pk] = row["row"]
            elif not errors:  # a row that will not be written fills no seat
                definitive_claims[position.pk] = definitive_claims.get(position.pk, 0) + 1
                holders = [
                    h
                    for h in lookups.holders_by_position.get(position.pk, [])
                    if h["employee__nip"] != nip
                ]
                filled = len(holders) + definitive_claims[position.pk]
                if filled > position.kebutuhan:
                    warnings.append(
                        f"Jabatan {position.title} akan terisi {filled} dari kebutuhan "
                        f"{position.kebutuhan} (kelebihan pegawai)."
                    )

    if existing is None:
        row["action"] = "create"
    else:
        row["changes"] = _changed_fields(existing, values, row["unit_id"])
        row["action"] = "update" if row["changes"] else "unchanged"


def _resolve_position(code: str, lookups: _Lookups, user: User) -> tuple[Position | None, str]:
    if not code:
        return None, ""
    position = lookups.positions.get(code.upper())
    if position is None or not can_write_path(user, position.unit.path):
        return None, f"Kode jabatan {code} tidak dikenal atau di luar lingkup Anda."
    if not position.is_active:
        return None, f"Jabatan {position.title} ({code}) tidak aktif."
    return position, ""


def _resolve_unit(code: str, lookups: _Lookups, user: User) -> tuple[OrgUnit | None, str]:
    if not code:
        return None, ""
    unit = lookups.units.get(code.upper())
    if unit is None or not can_write_path(user, unit.path):
        return None, f"Kode unit {code} tidak dikenal atau di luar lingkup Anda."
    if unit.closed_at is not None:
        return None, f"Unit {unit.name} ({code}) sudah ditutup."
    return unit, ""


def _check_placement(
    row: dict[str, Any],
    position: Position,
    existing: Employee | None,
    open_placements: list[dict[str, Any]],
    lookups: _Lookups,
) -> None:
    values, errors = row["values"], row["errors"]
    kind = values["placement_kind"]
    start = dt.date.fromisoformat(values["tmt_jabatan"]) if values["tmt_jabatan"] else None
    same_kind = [p for p in open_placements if p["kind"] == kind]
    if start and any(
        p["position_id"] == position.pk and p["start_date"] == start for p in same_kind
    ):
        row["placement"] = "same"
        return
    row["placement"] = "new"
    kind_label = "definitif" if kind == Placement.Kind.DEFINITIF else kind.capitalize()
    row["placement_note"] = f"penempatan {kind_label}"
    row["placement_tmt"] = f"TMT {start:%d-%m-%Y}" if start else ""
    if existing is not None and existing.status != Employee.Status.AKTIF:
        errors.append(
            f"Pegawai berstatus {existing.get_status_display()}: hanya pegawai aktif yang "
            "dapat ditempatkan."
        )
    for placement in same_kind:
        since = f"{placement['start_date']:%d-%m-%Y}"
        if placement["position_id"] == position.pk:
            errors.append(
                f"Pegawai sudah menjabat {position.title} ({dict(Placement.Kind.choices)[kind]}) "
                f"sejak {since}; TMT berbeda tidak diubah lewat impor."
            )
        elif kind == Placement.Kind.DEFINITIF and start and placement["start_date"] >= start:
            errors.append(f"TMT jabatan harus setelah TMT jabatan definitif sebelumnya ({since}).")
    if kind == Placement.Kind.DEFINITIF and position.is_structural:
        for holder in lookups.holders_by_position.get(position.pk, []):
            if holder["employee__nip"] != values["nip"]:
                errors.append(
                    f"Jabatan struktural {position.title} sudah dijabat secara definitif oleh "
                    f"{_holder_name(holder)} sejak {holder['start_date']:%d-%m-%Y}. Akhiri "
                    "penempatan itu dahulu, atau isi Jenis penempatan plt/plh."
                )


def employee_fields(values: dict[str, Any], unit_id: int | None) -> dict[str, Any]:
    """The Employee fields a row sets; blank optional cells are left out (kept as they are)."""
    fields: dict[str, Any] = {key: values[key] for key in REQUIRED_EMPLOYEE_FIELDS}
    fields["birth_date"] = dt.date.fromisoformat(values["birth_date"])
    for key in OPTIONAL_EMPLOYEE_FIELDS:
        if values[key]:
            fields[key] = values[key]
    if values["tmt_golongan"]:
        fields["tmt_golongan"] = dt.date.fromisoformat(values["tmt_golongan"])
    if unit_id is not None:
        fields["unit_id"] = unit_id
    return fields


def _changed_fields(employee: Employee, values: dict[str, Any], unit_id: int | None) -> list[str]:
    if not values["birth_date"]:
        return []
    labels = {**HEADERS, "unit_id": "Unit kerja"}
    return [
        labels[key]
        for key, value in employee_fields(values, unit_id).items()
        if getattr(employee, key) != value
    ]


def summarise(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Counts for the preview; what would be written counts only rows without problems."""
    ok = [r for r in rows if not r["errors"]]
    return {
        "rows": len(rows),
        "errors": len(rows) - len(ok),
        "warnings": sum(1 for r in rows if r["warnings"]),
        "to_create": sum(1 for r in ok if r["action"] == "create"),
        "to_update": sum(1 for r in ok if r["action"] == "update"),
        "to_keep": sum(1 for r in ok if r["action"] == "unchanged"),
        "to_place": sum(1 for r in ok if r["placement"] == "new"),
    }


# --- Batches: preview and commit ----------------------------------------------


def scope_root(user: User) -> OrgUnit:
    """The outermost unit the user administers (the whole tree's root for a superuser)."""
    paths = scopes_for(user).write_paths
    unit = (
        OrgUnit.objects.filter(path=min(paths, key=len)).first()
        if paths
        else OrgUnit.objects.filter(depth=1).first()
    )
    if unit is None:
        raise PermissionDenied
    return unit


def create_batch(*, filename: str, raw_rows: list[dict[str, Any]], user: User) -> ImportBatch:
    """Parse and check uploaded rows and store them for the preview page."""
    now = today()
    parsed = [parse_row(r["row"], r["cells"], now=now) for r in raw_rows]
    rows = check_rows(parsed, user=user)
    return ImportBatch.objects.create(
        created_by=user,
        filename=filename[:255],
        unit=scope_root(user),
        rows=rows,
        summary=summarise(rows),
    )
