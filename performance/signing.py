"""Electronic signature (TTE) of the yearly documents: which certificate signs which
document, where the signature shows, and what the public verification page may say about a
stored file (docs/domain.md §9). core.signing does the PDF mechanics (pyHanko, PAdES).

Configuration (asnportal/settings.py, README "Tanda tangan elektronik (TTE)"):

    TTE_PKCS12_PATH / TTE_PKCS12_PASSPHRASE   the default certificate (unset: no signing)
    TTE_CERTIFICATES_FILE                     optional JSON: certificates per instansi/unit
                                              code or per pejabat penilai NIP
    TTE_TSA_URL                               RFC 3161 timestamp authority (optional)
    TTE_TRUST_ROOTS                           CA certificates the verification page trusts

Without any certificate a document is stored exactly as rendered, as before.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from core import signing
from positions.models import OrgUnit

if TYPE_CHECKING:
    from .models import SKP, DocumentVerification

log = logging.getLogger(__name__)

FIELD_NAME = "TTE_Pejabat_Penilai"
REASON = "Dokumen Evaluasi Kinerja Pegawai"
STAMP_TEXT = "Ditandatangani secara elektronik oleh\n%(signer)s\n%(ts)s"
# The bundle template reserves the box in the penilai's signature block: an element with
# this id and this size (templates/performance/pdf/_tte_box.html).
ANCHOR = "tte-penilai"
BOX_WIDTH_MM = 62
BOX_HEIGHT_MM = 18
# Without the reserved box (a template that does not print it): the first page, which is
# the Dokumen Evaluasi, at the foot of the right-hand (penilai's) column above the footer.
FALLBACK_PLACE = signing.SignaturePlace(page=0, box=(330, 62, 506, 113))
# The verification page reads and checks the stored file; the outcome is kept this long
# per file content (the same bytes always check the same way against the same roots).
CHECK_CACHE_SECONDS = 600
MAX_CHECK_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Certificate:
    path: str
    passphrase: str
    source: str  # which setting chose it, for logs and error messages


# A key of TTE_CERTIFICATES_FILE names a pejabat penilai ("nip:…", or 18 digits alone: a NIP
# or NI PPPK) or a unit ("unit:…", or any other key). The two are looked up apart, and a unit
# code may not have the shape of a NIP (positions.forms.UnitForm): HR, who edits unit codes,
# cannot give a unit the key of a person's own certificate.
NIP_KEY = re.compile(r"\d{18}")


@dataclass(frozen=True)
class Mapping:
    by_nip: dict[str, Certificate] = field(default_factory=dict)
    by_unit: dict[str, Certificate] = field(default_factory=dict)


def is_configured() -> bool:
    return bool(settings.TTE_PKCS12_PATH or settings.TTE_CERTIFICATES_FILE)


def certificate_for(skp: SKP) -> Certificate | None:
    """The certificate that signs this SKP's yearly document: the pejabat penilai's own
    (by NIP), else the one of the nearest unit above the employee (instansi, perangkat
    daerah …) in TTE_CERTIFICATES_FILE, else the default TTE_PKCS12_PATH. None: unsigned."""
    mapping = _mapping(settings.TTE_CERTIFICATES_FILE)
    nip = str(((skp.snapshot or {}).get("penilai") or {}).get("nip") or "")
    if not nip and skp.penilai is not None:
        nip = skp.penilai.nip
    if nip and nip in mapping.by_nip:
        return mapping.by_nip[nip]
    if mapping.by_unit:
        unit = skp.employee.unit
        path = unit.path if unit is not None else ""
        units = OrgUnit.objects.filter(path__in=OrgUnit.lineage_paths(path)).order_by("-depth")
        for code in units.values_list("code", flat=True):
            if code in mapping.by_unit:
                return mapping.by_unit[code]
    if settings.TTE_PKCS12_PATH:
        return Certificate(
            settings.TTE_PKCS12_PATH, settings.TTE_PKCS12_PASSPHRASE, "TTE_PKCS12_PATH"
        )
    return None


def _mapping(path: str) -> Mapping:
    if not path:
        return Mapping()
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise ImproperlyConfigured(f"TTE_CERTIFICATES_FILE tidak dapat dibaca: {path}") from exc
    return _load_mapping(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _load_mapping(path: str, _mtime: int, _size: int) -> Mapping:
    """{"<unit code or NIP>": {"pkcs12": "<file>", "passphrase_env": "<ENV VAR>"}}: the
    passphrases stay in the environment, never in the file. See NIP_KEY for the keys."""
    try:
        with open(path, encoding="utf-8") as handle:
            raw = json.load(handle)
        result = Mapping()
        for key, entry in raw.items():
            env = entry.get("passphrase_env", "")
            certificate = Certificate(
                str(entry["pkcs12"]), os.environ.get(env, "") if env else "", f"{path}[{key}]"
            )
            kind, _, name = str(key).rpartition(":")
            if kind not in ("", "nip", "unit"):
                raise ValueError(key)
            if kind == "nip" or (not kind and NIP_KEY.fullmatch(name)):
                result.by_nip[name] = certificate
            else:
                result.by_unit[name] = certificate
    except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
        raise ImproperlyConfigured(
            f"TTE_CERTIFICATES_FILE {path} tidak sah: setiap kunci berupa kode unit atau NIP "
            '(boleh diawali "unit:" atau "nip:"), setiap entri '
            '{"pkcs12": "<berkas .p12>", "passphrase_env": "<nama variabel>"}'
        ) from exc
    return result


def signature_place(pdf: bytes) -> signing.SignaturePlace:
    """The box the template reserved in the penilai's block, else the fixed fallback."""
    place = signing.find_named_box(
        pdf, ANCHOR, width=BOX_WIDTH_MM * signing.MM, height=BOX_HEIGHT_MM * signing.MM
    )
    return place or FALLBACK_PLACE


