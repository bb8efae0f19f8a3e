"""Self-reported development: the pegawai reports, HR of their scope verifies or rejects."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.training.helpers import self_report_data
from training import ledger as domain
from training.models import Participation

V, R = Participation.Verification, Participation.Result
PDF = b"%PDF-1.7\n%test\n" + b"x" * 50


def _post_data(**overrides):
    seminar = {"title": "Seminar Nasional Keperawatan", "end_date": "2026-03-03"}
    return self_report_data(
        **{**seminar, "minutes": "900", "certificate_number": "SN/2026/001", **overrides}
    )


def _report(employee, **kwargs):
    defaults = {
        "title": "Webinar Etika ASN",
        "category": "seminar",
        "method": "e_learning",
        "start_date": dt.date(2026, 2, 1),
        "end_date": dt.date(2026, 2, 1),
        "jp": 5,
    }
    defaults.update(kwargs)
    return domain.report_self_development(employee, **defaults)


def test_pegawai_reports_an_activity_pending_verification(world, client_as, employee):
    client = client_as(employee)
    certificate = SimpleUploadedFile("sertifikat.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("training:selfreport_create"), {**_post_data(), "certificate": certificate}
    )
    assert response.status_code == 302
    p = Participation.objects.get()
    assert p.employee == world.employee_emp
    assert p.is_self_reported
    assert p.jp == 20
    assert p.verification == V.PENDING
    assert p.result == R.LULUS  # a certificate was given
    assert p.certificate_name == "sertifikat.pdf"
    assert "sertifikat.pdf" not in p.certificate.name  # stored under an unguessable name
    assert domain.counted_jp(world.employee_emp, 2026) == 0
    listing = client.get(reverse("training:selfreport_list")).content.decode()
    assert "Seminar Nasional Keperawatan" in listing
    assert "Menunggu verifikasi" in listing


def test_report_without_certificate_has_no_result_yet(world):
    p = _report(world.employee_emp)
    assert p.result == R.PENDING


def test_renamed_file_is_refused_and_nothing_saved(world, client_as, employee):
    fake = SimpleUploadedFile(
        "sertifikat.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client_as(employee).post(
        reverse("training:selfreport_create"), {**_post_data(), "certificate": fake}
    )
    assert response.status_code == 200
    assert "tidak sesuai dengan jenisnya" in response.content.decode()
    assert not Participation.objects.exists()


def test_form_says_one_jp_is_45_minutes(client_as, employee):
    response = client_as(employee).get(reverse("training:selfreport_create"))
    assert "1 JP = 45 menit" in response.content.decode()


def test_user_without_employee_record_cannot_report(client_as, hr_admin):
    assert client_as(hr_admin).get(reverse("training:selfreport_create")).status_code == 403


def test_hr_of_the_scope_verifies_and_it_counts(world, client_as, hr_dinkes):
    p = _report(world.employee_emp)
    client = client_as(hr_dinkes)
    assert p.title in client.get(reverse("training:verification_list")).content.decode()
    url = reverse("training:verification_decide", args=[p.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "verify", "note": ""})
    assert response.status_code == 302
    p.refresh_from_db()
    assert (p.verification, p.result, p.verified_by) == (V.VERIFIED, R.LULUS, hr_dinkes)
    assert domain.counted_jp(world.employee_emp, 2026) == 5


def test_rejecting_needs_a_note(world, client_as, hr_dinkes):
    p = _report(world.employee_emp)
    client = client_as(hr_dinkes)
    url = reverse("training:verification_decide", args=[p.pk])
    response = client.post(url, {"decision": "reject", "note": "  "})
    assert response.status_code == 200
    assert "Catatan wajib diisi" in response.content.decode()
    p.refresh_from_db()
    assert p.verification == V.PENDING
    client.post(url, {"decision": "reject", "note": "Sertifikat tidak terbaca"})
    p.refresh_from_db()
    assert (p.verification, p.verification_note) == (V.REJECTED, "Sertifikat tidak terbaca")
    assert domain.counted_jp(world.employee_emp, 2026) == 0


def test_decided_report_cannot_be_decided_again(world, client_as, hr_dinkes):
    p = _report(world.employee_emp)
    domain.decide_self_report(p, user=hr_dinkes, verify=False, note="Bukan pelatihan")
    url = reverse("training:verification_decide", args=[p.pk])
    response = client_as(hr_dinkes).post(url, {"decision": "verify", "note": ""})
    assert "sudah diputuskan" in response.content.decode()
    p.refresh_from_db()
    assert p.verification == V.REJECTED


def test_pegawai_cannot_verify_their_own_even_as_hr(world, client_as, employee):
    from positions.models import HRScope

    HRScope.objects.create(user=employee, unit=world.dinkes, role=HRScope.Role.PENGELOLA)
    p = _report(world.employee_emp)
    url = reverse("training:verification_decide", args=[p.pk])
    client = client_as(employee)
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "verify"}).status_code == 403
    p.refresh_from_db()
    assert p.verification == V.PENDING
    # Nor does it show among the reports to verify.
    assert p.pk not in {x.pk for x in domain.pending_verifications_for(employee)}


def test_hr_of_another_dinas_gets_404(world, client_as, hr_dishub):
    p = _report(world.employee_emp)
    url = reverse("training:verification_decide", args=[p.pk])
    client = client_as(hr_dishub)
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "verify"}).status_code == 404
    assert p.title not in client.get(reverse("training:verification_list")).content.decode()


def test_manager_sees_but_cannot_verify(world, client_as, manager):
    p = _report(world.employee_emp)
    url = reverse("training:verification_decide", args=[p.pk])
    assert client_as(manager).post(url, {"decision": "verify"}).status_code == 403
    assert client_as(manager).get(reverse("training:verification_list")).status_code == 403


@pytest.mark.parametrize("reports", [1, 12])
def test_verification_list_query_budget_is_flat(
    world, client_as, hr_dinkes, django_assert_num_queries, reports
):
    for i in range(reports):
        _report(world.colleague_emp, title=f"Kegiatan {i}")
    client = client_as(hr_dinkes)
    # session + user, scopes (2), count for the paginator, the page with employees and units,
    # the menu's own-employee lookup
    with django_assert_num_queries(7):
        assert client.get(reverse("training:verification_list")).status_code == 200
