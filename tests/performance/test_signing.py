"""Electronic signature (TTE) of the yearly documents (issue 12): a throwaway CA and signing
certificate made in the test, documents signed through the real report job, validated with
pyHanko's own validator, tampering caught, the public page's two outcomes, no certificate =
the rendered bytes stored as before, a real RFC 3161 timestamp from a TSA on loopback."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from core import signing as core_signing
from performance import report_jobs, reports, signing, tasks
from performance.models import DocumentVerification, ReportDocument
from tests.performance.report_helpers import YEAR, rated_skp
from tests.performance.tte_pki import Pki, make_pki


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("tte"))


@pytest.fixture
def tte(settings, pki):
    """A configured default certificate and trust root, no TSA, no mapping file."""
    settings.TTE_PKCS12_PATH = str(pki.p12)
    settings.TTE_PKCS12_PASSPHRASE = pki.passphrase
    settings.TTE_CERTIFICATES_FILE = ""
    settings.TTE_TSA_URL = ""
    settings.TTE_TRUST_ROOTS = [str(pki.root_pem)]
    return pki


@pytest.fixture
def no_tte(settings):
    settings.TTE_PKCS12_PATH = ""
    settings.TTE_PKCS12_PASSPHRASE = ""
    settings.TTE_CERTIFICATES_FILE = ""
    settings.TTE_TSA_URL = ""
    settings.TTE_TRUST_ROOTS = []


def print_report(world, user, capture) -> ReportDocument:
    """The pegawai's own yearly report through the real job (eager Celery)."""
    with capture(execute=True):
        job = report_jobs.start_employee_job(user, world.employee_emp, YEAR)
    return job.documents.get()


def stored_bytes(doc: ReportDocument) -> bytes:
    with default_storage.open(doc.file.name, "rb") as handle:
        return handle.read()


def replace_stored(doc: ReportDocument, content: bytes) -> None:
    name = doc.file.name
    default_storage.delete(name)
    assert default_storage.save(name, ContentFile(content)) == name


