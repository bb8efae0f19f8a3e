"""Reference choices and date rules shared by the personnel models (docs/domain.md §4)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import models
from django.db.models.functions import Length
from django.utils import timezone

if TYPE_CHECKING:
    pass


models.CharField.register_lookup(Length)


def today() -> dt.date:
    return timezone.localdate()


# --- Reference choices --------------------------------------------------------


class Golongan(models.TextChoices):
    """PNS golongan/ruang with SIASN ids (docs/domain.md §4.3) and PPPK golongan I–XVII.

    PNS ids sort in rank order, so "at or above a minimum" is a string comparison within PNS.
    """

    I_A = "11", "I/a – Juru Muda"
    I_B = "12", "I/b – Juru Muda Tingkat I"
    I_C = "13", "I/c – Juru"
    I_D = "14", "I/d – Juru Tingkat I"
    II_A = "21", "II/a – Pengatur Muda"
    II_B = "22", "II/b – Pengatur Muda Tingkat I"
    II_C = "23", "II/c – Pengatur"
    II_D = "24", "II/d – Pengatur Tingkat I"
    III_A = "31", "III/a – Penata Muda"
    III_B = "32", "III/b – Penata Muda Tingkat I"
    III_C = "33", "III/c – Penata"
    III_D = "34", "III/d – Penata Tingkat I"
    IV_A = "41", "IV/a – Pembina"
    IV_B = "42", "IV/b – Pembina Tingkat I"
    IV_C = "43", "IV/c – Pembina Utama Muda"
    IV_D = "44", "IV/d – Pembina Utama Madya"
    IV_E = "45", "IV/e – Pembina Utama"
    P_I = "P01", "PPPK I"
    P_II = "P02", "PPPK II"
    P_III = "P03", "PPPK III"
    P_IV = "P04", "PPPK IV"
    P_V = "P05", "PPPK V"
    P_VI = "P06", "PPPK VI"
    P_VII = "P07", "PPPK VII"
    P_VIII = "P08", "PPPK VIII"
    P_IX = "P09", "PPPK IX"
    P_X = "P10", "PPPK X"
    P_XI = "P11", "PPPK XI"
    P_XII = "P12", "PPPK XII"
    P_XIII = "P13", "PPPK XIII"
    P_XIV = "P14", "PPPK XIV"
    P_XV = "P15", "PPPK XV"
    P_XVI = "P16", "PPPK XVI"
    P_XVII = "P17", "PPPK XVII"

    @classmethod
    def short(cls, value: str) -> str:
        """'31' -> 'III/a', 'P09' -> 'IX' (as printed on documents)."""
        if not value:
            return ""
        label = str(cls(value).label)
        return label.split(" – ")[0] if not value.startswith("P") else label.removeprefix("PPPK ")

    @classmethod
    def pangkat(cls, value: str) -> str:
        if not value or value.startswith("P"):
            return ""
        return str(cls(value).label).split(" – ")[1]


class EducationLevel(models.TextChoices):
    """Tingkat pendidikan with BKN codes (docs/domain.md §4.4); codes sort by level."""

    SD = "05", "SD"
    SLTP = "10", "SLTP"
    SLTP_K = "12", "SLTP Kejuruan"
    SLTA = "15", "SLTA"
    SLTA_K = "17", "SLTA Kejuruan"
    SLTA_G = "18", "SLTA Keguruan"
    D1 = "20", "D-I"
    D2 = "25", "D-II"
    D3 = "30", "D-III"
    D4 = "35", "D-IV"
    S1 = "40", "S-1"
    S2 = "45", "S-2"
    S3 = "50", "S-3"


class Predikat(models.TextChoices):
    """Predikat kinerja pegawai (PermenPANRB 6/2022, docs/domain.md §1.6)."""

    SANGAT_BAIK = "sangat_baik", "Sangat Baik"
    BAIK = "baik", "Baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan", "Butuh Perbaikan"
    KURANG = "kurang", "Kurang/Misconduct"
    SANGAT_KURANG = "sangat_kurang", "Sangat Kurang"


class Leadership(models.TextChoices):
    """Pelatihan kepemimpinan (docs/domain.md §5); the old Diklatpim I–IV count as their
    successors."""

    PKP = "pkp", "PKP (Pelatihan Kepemimpinan Pengawas / Diklatpim IV)"
    PKA = "pka", "PKA (Pelatihan Kepemimpinan Administrator / Diklatpim III)"
    PKN_II = "pkn2", "PKN Tingkat II (Diklatpim II)"
    PKN_I = "pkn1", "PKN Tingkat I (Diklatpim I)"


# A higher leadership training satisfies a lower requirement.
LEADERSHIP_RANK = {Leadership.PKP: 1, Leadership.PKA: 2, Leadership.PKN_II: 3, Leadership.PKN_I: 4}
LEADERSHIP_BY_JENIS = {
    "pengawas": Leadership.PKP,
    "administrator": Leadership.PKA,
    "jpt_pratama": Leadership.PKN_II,
    "jpt_madya": Leadership.PKN_I,
    "jpt_utama": Leadership.PKN_I,
}

STRUCTURAL_JENIS = ("jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas")


def retirement_date(birth_date: dt.date, bup_age: int) -> dt.date:
    """TMT pensiun: the first day of the month after the employee reaches BUP (§4.5)."""
    year = birth_date.year + bup_age
    month = birth_date.month + 1
    if month == 13:
        year, month = year + 1, 1
    return dt.date(year, month, 1)
