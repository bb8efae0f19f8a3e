"""A throwaway PKI for the TTE tests and the signing benchmark: a root CA, a signing
certificate issued by it (in a PKCS#12 file, as BSrE hands one out) and a TSA certificate.
Generated with `cryptography` on the spot; nothing is fetched, nothing is kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass
class Pki:
    root_pem: Path  # the CA certificate a verifier trusts (TTE_TRUST_ROOTS)
    p12: Path  # the signer's key and certificate chain (TTE_PKCS12_PATH)
    passphrase: str
    signer_name: str
    signer_cert: x509.Certificate
    tsa_cert: x509.Certificate
    tsa_key: rsa.RSAPrivateKey
    root_cert: x509.Certificate


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Uji TTE ASN Portal"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _issue(
    subject: str,
    key: rsa.RSAPrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: rsa.RSAPrivateKey,
    *,
    ca: bool = False,
    eku: x509.ObjectIdentifier | None = None,
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer.subject if issuer else _name(subject))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
        )
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage([eku]), critical=True)
    return builder.sign(issuer_key, hashes.SHA256())


def make_pki(folder: Path, signer_name: str = "Dr. Penilai Uji, S.T.") -> Pki:
    folder.mkdir(parents=True, exist_ok=True)
    root_key = _key()
    root = _issue("CA Uji TTE", root_key, None, root_key, ca=True)
    signer_key = _key()
    signer = _issue(signer_name, signer_key, root, root_key)
    tsa_key = _key()
    tsa = _issue("TSA Uji TTE", tsa_key, root, root_key, eku=ExtendedKeyUsageOID.TIME_STAMPING)
    root_pem = folder / "root.pem"
    root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    passphrase = "rahasia-uji"
    p12 = folder / "penandatangan.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"penandatangan",
            signer_key,
            signer,
            [root],
            serialization.BestAvailableEncryption(passphrase.encode()),
        )
    )
    return Pki(root_pem, p12, passphrase, signer_name, signer, tsa, tsa_key, root)
