"""PAdES electronic signatures (pyHanko): sign a PDF with a PKCS#12 certificate, check one
offline. The mechanics only: which certificate signs which document is the caller's policy
(performance.signing; docs/domain.md §9).

Network: signing asks the configured timestamp authority (RFC 3161) for a timestamp, nothing
else. Checking never fetches anything (no OCSP, CRL or AIA): the chain must end in one of the
trust roots given, and revocation is not looked up.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asn1crypto import x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.signers import SimpleSigner

MM = 72 / 25.4  # PDF points per millimetre


class SigningError(Exception):
    """The certificate cannot be used (missing file, wrong passphrase, no private key)."""


class TimestampUnavailable(ConnectionError):
    """The timestamp authority did not answer (or refused): transient, worth a retry."""


@dataclass(frozen=True)
class SignaturePlace:
    """Where the visible signature goes: a 0-based page and a box in PDF points
    (x1, y1, x2, y2 from the bottom-left corner)."""

    page: int
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class SignatureCheck:
    """What an offline check of a PDF's last signature found."""

    signed: bool
    intact: bool = False  # the signed bytes are unchanged and the signature covers the file
    trusted: bool = False  # the signer's chain ends in one of the trust roots
    signer: str = ""  # the certificate's common name (nothing else of the subject)
    signed_at: datetime | None = None  # the timestamp's time if any, else the signer's claim
    timestamped: bool = False

    @property
    def valid(self) -> bool:
        return self.signed and self.intact and self.trusted


def load_signer(path: str, passphrase: str) -> SimpleSigner:
    """The signer of a PKCS#12 file, loaded once per process and file version (opening a
    PKCS#12 runs its key derivation: too slow to repeat for every document)."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise SigningError(f"Berkas sertifikat TTE tidak dapat dibaca: {path}") from exc
    digest = hashlib.sha256(passphrase.encode()).hexdigest()
    return _load_signer(path, stat.st_mtime_ns, stat.st_size, digest, passphrase)


@functools.lru_cache(maxsize=16)
def _load_signer(path: str, _mtime: int, _size: int, _digest: str, passphrase: str) -> SimpleSigner:
    from pyhanko.sign.signers import SimpleSigner

    loaded = SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]  # unannotated in pyHanko
        path, passphrase=passphrase.encode() or None
    )
    if loaded is None:
        raise SigningError(
            f"Sertifikat TTE {path} tidak dapat dibuka (kata sandi salah atau tanpa kunci)."
        )
    return _loaded_key_signer(loaded)


def _loaded_key_signer(loaded: SimpleSigner) -> SimpleSigner:
    """pyHanko's SimpleSigner parses its private key again for every signature (twice per
    document with the size estimate): several tens of ms each. This one keeps it parsed."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class LoadedKeySigner(SimpleSigner):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.private_key = serialization.load_der_private_key(
                self.signing_key.dump(), password=None
            )

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            hash_algo = get_pyca_cryptography_hash(digest_algorithm)
            key = self.private_key
            if mechanism == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
                return key.sign(data, padding.PKCS1v15(), hash_algo)
            if mechanism == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
                return key.sign(data, ec.ECDSA(hash_algo))
            return super().sign_raw(data, digest_algorithm)  # other mechanisms: pyHanko's way

    return LoadedKeySigner(
        signing_cert=loaded.signing_cert,
        signing_key=loaded.signing_key,
        cert_registry=loaded.cert_registry,
    )


def _reserved_bytes(signer: SimpleSigner, *, timestamped: bool) -> int:
    """Room for the CMS signature: the embedded certificates, the signature value and the
    signed attributes, plus the timestamp token when there is one. Reserving it up front
    skips pyHanko's dry-run signature that would measure it (half of the signing time)."""
    certs = sum(len(cert.dump()) for cert in signer.cert_registry)
    if signer.signing_cert is not None:
        certs += len(signer.signing_cert.dump())
    return 2 * (certs + 2048 + (12288 if timestamped else 0))  # hex: two characters a byte


