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
* The perangkat daerah are data, in ``opd.json`` (a region that hosts the portal replaces
  that file with its own); a bidang written as the string "Sekretariat" is the usual
  Sekretariat of ``vocabulary.SEKRETARIAT``. The rest lives in ``vocabulary``; every name is
  re-exported here.
"""

import json
from pathlib import Path
from typing import Any

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
    SEKRETARIAT,
    SLTA_FIELDS,
)

INSTANSI = ("18", "Pemerintah Provinsi Lampung")


def _load_opd() -> list[dict[str, Any]]:
    with Path(__file__).with_name("opd.json").open(encoding="utf-8") as f:
        opds: list[dict[str, Any]] = json.load(f)
    for opd in opds:
        opd["bidang"] = [SEKRETARIAT if b == "Sekretariat" else b for b in opd["bidang"]]
    return opds


# Perangkat Daerah (OPD), in the order of docs/domain.md §8.2: the Sekretariat Daerah,
# Sekretariat DPRD and Inspektorat, the Dinas, the Badan, the rumah sakit daerah.
OPD = _load_opd()

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
