"""The evaluation page: who may do what, capaian, predikat, optimistic locking, query budget."""

from performance import services
from performance.models import Evaluation, Indicator, Realisation
from tests.performance.helpers import YEAR, add_rhk, indicator_of, realise_all, url


def test_pegawai_enters_realisation_and_sees_capaian(client_as, employee, approved_skp):
    ind = indicator_of(approved_skp)
    client = client_as(employee)
    response = client.post(
        url(approved_skp),
        {"action": "realisasi", f"value-{ind.pk}": "8", f"text-{ind.pk}": "Delapan dokumen"},
    )
    assert response.status_code == 302
    realisation = Realisation.objects.get(indicator=ind)
    assert realisation.value == 8
    page = client.get(url(approved_skp)).content.decode()
    assert "Capaian: <strong>80,0%</strong>" in page


def test_penilai_rates_and_predikat_appears(client_as, manager, approved_skp):
    ind = indicator_of(approved_skp)
    realise_all(approved_skp, "tw4")
    client = client_as(manager)
    page = client.get(url(approved_skp, "tw4"))
    assert page.status_code == 200 and "Belum dinilai" in page.content.decode()
    response = client.post(
        url(approved_skp, "tw4"),
        {
            "action": "nilai",
            "version": "0",
            f"ub-{ind.pk}": "Pertahankan.",
            "perilaku-akuntabel": "Disiplin sangat baik.",
            "rating_hasil": "diatas",
            "rating_perilaku": "diatas",
            "finalkan": "1",
        },
    )
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(skp=approved_skp, period="tw4")
    assert (evaluation.predikat, evaluation.status) == ("sangat_baik", "final")
    assert evaluation.behaviour_feedback.get(value="akuntabel").umpan_balik.startswith("Disiplin")
    assert Realisation.objects.get(indicator=ind).umpan_balik == "Pertahankan."
    page = client.get(url(approved_skp, "tw4")).content.decode()
    assert "Sangat Baik" in page and 'data-testid="eval-predikat"' in page


def test_pegawai_cannot_rate_and_penilai_cannot_enter_realisation(
    client_as, employee, manager, approved_skp
):
    data = {
        "action": "nilai",
        "version": "0",
        "rating_hasil": "diatas",
        "rating_perilaku": "diatas",
    }
    assert client_as(employee).post(url(approved_skp), data).status_code == 403
    ind = indicator_of(approved_skp)
    assert (
        client_as(manager)
        .post(url(approved_skp), {"action": "realisasi", f"value-{ind.pk}": "1"})
        .status_code
        == 403
    )


def test_hr_and_pimpinan_read_only_outsider_404(
    client_as, hr_dinkes, pimpinan, outsider, approved_skp
):
    data = {
        "action": "nilai",
        "version": "0",
        "rating_hasil": "diatas",
        "rating_perilaku": "diatas",
    }
    for reader in (hr_dinkes, pimpinan):
        client = client_as(reader)
        page = client.get(url(approved_skp))
        assert page.status_code == 200
        assert "Simpan dan finalkan" not in page.content.decode()
        assert client.post(url(approved_skp), data).status_code == 403
    assert client_as(outsider).get(url(approved_skp)).status_code == 404


def test_unknown_period_is_404(client_as, employee, approved_skp):
    assert client_as(employee).get(url(approved_skp, "tw5")).status_code == 404


def test_annual_only_setting_hides_quarters(client_as, employee, approved_skp, settings):
    settings.EVALUATION_PERIODS = "tahunan"
    client = client_as(employee)
    assert client.get(url(approved_skp, "tw1")).status_code == 404
    assert client.get(url(approved_skp, "tw4")).status_code == 200


def test_unapproved_skp_gets_a_clear_message_and_no_evaluation(client_as, employee, world):
    skp = services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
    page = client_as(employee).get(url(skp))
    assert page.status_code == 200
    assert "hanya dapat dilakukan untuk SKP yang sudah disetujui" in page.content.decode()
    assert not Evaluation.objects.exists()


def test_stale_version_shows_the_message_and_keeps_input(client_as, manager, approved_skp):
    client = client_as(manager)
    client.get(url(approved_skp))
    evaluation = Evaluation.objects.get(skp=approved_skp, period="tw1")
    services.rate_evaluation(
        evaluation, user=manager, rating_hasil="sesuai", rating_perilaku="sesuai", version=0
    )
    response = client.post(
        url(approved_skp),
        {
            "action": "nilai",
            "version": "0",
            "umpan_balik": "Catatan yang tidak boleh hilang",
            "rating_hasil": "dibawah",
            "rating_perilaku": "dibawah",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "baru saja diubah di tempat lain" in page
    assert "Catatan yang tidak boleh hilang" in page
    evaluation.refresh_from_db()
    assert evaluation.predikat == "baik" and evaluation.umpan_balik == ""


def test_final_evaluation_is_read_only_for_everyone(client_as, employee, manager, approved_skp):
    realise_all(approved_skp, "tw1")
    client_as(manager).post(
        url(approved_skp),
        {
            "action": "nilai",
            "version": "0",
            "rating_hasil": "sesuai",
            "rating_perilaku": "sesuai",
            "finalkan": "1",
        },
    )
    ind = indicator_of(approved_skp)
    response = client_as(employee).post(
        url(approved_skp), {"action": "realisasi", f"value-{ind.pk}": "3"}
    )
    assert response.status_code == 403


# session, user, HR scopes, headed placements (scopes_for), SKP (visible_to), evaluation
# (get_or_create → get), acting employee (is_penilai_of), RHK, indicators, evaluation reload
# (+ finalised_by join), realisations, behaviour feedback, organisation predikat,
# expectations, the nav's own-employee lookup, the nav's penilai badge (SKP waiting).
EVALUATION_PAGE_QUERIES = 16


def test_evaluation_page_query_budget_is_flat(
    client_as, manager, approved_skp, django_assert_num_queries
):
    client = client_as(manager)
    client.get(url(approved_skp))  # creates the evaluation row
    with django_assert_num_queries(EVALUATION_PAGE_QUERIES):
        assert client.get(url(approved_skp)).status_code == 200
    for i in range(4):
        add_rhk(approved_skp, f"RHK tambahan {i}", n_indicators=3)
    evaluation = Evaluation.objects.get(skp=approved_skp, period="tw1")
    for ind in Indicator.objects.filter(rhk__skp=approved_skp):
        Realisation.objects.create(evaluation=evaluation, indicator=ind, value=5)
    with django_assert_num_queries(EVALUATION_PAGE_QUERIES):
        assert client.get(url(approved_skp)).status_code == 200


def test_profile_skp_history_fragment_is_scoped(client_as, employee, outsider, world):
    from django.urls import reverse

    from performance import services as svc

    svc.create_skp(world.employee_emp, year=2026, pendekatan="kuantitatif")
    url = reverse("performance:employee_history", args=[world.employee_emp.pk])
    page = client_as(employee).get(url).content.decode()
    assert "2026" in page and "Perawat Ahli Muda" in page and "belum dinilai" in page
    assert client_as(outsider).get(url).status_code == 404


def test_readers_never_create_an_evaluation_by_looking(client_as, pimpinan, approved_skp):
    from performance.models import Evaluation

    response = client_as(pimpinan).get(url(approved_skp))
    assert response.status_code == 200
    assert "belum dimulai" in response.content.decode()
    assert not Evaluation.objects.filter(skp=approved_skp).exists()