def find_named_box(pdf: bytes, name: str, *, width: float, height: float) -> SignaturePlace | None:
    """The box of `width` x `height` points hanging from the named destination `name` (the
    top-left corner of an element with that id, which WeasyPrint writes for every id), or
    None when the document has no such destination."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    dest = _named_destination(reader, name)
    if not isinstance(dest, generic.ArrayObject) or len(dest) < 4:
        return None
    page_ref, x, y = dest.raw_get(0), dest[2], dest[3]
    if not isinstance(page_ref, generic.IndirectObject):
        return None
    try:
        page = _page_refs(reader).index(page_ref.idnum)
        left, top = float(x), float(y)
    except (ValueError, TypeError):
        return None
    box = (round(left), round(top - height), round(left + width), round(top))
    return SignaturePlace(page=page, box=box)


def _named_destination(reader: PdfFileReader, name: str) -> Any:
    root = reader.root
    names = root.get("/Names")
    if names is not None and "/Dests" in names:
        found = _search_name_tree(names["/Dests"], name)
        if found is not None:
            return found
    dests = root.get("/Dests")
    if dests is not None and f"/{name}" in dests:
        return _unwrap(dests[f"/{name}"])
    return None


def _search_name_tree(node: Any, name: str, depth: int = 0) -> Any:
    if depth > 16:  # a malformed (cyclic) tree
        return None
    pairs = node.get("/Names")
    if pairs is not None:
        for index in range(0, len(pairs) - 1, 2):
            if str(pairs[index]) == name:
                return _unwrap(pairs.raw_get(index + 1))
    for kid in node.get("/Kids", ()):
        found = _search_name_tree(kid.get_object(), name, depth + 1)
        if found is not None:
            return found
    return None


def _unwrap(value: Any) -> Any:
    value = value.get_object() if hasattr(value, "get_object") else value
    if hasattr(value, "get") and "/D" in value:  # a destination dictionary
        return value["/D"]
    return value


def _page_refs(reader: PdfFileReader) -> list[int]:
    def walk(node: Any, depth: int) -> Iterator[int]:
        if depth > 32:
            return
        for kid in node.get("/Kids", ()):
            obj = kid.get_object()
            if obj.get("/Type") == "/Pages":
                yield from walk(obj, depth + 1)
            else:
                yield kid.idnum

    return list(walk(reader.root["/Pages"], 0))


def sign_pdf(
    pdf: bytes,
    signer: SimpleSigner,
    *,
    place: SignaturePlace,
    field_name: str,
    reason: str,
    stamp_text: str,
    tsa_url: str = "",
    tsa_timeout: int = 10,
) -> bytes:
    """`pdf` with a PAdES signature (incremental update) in a new visible field at `place`.
    `stamp_text` may use %(signer)s and %(ts)s. With `tsa_url` the signature carries an
    RFC 3161 timestamp from that authority."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError as PyHankoSigningError
    from pyhanko.sign.timestamps import TimestampRequestError
    from pyhanko.stamp import TextStampStyle

    timestamper = None
    if tsa_url:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(tsa_url, timeout=tsa_timeout)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        timestamper=timestamper,
        stamp_style=TextStampStyle(
            stamp_text=stamp_text, timestamp_format="%d-%m-%Y %H:%M %Z", border_width=0
        ),
        new_field_spec=fields.SigFieldSpec(
            sig_field_name=field_name, on_page=place.page, box=place.box
        ),
    )
    out = io.BytesIO()
    reserved = _reserved_bytes(signer, timestamped=bool(tsa_url))
    try:
        try:
            pdf_signer.sign_pdf(writer, output=out, bytes_reserved=reserved)
        except PyHankoSigningError as exc:
            if "larger than expected" not in str(exc):
                raise
            # An unusually large chain or timestamp token: let pyHanko measure it.
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            out = io.BytesIO()
            pdf_signer.sign_pdf(writer, output=out)
    except TimestampRequestError as exc:
        raise TimestampUnavailable(
            f"Layanan stempel waktu (TSA) {tsa_url} tidak dapat dihubungi: {exc}"
        ) from exc
    return out.getvalue()


def load_trust_roots(paths: Sequence[str]) -> list[x509.Certificate]:
    """The CA certificates (PEM or DER files, a PEM file may hold several) a check trusts."""
    from pyhanko.keys import load_certs_from_pemder

    if not paths:
        return []
    return list(load_certs_from_pemder(list(paths)))  # type: ignore[no-untyped-call]  # unannotated


def check_pdf(pdf: bytes, trust_roots: Sequence[x509.Certificate]) -> SignatureCheck:
    """Check the document's last signature offline. An unsigned document is `signed=False`;
    a document that cannot be parsed, or whose signed bytes changed, is not intact."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError):
        # Unreadable after a change: if it carried a signature it is no longer intact.
        return SignatureCheck(signed=b"/ByteRange" in pdf)
    if not signatures:
        return SignatureCheck(signed=False)
    embedded = signatures[-1]
    context = ValidationContext(
        trust_roots=list(trust_roots), allow_fetching=False, revocation_mode="soft-fail"
    )
    try:
        status = validate_pdf_signature(
            embedded, signer_validation_context=context, ts_validation_context=context
        )
    except Exception:  # any failure to validate is "not intact", never a 500
        return SignatureCheck(signed=True)
    timestamp = status.timestamp_validity
    signed_at = timestamp.timestamp if timestamp is not None else status.signer_reported_dt
    subject = status.signing_cert.subject.native
    return SignatureCheck(
        signed=True,
        intact=bool(
            status.intact and status.valid and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        ),
        trusted=bool(status.trusted),
        signer=str(subject.get("common_name", "")),
        signed_at=signed_at,
        timestamped=timestamp is not None and bool(timestamp.intact and timestamp.valid),
    )
