"""Static reference data for the ``seed_demo`` management command.

Pure-Python constants only (no Django imports) so the data can be imported and
checked without a configured settings module.

Notes
-----
* ``OPD`` follows docs/domain.md §8.2. Apart from the names confirmed there
  (BKD, Diskominfotik, DPMDT, DPPPA, Dinas Bina Marga, Bappeda), the list is
  the *typical* provincial set and is **UNVERIFIED** against the current Perda
  Provinsi Lampung on susunan perangkat daerah. Bidang/subunit names follow the
  usual Permendagri-style nomenclature, not a specific Pergub. Demo use only.
* Each OPD has a ``sector`` that is a key of ``EDUCATION_GROUP_LABELS`` and
  ``FUNGSIONAL_BY_SECTOR``. A bidang may carry its own optional ``sector``
  (e.g. Biro Hukum inside the Sekretariat Daerah); callers should use
  ``bidang.get("sector", opd["sector"])``.
* The first bidang of every Dinas/Badan (and of the Satpol PP and Inspektorat)
  is "Sekretariat". The Sekretariat Daerah lists Biro, the Sekretariat DPRD
  lists Bagian and the hospitals list their Bagian/Bidang instead.
* The data lives in ``opd_setda_dinas``, ``opd_dinas_badan_rs`` and ``vocabulary``; every
  name is re-exported here.
"""

from .opd_dinas_badan_rs import OPD_DINAS_BADAN_RS
from .opd_setda_dinas import OPD_SETDA_DINAS
from .vocabulary import (
    EDUCATION_FIELDS,
    EDUCATION_GROUP_LABELS,
    FEMALE_LAST_NAMES,
    FIRST_NAMES_FEMALE,
    FIRST_NAMES_MALE,
    FUNGSIONAL_BY_SECTOR,
    GELAR_BY_FIELD_GROUP,
    GELAR_DEPAN_DOKTER,
    GELAR_DEPAN_DOKTER_HEWAN,
    LAST_NAMES,
    MALE_LAST_NAMES,
    PELAKSANA_COMMON,
    SLTA_FIELDS,
)

INSTANSI = ("18", "Pemerintah Provinsi Lampung")

# Perangkat Daerah (OPD), in the order of docs/domain.md §8.2.
OPD = [*OPD_SETDA_DINAS, *OPD_DINAS_BADAN_RS]

__all__ = [
    "EDUCATION_FIELDS",
    "EDUCATION_GROUP_LABELS",
    "FEMALE_LAST_NAMES",
    "FIRST_NAMES_FEMALE",
    "FIRST_NAMES_MALE",
    "FUNGSIONAL_BY_SECTOR",
    "GELAR_BY_FIELD_GROUP",
    "GELAR_DEPAN_DOKTER",
    "GELAR_DEPAN_DOKTER_HEWAN",
    "INSTANSI",
    "LAST_NAMES",
    "MALE_LAST_NAMES",
    "OPD",
    "PELAKSANA_COMMON",
    "SLTA_FIELDS",
]
