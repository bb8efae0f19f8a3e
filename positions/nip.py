"""NIP (PNS) and NI PPPK: parsing and validation per docs/domain.md §4.1–4.2.

PNS  : YYYYMMDD (lahir) + YYYYMM (TMT CPNS) + G (1 pria, 2 wanita) + NNN
PPPK : YYYYMMDD (lahir) + YYYY (tahun pengangkatan) + KK + G + NNN
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

MIN_AGE_AT_APPOINTMENT = 18
# PPPK exist since PP 49/2018 (Manajemen PPPK): no NI PPPK carries an earlier year.
FIRST_PPPK_YEAR = 2019


@dataclass(frozen=True)
class NipInfo:
    birth_date: dt.date
    appointment_year: int
    appointment_month: int | None  # None for NI PPPK, which carries only the year
    gender: str  # "L" or "P"


def parse_nip(value: str, *, pppk: bool, today: dt.date | None = None) -> NipInfo:
    """Return what an 18-digit NIP / NI PPPK says, or raise ValidationError in Indonesian."""
    today = today or timezone.localdate()
    label = "NI PPPK" if pppk else "NIP"
    if len(value) != 18 or not value.isdigit():
        raise ValidationError(f"{label} harus terdiri dari 18 digit angka tanpa spasi.")
    try:
        birth = dt.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise ValidationError(
            f"8 digit pertama {label} ({value[:8]}) bukan tanggal lahir yang valid (TTTTBBHH)."
        ) from None
    if birth.year < 1940 or birth > today:
        raise ValidationError(f"Tanggal lahir pada {label} ({birth:%d-%m-%Y}) tidak masuk akal.")

    year = int(value[8:12])
    month: int | None = None
    if pppk:
        if value[12:14] == "00":
            raise ValidationError("Digit 13–14 NI PPPK (kode perjanjian kerja) tidak boleh 00.")
        if 1 <= int(value[12:14]) <= 12:
            # A PNS NIP has the TMT CPNS month here; an NI PPPK has its contract kind code.
            raise ValidationError(
                f"Nomor ini berformat NIP PNS (digit 9–14 {value[8:14]} = TMT CPNS tahun dan "
                "bulan), bukan NI PPPK. Untuk PPPK isi NI PPPK: tanggal lahir, tahun "
                "pengangkatan PPPK, kode perjanjian kerja (mis. 21), jenis kelamin, nomor urut."
            )
        if year < FIRST_PPPK_YEAR:
            raise ValidationError(
                f"Tahun pengangkatan pada NI PPPK ({year}) sebelum {FIRST_PPPK_YEAR}: PPPK baru "
                "ada sejak PP 49/2018. Periksa apakah ini NIP PNS."
            )
    else:
        month = int(value[12:14])
        if not 1 <= month <= 12:
            raise ValidationError(
                f"Digit 9–14 NIP ({value[8:14]}) harus TMT CPNS berbentuk TTTTBB "
                "dengan bulan 01–12."
            )
    if year - birth.year < MIN_AGE_AT_APPOINTMENT or (
        month is not None and (year - birth.year == MIN_AGE_AT_APPOINTMENT and month < birth.month)
    ):
        raise ValidationError(
            f"Tahun pengangkatan pada {label} ({year}) kurang dari {MIN_AGE_AT_APPOINTMENT} tahun "
            "setelah tanggal lahir."
        )
    if year > today.year or (month is not None and (year, month) > (today.year, today.month)):
        raise ValidationError(f"Tahun pengangkatan pada {label} ({year}) ada di masa depan.")

    gender_digit = value[14]
    if gender_digit not in {"1", "2"}:
        raise ValidationError(
            f"Digit ke-15 {label} adalah jenis kelamin dan harus 1 (pria) atau 2 (wanita)."
        )
    if value[15:18] == "000":
        raise ValidationError(f"Nomor urut {label} (3 digit terakhir) tidak boleh 000.")
    return NipInfo(
        birth_date=birth,
        appointment_year=year,
        appointment_month=month,
        gender="L" if gender_digit == "1" else "P",
    )