def sign_report(pdf: bytes, skp: SKP) -> bytes:
    """The rendered yearly document, signed when a certificate is configured for it; the
    same bytes otherwise. Raises core.signing.SigningError for an unusable certificate and
    core.signing.TimestampUnavailable (a ConnectionError: retried) when the TSA is away."""
    certificate = certificate_for(skp)
    if certificate is None:
        return pdf
    signer = signing.load_signer(certificate.path, certificate.passphrase)
    return signing.sign_pdf(
        pdf,
        signer,
        place=signature_place(pdf),
        field_name=FIELD_NAME,
        reason=REASON,
        stamp_text=STAMP_TEXT,
        tsa_url=settings.TTE_TSA_URL,
    )


# --- the public verification page ------------------------------------------------------


@dataclass(frozen=True)
class StoredCheck:
    """What the verification page says about the stored file of a current code."""

    available: bool  # the file could be read
    hash_matches: bool = False  # its SHA-256 is the one recorded with the code
    signature: signing.SignatureCheck | None = None

    @property
    def signed(self) -> bool:
        return self.signature is not None and self.signature.signed

    @property
    def broken(self) -> bool:
        """The stored file is not the registered one, or its signature does not hold."""
        if not self.available:
            return False
        return not self.hash_matches or bool(
            self.signature and self.signature.signed and not self.signature.valid
        )


def check_stored(record: DocumentVerification) -> StoredCheck | None:
    """Read the stored file behind a current code, compare its SHA-256 with the recorded
    one and check its signature offline against TTE_TRUST_ROOTS. None for a superseded
    code (its file has been replaced) or a record without a document."""
    from django.core.files.storage import default_storage

    document = record.document
    if not record.is_valid or document is None or not document.file.name:
        return None
    try:
        if default_storage.size(document.file.name) > MAX_CHECK_BYTES:
            return StoredCheck(available=False)
        with default_storage.open(document.file.name, "rb") as handle:
            content = handle.read()
    except OSError:
        return StoredCheck(available=False)
    digest = hashlib.sha256(content).hexdigest()
    key = f"tte-check:{digest}:{_roots_key()}"
    signature = cache.get(key)
    if signature is None:
        signature = signing.check_pdf(content, _trust_roots(tuple(settings.TTE_TRUST_ROOTS)))
        cache.set(key, signature, CHECK_CACHE_SECONDS)
    return StoredCheck(available=True, hash_matches=digest == record.sha256, signature=signature)


def _roots_key() -> str:
    return hashlib.sha256("\n".join(settings.TTE_TRUST_ROOTS).encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=4)
def _trust_roots(paths: tuple[str, ...]) -> tuple[object, ...]:
    try:
        return tuple(signing.load_trust_roots(paths))
    except (OSError, ValueError) as exc:
        log.error("TTE_TRUST_ROOTS cannot be read: %s", exc)
        return ()