def der(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def pyhanko_status(pdf: bytes, pki: Pki):
    root = asn1_x509.Certificate.load(der(pki.root_cert))
    context = ValidationContext(trust_roots=[root], allow_fetching=False)
    embedded = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert len(embedded) == 1
    status = validate_pdf_signature(
        embedded[0], signer_validation_context=context, ts_validation_context=context
    )
    return embedded[0], status


@pytest.fixture
def rated_employee(world):
    rated_skp(world.employee_emp)
    return world


# --- signing through the report job --------------------------------------------------------


def test_a_report_job_stores_a_pades_signature_of_the_configured_certificate(
    tte, rated_employee, employee, django_capture_on_commit_callbacks
):
    doc = print_report(rated_employee, employee, django_capture_on_commit_callbacks)
    assert doc.state == ReportDocument.State.DONE, doc.error
    pdf = stored_bytes(doc)
    embedded, status = pyhanko_status(pdf, tte)
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    assert status.coverage.name == "ENTIRE_FILE"
    assert status.signing_cert.dump() == der(tte.signer_cert)
    assert status.signing_cert.subject.native["common_name"] == tte.signer_name
    # PAdES (ETSI CAdES detached), in its own visible field on the Dokumen Evaluasi page.
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert embedded.field_name == signing.FIELD_NAME
    widget = embedded.sig_field
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    assert x2 - x1 > 100 and y2 - y1 > 30  # visible, not a zero-size invisible field
    first_page = embedded.reader.root["/Pages"]["/Kids"][0].get_object()
    assert widget.get_object() in [annot.get_object() for annot in first_page["/Annots"]]
    # ...on the box the Dokumen Evaluasi reserves in the penilai's signature space.
    place = signing.signature_place(pdf)
    assert place != signing.FALLBACK_PLACE and place.page == 0
    assert [round(v) for v in (x1, y1, x2, y2)] == list(place.box)
    # The SHA-256 the verification code stands for is the signed file's.
    digest = hashlib.sha256(pdf).hexdigest()
    assert doc.sha256 == digest
    assert DocumentVerification.objects.get(document=doc).sha256 == digest


def test_the_signature_box_is_where_the_template_reserves_it(tte, rated_employee):
    """The field goes on the box the template reserves (an element with id tte-penilai:
    WeasyPrint writes a named destination for it), at its size; without one, at the fixed
    place on the first page."""
    from core.pdf import render_pdf

    html_template = "performance/pdf/_tte_box.html"
    reserved = render_pdf(html_template, {})
    place = signing.signature_place(reserved)
    assert place != signing.FALLBACK_PLACE
    x1, y1, x2, y2 = place.box
    assert round((x2 - x1) / core_signing.MM) == signing.BOX_WIDTH_MM
    assert round((y2 - y1) / core_signing.MM) == signing.BOX_HEIGHT_MM
    signed = core_signing.sign_pdf(
        reserved,
        core_signing.load_signer(str(tte.p12), tte.passphrase),
        place=place,
        field_name=signing.FIELD_NAME,
        reason=signing.REASON,
        stamp_text=signing.STAMP_TEXT,
    )
    embedded, status = pyhanko_status(signed, tte)
    assert status.bottom_line
    assert [round(float(v)) for v in embedded.sig_field["/Rect"]] == list(place.box)
    # A page without the box: the fallback.
    bare = render_pdf("pdf/base.html", {})
    assert signing.signature_place(bare) == signing.FALLBACK_PLACE


def test_a_signature_larger_than_the_reserved_room_is_measured_and_still_signed(tte, monkeypatch):
    """The room for the signature is reserved from the chain's size; a chain or timestamp
    bigger than that falls back to pyHanko measuring it instead of failing the document."""
    from core.pdf import render_pdf

    pdf = render_pdf("performance/pdf/_tte_box.html", {})
    monkeypatch.setattr(core_signing, "_reserved_bytes", lambda signer, *, timestamped: 64)
    signed = core_signing.sign_pdf(
        pdf,
        core_signing.load_signer(str(tte.p12), tte.passphrase),
        place=signing.signature_place(pdf),
        field_name=signing.FIELD_NAME,
        reason=signing.REASON,
        stamp_text=signing.STAMP_TEXT,
    )
    _, status = pyhanko_status(signed, tte)
    assert status.bottom_line


def test_a_byte_changed_after_signing_fails_validation(
    tte, rated_employee, employee, django_capture_on_commit_callbacks
):
    doc = print_report(rated_employee, employee, django_capture_on_commit_callbacks)
    pdf = stored_bytes(doc)
    embedded, _ = pyhanko_status(pdf, tte)
    start, length = embedded.byte_range[0], embedded.byte_range[1]
    assert start == 0 and length > 1000
    tampered = bytearray(pdf)
    position = length // 2  # inside the signed bytes, before the signature's /Contents
    tampered[position] ^= 0x01
    _, status = pyhanko_status(bytes(tampered), tte)
    assert not status.intact and not status.bottom_line
    check = core_signing.check_pdf(
        bytes(tampered), core_signing.load_trust_roots([str(tte.root_pem)])
    )
    assert check.signed and not check.intact and not check.valid
    # The control: the untouched file checks as valid.
    assert core_signing.check_pdf(pdf, core_signing.load_trust_roots([str(tte.root_pem)])).valid


def test_a_certificate_from_another_ca_is_intact_but_not_trusted(
    tte, rated_employee, employee, django_capture_on_commit_callbacks, tmp_path
):
    doc = print_report(rated_employee, employee, django_capture_on_commit_callbacks)
    other_root = make_pki(tmp_path / "lain").root_pem
    check = core_signing.check_pdf(
        stored_bytes(doc), core_signing.load_trust_roots([str(other_root)])
    )
    assert check.signed and check.intact and not check.trusted and not check.valid


# --- the public verification page -----------------------------------------------------


def test_the_verification_page_says_who_signed_and_when_and_that_it_is_intact(
    client, tte, rated_employee, employee, django_capture_on_commit_callbacks
):
    doc = print_report(rated_employee, employee, django_capture_on_commit_callbacks)
    record = DocumentVerification.objects.get(document=doc)
    html = client.get(reverse("verify_code", args=[record.code])).content.decode()
    assert "Dokumen terdaftar dan berlaku" in html
    assert f"Ditandatangani secara elektronik oleh <strong>{tte.signer_name}</strong> pada" in html
    assert "tanda tangan utuh" in html
    assert "Sama persis dengan sidik SHA-256" in html
    assert "tidak sah" not in html
    # Still nothing else about the employee or the certificate.
    assert rated_employee.employee_emp.nip not in html
    assert "Uji TTE ASN Portal" not in html  # the certificate's organisation
    assert "Bidang Pelayanan Kesehatan" not in html


def test_the_verification_page_says_the_signature_is_void_after_a_change(
    client, tte, rated_employee, employee, django_capture_on_commit_callbacks
):
    doc = print_report(rated_employee, employee, django_capture_on_commit_callbacks)
    record = DocumentVerification.objects.get(document=doc)
    pdf = bytearray(stored_bytes(doc))
    pdf[len(pdf) // 4] ^= 0x01
    replace_stored(doc, bytes(pdf))
    html = client.get(reverse("verify_code", args=[record.code])).content.decode()
    assert "Dokumen terdaftar, tetapi berkasnya tidak sah" in html
    assert "<strong>Tanda tangan tidak sah:</strong> dokumen berubah setelah ditandatangani" in html
    assert "<strong>Berubah:</strong> sidik SHA-256" in html
    assert "tanda tangan utuh" not in html and tte.signer_name not in html


def test_a_superseded_code_is_not_checked_against_the_newer_file(
    client, tte, rated_employee, employee, django_capture_on_commit_callbacks
):
    first = print_report(rated_employee, employee, django_capture_on_commit_callbacks)
    old = DocumentVerification.objects.get(document=first)
    with django_capture_on_commit_callbacks(execute=True):
        report_jobs.rerun_job(first.job)
    html = client.get(reverse("verify_code", args=[old.code])).content.decode()
    assert "telah diganti" in html
    assert 'data-testid="verify-signature"' not in html and "Berkas tersimpan" not in html


# --- without a certificate, and when signing cannot happen ------------------------------


def test_without_a_certificate_the_rendered_bytes_are_stored_as_before(
    client, no_tte, rated_employee, employee, django_capture_on_commit_callbacks, monkeypatch
):
    rendered: list[bytes] = []
    original = reports.render_employee_report

    def spy(*args, **kwargs):
        rendered.append(original(*args, **kwargs))
        return rendered[-1]

    monkeypatch.setattr(reports, "render_employee_report", spy)
    doc = print_report(rated_employee, employee, django_capture_on_commit_callbacks)
    pdf = stored_bytes(doc)
    assert rendered == [pdf]
    assert b"/ByteRange" not in pdf and b"/Sig" not in pdf
    assert doc.sha256 == hashlib.sha256(pdf).hexdigest()
    record = DocumentVerification.objects.get(document=doc)
    html = client.get(reverse("verify_code", args=[record.code])).content.decode()
    assert "Dokumen terdaftar dan berlaku" in html
    assert "Sama persis dengan sidik SHA-256" in html
    assert 'data-testid="verify-signature"' not in html


def test_a_wrong_passphrase_fails_the_document_with_its_reason(
    tte, settings, rated_employee, employee, django_capture_on_commit_callbacks
):
    settings.TTE_PKCS12_PASSPHRASE = "salah"
    doc = print_report(rated_employee, employee, django_capture_on_commit_callbacks)
    assert doc.state == ReportDocument.State.FAILED
    assert "Sertifikat TTE" in doc.error
    assert not DocumentVerification.objects.filter(document=doc).exists()


# --- choosing the certificate: per pejabat penilai, per unit, default -----------------------


def test_the_certificate_is_chosen_by_penilai_nip_then_nearest_unit_then_default(
    tte, settings, rated_employee, tmp_path, monkeypatch
):
    world = rated_employee
    skp = world.employee_emp.skps.get(year=YEAR)
    mapping = tmp_path / "tte.json"
    entries = {
        world.pemprov.code: {"pkcs12": "/tte/pemprov.p12", "passphrase_env": "TTE_PASS_PEMPROV"},
        world.dinkes.code: {"pkcs12": "/tte/dinkes.p12", "passphrase_env": "TTE_PASS_DINKES"},
    }
    mapping.write_text(json.dumps(entries))
    settings.TTE_CERTIFICATES_FILE = str(mapping)
    monkeypatch.setenv("TTE_PASS_DINKES", "sandi-dinkes")
    chosen = signing.certificate_for(skp)
    assert (chosen.path, chosen.passphrase) == ("/tte/dinkes.p12", "sandi-dinkes")

    nip = skp.snapshot["penilai"]["nip"]
    entries[nip] = {"pkcs12": "/tte/penilai.p12", "passphrase_env": "TTE_PASS_PENILAI"}
    mapping.write_text(json.dumps(entries, indent=1))  # a new size: the file is read again
    assert signing.certificate_for(skp).path == "/tte/penilai.p12"

    outsider = rated_skp(world.outsider_emp)  # Dishub: only the province's entry applies
    assert signing.certificate_for(outsider).path == "/tte/pemprov.p12"

    mapping.write_text("{}")
    assert signing.certificate_for(skp).path == str(tte.p12)  # the default
    settings.TTE_PKCS12_PATH = ""
    assert signing.certificate_for(skp) is None


def test_a_unit_code_never_chooses_a_persons_certificate(tte, settings, rated_employee, tmp_path):
    """18 digits (or "nip:") name a pejabat penilai, anything else (or "unit:") a unit; a unit
    whose code has a NIP's shape (old data: the form refuses it now) does not take the
    certificate of the person with that NIP."""
    world = rated_employee
    skp = world.employee_emp.skps.get(year=YEAR)
    sekda_nip = "197301031997072001"
    mapping = tmp_path / "tte.json"
    mapping.write_text(
        json.dumps(
            {
                sekda_nip: {"pkcs12": "/tte/sekda.p12"},
                f"unit:{world.dinkes.code}": {"pkcs12": "/tte/dinkes.p12"},
            }
        )
    )
    settings.TTE_CERTIFICATES_FILE = str(mapping)
    assert signing.certificate_for(skp).path == "/tte/dinkes.p12"
    world.yankes.code = sekda_nip  # the employee's own unit, nearer than the dinas
    world.yankes.save(update_fields=["code"])
    skp = world.employee_emp.skps.get(year=YEAR)
    assert signing.certificate_for(skp).path == "/tte/dinkes.p12"

    penilai = skp.snapshot["penilai"]["nip"]
    mapping.write_text(json.dumps({f"nip:{penilai}": {"pkcs12": "/tte/penilai.p12"}}))
    assert signing.certificate_for(skp).path == "/tte/penilai.p12"

    mapping.write_text(json.dumps({"orang:1": {"pkcs12": "/tte/x.p12"}}))
    with pytest.raises(ImproperlyConfigured, match="unit:"):
        signing.certificate_for(skp)


# --- timestamp (RFC 3161) from a TSA on loopback ------------------------------------------


@pytest.fixture
def local_tsa(pki):
    """A real HTTP timestamp authority on 127.0.0.1, answering with pyHanko's dummy TSA
    signed by the test CA's TSA certificate."""
    tsa_cert = asn1_x509.Certificate.load(der(pki.tsa_cert))
    tsa_key = asn1_keys.PrivateKeyInfo.load(
        pki.tsa_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    dummy = DummyTimeStamper(tsa_cert=tsa_cert, tsa_key=tsa_key)
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            requests.append(self.headers["Content-Type"])
            request = tsp.TimeStampReq.load(body)
            answer = asyncio.run(dummy.async_request_tsa_response(request)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa", requests
    server.shutdown()
    server.server_close()


def test_a_configured_tsa_timestamps_the_signature(
    client, tte, settings, local_tsa, rated_employee, employee, django_capture_on_commit_callbacks
):
    url, requests = local_tsa
    settings.TTE_TSA_URL = url
    doc = print_report(rated_employee, employee, django_capture_on_commit_callbacks)
    assert doc.state == ReportDocument.State.DONE, doc.error
    assert requests == ["application/timestamp-query"]
    _, status = pyhanko_status(stored_bytes(doc), tte)
    assert status.bottom_line
    assert status.timestamp_validity is not None
    assert status.timestamp_validity.intact and status.timestamp_validity.trusted
    record = DocumentVerification.objects.get(document=doc)
    html = client.get(reverse("verify_code", args=[record.code])).content.decode()
    assert "waktu dari stempel waktu tepercaya" in html and "tanda tangan utuh" in html


def test_an_unreachable_tsa_is_a_transient_error_that_the_task_retries(
    tte, settings, rated_employee
):
    import socket

    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.TTE_TSA_URL = f"http://127.0.0.1:{port}/tsa"
    skp = rated_employee.employee_emp.skps.get(year=YEAR)
    pdf = reports.render_employee_report(skp.pk, verification_code="X", verify_url="http://x/")
    with pytest.raises(core_signing.TimestampUnavailable) as caught:
        signing.sign_report(pdf, skp)
    assert isinstance(caught.value, tasks.TRANSIENT_ERRORS)
    assert "stempel waktu" in str(caught.value)
