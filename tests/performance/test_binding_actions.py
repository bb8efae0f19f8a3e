"""Issue 11 on the performance pages: binding actions ask first, finalising needs realisasi
(or a written reason printed on the document), "Kirim ke penilai", the Lampiran SKP form,
the RHK and IKI forms, next-step hints, and emails with absolute links."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from performance import services
from performance.forms import IndicatorForm, RHKForm
from performance.models import RHK, SKP, Evaluation, Indicator, OrganisationPerformance
from tests.factories import EvaluationFactory
from tests.performance.helpers import rhk as _rhk

YEAR = 2026
BASE = "https://asn.lampungprov.example"


def _url(name, *args):
    return reverse(f"performance:{name}", args=args)


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.PORTAL_BASE_URL = BASE + "/"  # a trailing slash must not double


@pytest.fixture
def submitted_skp(employee, employee_skp, manager_skp):
    _rhk(employee_skp, "Asuhan keperawatan", parent=manager_skp.rhks.first(), indicators=2)
    services.submit_skp(employee_skp, user=employee)
    employee_skp.refresh_from_db()
    return employee_skp


@pytest.fixture
def approved_skp(submitted_skp, manager):
    return services.approve_skp(submitted_skp, user=manager)


@pytest.fixture
def rated(approved_skp, manager):
    """The annual evaluation, rated (not final), without any realisasi."""
    evaluation = Evaluation.objects.create(skp=approved_skp, period="tw4")
    return services.rate_evaluation(
        evaluation, user=manager, rating_hasil="sesuai", rating_perilaku="sesuai", version=0
    )


def _realise(evaluation, *, only_first=False):
    indicators = Indicator.objects.filter(rhk__skp=evaluation.skp).order_by("pk")
    for ind in indicators[:1] if only_first else indicators:
        evaluation.realisations.create(indicator=ind, value=8, text="Delapan")


# --- Setujui SKP -------------------------------------------------------------------------


def test_approve_asks_first_then_approves(client_as, manager, submitted_skp):
    client = client_as(manager)
    detail = client.get(submitted_skp.get_absolute_url()).content.decode()
    # The detail page links to the confirmation (a GET), it does not post the approval.
    assert f'href="{_url("skp_approve", submitted_skp.pk)}"' in detail
    page = client.get(_url("skp_approve", submitted_skp.pk))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Setujui SKP 2026 Perawat Satu?" in html
    assert "1 RHK utama, 0 RHK tambahan, 2 IKI" in html
    assert "SKP terkunci" in html and "Ya, setujui SKP" in html
    assert _url("skp_return", submitted_skp.pk) in html  # the other decision is one click away
    submitted_skp.refresh_from_db()
    assert submitted_skp.status == "diajukan"  # looking changed nothing
    assert client.post(_url("skp_approve", submitted_skp.pk)).status_code == 302
    submitted_skp.refresh_from_db()
    assert submitted_skp.status == "disetujui"


def test_confirmations_print_times_in_wib_as_the_lists_do(client_as, manager, submitted_skp):
    """20.50 UTC is 03.50 WIB the next day: the confirmation said 20:50 while the inbox said
    03:50 (asnportal/settings.py TIME_ZONE = Asia/Jakarta)."""
    utc = dt.datetime(2026, 12, 7, 20, 50, tzinfo=dt.UTC)
    SKP.objects.filter(pk=submitted_skp.pk).update(submitted_at=utc)
    client = client_as(manager)
    assert "08-12-2026 03:50" in client.get(_url("skp_approve", submitted_skp.pk)).content.decode()
    assert "08-12-2026 03:50" in client.get(_url("approval_inbox")).content.decode()


def test_the_finalise_confirmation_prints_the_sending_time_in_wib(client_as, manager, rated):
    Evaluation.objects.filter(pk=rated.pk).update(
        realisasi_sent_at=dt.datetime(2026, 12, 7, 20, 48, tzinfo=dt.UTC)
    )
    page = client_as(manager).get(_url("evaluation_finalise", rated.skp_id, "tw4"))
    assert "08-12-2026 03:48" in page.content.decode()


def test_approve_confirmation_is_for_the_penilai_only(client_as, employee, submitted_skp):
    assert client_as(employee).get(_url("skp_approve", submitted_skp.pk)).status_code == 403


def test_approve_confirmation_of_an_approved_skp_goes_back(client_as, manager, approved_skp):
    response = client_as(manager).get(_url("skp_approve", approved_skp.pk))
    assert response.status_code == 302 and response.url == approved_skp.get_absolute_url()


# --- Hapus RHK / IKI ----------------------------------------------------------------------


def test_delete_rhk_asks_first_listing_its_iki(client_as, employee, employee_skp):
    rhk = _rhk(employee_skp, "Asuhan keperawatan", indicators=2)
    client = client_as(employee)
    detail = client.get(employee_skp.get_absolute_url()).content.decode()
    assert f'href="{_url("rhk_delete", rhk.pk)}"' in detail
    html = client.get(_url("rhk_delete", rhk.pk)).content.decode()
    assert "Hapus RHK?" in html and "2 IKI di bawahnya ikut terhapus" in html
    assert RHK.objects.filter(pk=rhk.pk).exists()
    assert client.post(_url("rhk_delete", rhk.pk)).status_code == 302
    assert not RHK.objects.filter(pk=rhk.pk).exists()


def test_delete_iki_asks_first(client_as, employee, employee_skp):
    rhk = _rhk(employee_skp, "Asuhan keperawatan", indicators=1)
    ind = rhk.indicators.get()
    client = client_as(employee)
    html = client.get(_url("indicator_delete", ind.pk)).content.decode()
    assert "Hapus IKI?" in html and "tidak lagi memiliki IKI" in html
    assert Indicator.objects.filter(pk=ind.pk).exists()
    client.post(_url("indicator_delete", ind.pk))
    assert not Indicator.objects.filter(pk=ind.pk).exists()


def test_delete_confirmation_only_for_an_editable_own_skp(client_as, manager, submitted_skp):
    rhk = submitted_skp.rhks.first()
    assert client_as(manager).get(_url("rhk_delete", rhk.pk)).status_code == 403


# --- Tutup tahun --------------------------------------------------------------------------


def test_close_year_asks_first_and_names_what_is_open(client_as, hr_dinkes, world, rated):
    client = client_as(hr_dinkes)
    curve = f"{_url('curve')}?unit={world.dinkes.pk}&tahun={YEAR}"
    client.post(curve, {"action": "predikat", "predikat": "baik"})
    page = client.get(curve).content.decode()
    confirm = f"{_url('close_year')}?unit={world.dinkes.pk}&amp;tahun={YEAR}"
    assert confirm in page and 'name="action" value="tutup"' not in page
    html = client.get(f"{_url('close_year')}?unit={world.dinkes.pk}&tahun={YEAR}")
    html = html.content.decode()
    assert f"Tutup tahun {YEAR} untuk Dinas Kesehatan?" in html
    assert "1 evaluasi tahunan di unit ini belum final." in html
    assert 'name="action" value="tutup"' in html
    assert OrganisationPerformance.objects.get(unit=world.dinkes).closed_at is None
    client.post(curve, {"action": "tutup"})
    assert OrganisationPerformance.objects.get(unit=world.dinkes).closed_at is not None


def test_close_year_confirmation_needs_a_writer(client_as, pimpinan, world):
    url = f"{_url('close_year')}?unit={world.dinkes.pk}&tahun={YEAR}"
    assert client_as(pimpinan).get(url).status_code == 403


# --- Finalising: realisasi or a written reason ----------------------------------------------


def test_service_refuses_to_finalise_with_missing_realisasi_and_lists_it(rated, manager):
    with pytest.raises(ValidationError) as exc:
        services.finalise_evaluation(rated, user=manager, version=rated.version)
    messages = exc.value.messages
    assert messages[0].startswith("Evaluasi belum dapat difinalkan: realisasi belum lengkap.")
    assert len(messages) == 3  # one line per IKI without realisasi
    assert all(m.startswith("Triwulan IV / Akhir — RHK “Asuhan keperawatan”") for m in messages[1:])
    rated.refresh_from_db()
    assert rated.status == "draft"
    # rate_evaluation itself (one click with "finalise") refuses too.
    with pytest.raises(ValidationError, match="realisasi belum lengkap"):
        services.rate_evaluation(
            rated,
            user=manager,
            rating_hasil="diatas",
            rating_perilaku="diatas",
            version=rated.version,
            finalise=True,
        )


def test_one_missing_realisasi_is_named(rated, manager):
    _realise(rated, only_first=True)
    missing = services.missing_realisations(rated)
    assert len(missing) == 1 and "waktu" not in missing[0] and "kualitas" in missing[0]


def test_finalising_with_a_reason_stores_it_and_without_missing_needs_none(rated, manager):
    with pytest.raises(ValidationError, match="paling banyak 1000"):
        services.finalise_evaluation(
            rated, user=manager, version=rated.version, finalise_note="x" * 1001
        )
    done = services.finalise_evaluation(
        rated, user=manager, version=rated.version, finalise_note="  Pegawai cuti sakit.  "
    )
    assert (done.status, done.finalise_note) == ("final", "Pegawai cuti sakit.")


def test_complete_realisasi_finalises_without_a_reason(rated, manager, world):
    _realise(rated)
    done = services.finalise_evaluation(rated, user=manager, version=rated.version)
    assert done.status == "final" and done.finalise_note == ""
    world.employee_emp.refresh_from_db()
    assert world.employee_emp.latest_predikat == "baik"


def test_one_click_final_with_zero_realisasi_is_refused_in_the_page(client_as, manager, rated):
    response = client_as(manager).post(
        rated.get_absolute_url(),
        {
            "action": "nilai",
            "version": str(rated.version),
            "rating_hasil": "diatas",
            "rating_perilaku": "diatas",
            "finalkan": "1",
        },
    )
    assert response.status_code == 200
    assert "realisasi belum lengkap" in response.content.decode()
    rated.refresh_from_db()
    assert rated.status == "draft"


def test_simpan_dan_finalkan_saves_then_asks(client_as, manager, rated):
    client = client_as(manager)
    page = client.get(rated.get_absolute_url()).content.decode()
    assert 'name="finalkan_konfirmasi"' in page and 'name="finalkan"' not in page
    response = client.post(
        rated.get_absolute_url(),
        {
            "action": "nilai",
            "version": str(rated.version),
            "rating_hasil": "diatas",
            "rating_perilaku": "sesuai",
            "finalkan_konfirmasi": "1",
        },
    )
    confirm = _url("evaluation_finalise", rated.skp_id, "tw4")
    assert response.status_code == 302 and response.url == confirm
    rated.refresh_from_db()
    assert (rated.status, rated.predikat) == ("draft", "baik")  # saved, not final


def test_finalise_page_refuses_without_reason_and_accepts_one(client_as, manager, rated):
    client = client_as(manager)
    confirm = _url("evaluation_finalise", rated.skp_id, "tw4")
    html = client.get(confirm).content.decode()
    assert "Finalkan evaluasi Triwulan IV / Akhir 2026?" in html
    assert "2 IKI belum berisi realisasi" in html
    assert 'data-testid="confirm-problems"' in html and "Alasan finalisasi" in html
    refused = client.post(confirm, {"version": str(rated.version), "finalise_note": " "})
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "Tuliskan alasan memfinalkan evaluasi" in text
    assert "IKI kuantitas “kuantitas Asuhan keperawatan” belum ada realisasi." in text
    rated.refresh_from_db()
    assert rated.status == "draft"
    response = client.post(
        confirm, {"version": str(rated.version), "finalise_note": "Data hilang karena banjir."}
    )
    assert response.status_code == 302
    rated.refresh_from_db()
    assert (rated.status, rated.finalise_note) == ("final", "Data hilang karena banjir.")
    page = client.get(rated.get_absolute_url()).content.decode()
    assert "Catatan finalisasi:" in page and "Data hilang karena banjir." in page


def test_finalise_page_without_missing_asks_no_reason(client_as, manager, rated):
    _realise(rated)
    client = client_as(manager)
    confirm = _url("evaluation_finalise", rated.skp_id, "tw4")
    html = client.get(confirm).content.decode()
    assert "lengkap untuk semua IKI" in html and "Alasan finalisasi" not in html
    assert client.post(confirm, {"version": str(rated.version)}).status_code == 302
    rated.refresh_from_db()
    assert rated.status == "final"


def test_finalise_page_is_for_the_penilai_only(client_as, employee, hr_dinkes, rated):
    confirm = _url("evaluation_finalise", rated.skp_id, "tw4")
    assert client_as(employee).get(confirm).status_code == 403
    assert client_as(hr_dinkes).post(confirm, {"version": "1"}).status_code == 403


def test_the_reason_is_printed_on_the_evaluation_pdf(rated, manager):
    from performance.reports import _skp_for_pdf, employee_report_context

    services.finalise_evaluation(
        rated, user=manager, version=rated.version, finalise_note="Realisasi TW IV hilang."
    )
    skp = _skp_for_pdf().get(pk=rated.skp_id)
    context = employee_report_context(skp, verification_code="ABCD-EFGH", verify_url="/v/")
    html = render_to_string("performance/pdf/employee_report.html", context)
    assert "Catatan finalisasi:</b> Realisasi TW IV hilang." in html


# --- Kirim ke penilai -----------------------------------------------------------------------


def test_send_to_penilai_records_the_time_and_emails_an_absolute_link(
    client_as, employee, manager, approved_skp, django_capture_on_commit_callbacks
):
    evaluation = Evaluation.objects.create(skp=approved_skp, period="tw2")
    client = client_as(employee)
    page = _url("evaluation", approved_skp.pk, "tw2")
    # Nothing entered yet: saved (nothing), not sent, with a message; nothing recorded.
    response = client.post(page, {"action": "realisasi", "kirim": ""}, follow=True)
    assert "Belum dikirim: Isi dan simpan realisasi" in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.realisasi_sent_at is None
    first = Indicator.objects.filter(rhk__skp=approved_skp).order_by("pk").first()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page, {"action": "realisasi", f"value-{first.pk}": "8", "kirim": ""}, follow=True
        )
    assert "Realisasi disimpan dan dikirim" in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.realisasi_sent_at is not None
    assert evaluation.realisations.get(indicator=first).value == 8
    (message,) = mail.outbox
    assert message.to == ["kabid@example.go.id"]
    assert "siap dinilai" in message.subject
    assert f"{BASE}/kinerja/skp/{approved_skp.pk}/evaluasi/tw2/" in message.body
    assert "IKI belum berisi realisasi" in message.body
    page = client_as(manager).get(evaluation.get_absolute_url()).content.decode()
    assert "Realisasi dikirim pegawai pada" in page


def test_typed_realisasi_is_saved_when_the_pegawai_sends_without_saving_first(
    client_as, employee, approved_skp
):
    """One click, "Simpan dan kirim ke penilai", keeps what was typed: before, "Kirim" was a
    separate form and a pegawai who had not pressed "Simpan" lost every field."""
    indicators = list(Indicator.objects.filter(rhk__skp=approved_skp).order_by("pk"))
    data = {"action": "realisasi", "kirim": ""}
    for ind in indicators:
        data |= {f"value-{ind.pk}": "7", f"text-{ind.pk}": "Tujuh laporan"}
    client_as(employee).post(_url("evaluation", approved_skp.pk, "tw1"), data)
    evaluation = Evaluation.objects.get(skp=approved_skp, period="tw1")
    assert evaluation.realisasi_sent_at is not None
    assert [r.value for r in evaluation.realisations.order_by("indicator")] == [7] * len(indicators)


def test_only_the_pegawai_sends(approved_skp, manager):
    evaluation = Evaluation.objects.create(skp=approved_skp, period="tw1")
    _realise(evaluation)
    with pytest.raises(PermissionDenied):
        services.send_realisations_to_penilai(evaluation, user=manager)


def test_the_pegawai_page_offers_simpan_dan_kirim_in_the_realisasi_form(
    client_as, employee, approved_skp
):
    page = client_as(employee).get(_url("evaluation", approved_skp.pk, "tw1")).content.decode()
    form = page[
        page.index('<form method="post"') : page.index("</form>", page.index('name="action"'))
    ]
    assert 'name="kirim"' in form and "Simpan dan kirim ke penilai" in form


# --- Emails carry absolute links to where the reader acts ---------------------------------


def test_workflow_emails_link_absolutely(
    employee, manager, employee_skp, manager_skp, django_capture_on_commit_callbacks
):
    _rhk(employee_skp, "Asuhan keperawatan", parent=manager_skp.rhks.first())
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_skp(employee_skp, user=employee)
    assert f"{BASE}/kinerja/skp/{employee_skp.pk}/setujui/" in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.return_skp(employee_skp, user=manager, note="Perjelas target.")
    assert f"{BASE}/kinerja/skp/{employee_skp.pk}/" in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_skp(employee_skp, user=employee)
        services.approve_skp(employee_skp, user=manager)
    assert f"{BASE}/kinerja/skp/{employee_skp.pk}/evaluasi/" in mail.outbox[-1].body
    assert "//kinerja" not in "".join(m.body for m in mail.outbox)


def test_reminder_email_links_to_create_the_skp(
    world, hr_dinkes, django_capture_on_commit_callbacks
):
    world.colleague_emp.email = "dua@example.go.id"
    world.colleague_emp.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        services.send_skp_reminders(world.dinkes, year=YEAR, user=hr_dinkes)
    assert any(f"{BASE}/kinerja/skp/baru/" in m.body for m in mail.outbox)


# --- Lampiran SKP -------------------------------------------------------------------------------


def test_lampiran_form_saves_and_shows_on_the_skp(client_as, employee, employee_skp):
    client = client_as(employee)
    detail = client.get(employee_skp.get_absolute_url()).content.decode()
    assert _url("skp_lampiran", employee_skp.pk) in detail and "Isi lampiran" in detail
    url = _url("skp_lampiran", employee_skp.pk)
    page = client.get(url).content.decode()
    assert "Dukungan sumber daya" in page and 'data-testid="next-hint"' in page
    response = client.post(
        url,
        {
            "dukungan_sumber_daya": " Anggaran pelatihan ",
            "skema_pertanggungjawaban": "Laporan triwulan",
            "konsekuensi": "Sesuai ketentuan",
        },
    )
    assert response.status_code == 302
    employee_skp.refresh_from_db()
    assert employee_skp.dukungan_sumber_daya == "Anggaran pelatihan"
    assert "Laporan triwulan" in client.get(employee_skp.get_absolute_url()).content.decode()


def test_lampiran_is_read_only_after_submission_and_for_others(
    client_as, employee, manager, submitted_skp
):
    url = _url("skp_lampiran", submitted_skp.pk)
    data = {"dukungan_sumber_daya": "x", "skema_pertanggungjawaban": "", "konsekuensi": ""}
    assert client_as(employee).post(url, data).status_code == 403
    assert client_as(manager).post(url, data).status_code == 403
    page = client_as(manager).get(url)
    assert page.status_code == 200 and "hanya dapat diubah oleh pegawai" in page.content.decode()
    with pytest.raises(ValidationError):
        services.set_lampiran(
            submitted_skp,
            user=employee,
            dukungan_sumber_daya="x",
            skema_pertanggungjawaban="",
            konsekuensi="",
        )


# --- RHK and IKI forms ------------------------------------------------------------------------


def test_rhk_form_hides_urutan_and_lists_utama_first(employee_skp):
    form = RHKForm(skp=employee_skp, choices=[])
    assert "order" not in form.fields
    assert [value for value, _ in form.fields["jenis"].choices] == ["utama", "tambahan"]


def test_new_rhk_goes_to_the_end_and_utama_lists_before_tambahan(employee, employee_skp):
    first = services.add_rhk(employee_skp, user=employee, jenis="tambahan", text="Narasumber")
    second = services.add_rhk(employee_skp, user=employee, jenis="utama", text="Asuhan")
    third = services.add_rhk(employee_skp, user=employee, jenis="utama", text="Edukasi")
    assert (first.order, second.order, third.order) == (0, 1, 2)
    assert list(employee_skp.rhks.all()) == [second, third, first]
    # Editing keeps the place.
    services.update_rhk(second, user=employee, jenis="utama", text="Asuhan pasien")
    second.refresh_from_db()
    assert second.order == 1


def test_rhk_page_posts_without_urutan(client_as, employee, employee_skp):
    client = client_as(employee)
    page = client.get(_url("rhk_create", employee_skp.pk)).content.decode()
    assert "Urutan" not in page and 'data-testid="next-hint"' in page
    client.post(_url("rhk_create", employee_skp.pk), {"jenis": "utama", "text": "Satu"})
    client.post(_url("rhk_create", employee_skp.pk), {"jenis": "utama", "text": "Dua"})
    assert list(employee_skp.rhks.values_list("text", "order")) == [("Satu", 0), ("Dua", 1)]


def test_iki_target_cannot_be_negative(client_as, employee, employee_skp):
    rhk = _rhk(employee_skp, "Asuhan", indicators=0)
    form = IndicatorForm(
        {"aspek": "kuantitas", "text": "Jumlah", "target_value": "-5", "target_satuan": "Orang"},
        skp=employee_skp,
    )
    assert not form.is_valid()
    assert "Target IKI tidak boleh negatif." in form.errors["target_value"]
    response = client_as(employee).post(
        _url("indicator_create", rhk.pk),
        {"aspek": "kuantitas", "text": "Jumlah", "target_value": "-5", "target_satuan": "Orang"},
    )
    assert response.status_code == 200 and not rhk.indicators.exists()
    with pytest.raises(ValidationError, match="tidak boleh negatif"):
        services.add_indicator(
            rhk, user=employee, aspek="kuantitas", text="x", target_value=-1, target_satuan="x"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(rhk=rhk, aspek="waktu", text="x", target_value=-1)


# --- Hints -------------------------------------------------------------------------------------


def test_each_form_page_says_what_comes_next(
    client_as, employee, manager, employee_skp, world, hr_dinkes
):
    rhk = _rhk(employee_skp, "Asuhan", indicators=0)
    client = client_as(employee)
    for url in (
        _url("skp_create"),
        _url("rhk_create", employee_skp.pk),
        _url("indicator_create", rhk.pk),
        _url("skp_lampiran", employee_skp.pk),
        employee_skp.get_absolute_url(),
    ):
        assert 'data-testid="next-hint"' in client.get(url).content.decode(), url
    client = client_as(manager)
    for url in (_url("skp_expectations", employee_skp.pk), _url("skp_return", employee_skp.pk)):
        assert 'data-testid="next-hint"' in client.get(url).content.decode(), url
    curve = f"{_url('curve')}?unit={world.dinkes.pk}&tahun={YEAR}"
    assert 'data-testid="next-hint"' in client_as(hr_dinkes).get(curve).content.decode()


def test_skp_list_and_detail_link_to_where_realisasi_is_entered(
    client_as, employee, approved_skp, monkeypatch
):
    from performance import views

    monkeypatch.setattr(views, "today", lambda: __import__("datetime").date(YEAR, 8, 1))
    client = client_as(employee)
    target = _url("evaluation", approved_skp.pk, "tw3")
    assert f'href="{target}"' in client.get(_url("skp_list")).content.decode()
    assert f'href="{target}"' in client.get(approved_skp.get_absolute_url()).content.decode()


# --- Query budgets of the new pages --------------------------------------------------------
# Every page: session, user, HR scopes, headed placements, the nav's own employee = 5; a
# penilai's nav adds the badge count (SKP waiting) = 6.
CONFIRM_BUDGETS = {
    # + SKP with roles, is_penilai_of (the acting employee is the named penilai: no placement
    # query), RHK/IKI counts = 9
    "approve": 9,
    # + SKP, is_penilai_of, evaluation, realisations, IKI with RHK = 11
    "finalise": 11,
    # pegawai (no badge) + SKP with roles = 6
    "lampiran": 6,
}


@pytest.mark.parametrize("page", list(CONFIRM_BUDGETS))
def test_new_pages_have_a_flat_query_budget(
    page, client_as, employee, manager, world, manager_skp, django_assert_num_queries
):
    skp = services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
    for i in range(3):
        _rhk(skp, f"RHK {i}", parent=manager_skp.rhks.first(), indicators=3)
    if page == "lampiran":
        client, url = client_as(employee), _url("skp_lampiran", skp.pk)
    elif page == "approve":
        services.submit_skp(skp, user=employee)
        client, url = client_as(manager), _url("skp_approve", skp.pk)
    else:
        services.submit_skp(skp, user=employee)
        services.approve_skp(skp, user=manager)
        # Rated sesuai × sesuai (Baik) by the penilai, not final; realisasi for one IKI only.
        evaluation = EvaluationFactory(skp=skp, period="tw4", rated=True, realisation=None)
        _realise(evaluation, only_first=True)
        client, url = client_as(manager), _url("evaluation_finalise", skp.pk, "tw4")
    with django_assert_num_queries(CONFIRM_BUDGETS[page]):
        assert client.get(url).status_code == 200
