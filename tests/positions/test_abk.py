from decimal import Decimal

from django.urls import reverse

from positions import services
from positions.models import WorkloadTask, kebutuhan_from_minutes


def test_kebutuhan_rounds_up_the_exact_need():
    # The worked example of docs/domain.md §3.6: 54,300 minutes / 75,000 = 0.724 -> 1 person.
    assert kebutuhan_from_minutes(Decimal(54300), 75000) == 1
    assert kebutuhan_from_minutes(Decimal(150000), 75000) == 2
    assert kebutuhan_from_minutes(Decimal(150001), 75000) == 3
    assert kebutuhan_from_minutes(Decimal(0), 75000) == 0


def test_abk_result_shows_arithmetic_per_task_and_total(world):
    tasks = [
        WorkloadTask(
            position=world.perawat,
            description="Asuhan keperawatan",
            satuan_hasil="Pasien",
            volume=Decimal(1200),
            norma_waktu=Decimal(60),
        ),
        WorkloadTask(
            position=world.perawat,
            description="Dokumentasi",
            satuan_hasil="Laporan",
            volume=Decimal("52"),
            norma_waktu=Decimal("37.5"),
        ),
    ]
    result = services.abk_result(tasks)
    assert [minutes for _, minutes in result.rows] == [Decimal(72000), Decimal(1950)]
    assert result.total_minutes == Decimal(73950)
    assert result.exact == Decimal("0.986")
    assert result.kebutuhan == 1


def _abk_post(rows):
    data = {
        "workload_tasks-TOTAL_FORMS": str(len(rows)),
        "workload_tasks-INITIAL_FORMS": "0",
        "workload_tasks-MIN_NUM_FORMS": "0",
        "workload_tasks-MAX_NUM_FORMS": "1000",
    }
    for i, (desc, satuan, volume, norma) in enumerate(rows):
        data.update(
            {
                f"workload_tasks-{i}-description": desc,
                f"workload_tasks-{i}-satuan_hasil": satuan,
                f"workload_tasks-{i}-volume": volume,
                f"workload_tasks-{i}-norma_waktu": norma,
            }
        )
    return data


def test_saving_abk_sets_kebutuhan(client_as, hr_dinkes, world):
    url = reverse("positions:position_abk", args=[world.perawat.pk])
    response = client_as(hr_dinkes).post(
        url,
        _abk_post(
            [
                ("Asuhan keperawatan", "Pasien", "2400", "60"),
                ("Edukasi pasien", "Sesi", "500", "45"),
            ]
        ),
    )
    assert response.status_code == 302
    world.perawat.refresh_from_db()
    # (144,000 + 22,500) / 75,000 = 2.22 -> 3
    assert world.perawat.kebutuhan == 3
    assert world.perawat.workload_tasks.count() == 2
    page = client_as(hr_dinkes).get(url).content.decode()
    assert "166500" in page.replace(".", "").replace(",", "")


def test_abk_of_structural_position_keeps_kebutuhan_one(client_as, hr_dinkes, world):
    url = reverse("positions:position_abk", args=[world.kabid.pk])
    client_as(hr_dinkes).post(url, _abk_post([("Memimpin bidang", "Laporan", "1000", "200")]))
    world.kabid.refresh_from_db()
    assert world.kabid.kebutuhan == 1


def test_negative_volume_is_refused_and_nothing_saved(client_as, hr_dinkes, world):
    url = reverse("positions:position_abk", args=[world.perawat.pk])
    response = client_as(hr_dinkes).post(url, _abk_post([("Tugas", "Dokumen", "-5", "60")]))
    assert response.status_code == 200
    assert not world.perawat.workload_tasks.exists()
    world.perawat.refresh_from_db()
    assert world.perawat.kebutuhan == 3


def test_abk_page_read_only_for_pimpinan(client_as, pimpinan, world):
    url = reverse("positions:position_abk", args=[world.perawat.pk])
    client = client_as(pimpinan)
    assert client.get(url).status_code == 200
    assert client.post(url, _abk_post([("x", "y", "1", "1")])).status_code == 403


def test_abk_page_of_another_dinas_is_404(client_as, hr_dishub, world):
    url = reverse("positions:position_abk", args=[world.perawat.pk])
    assert client_as(hr_dishub).get(url).status_code == 404


def test_jam_kerja_efektif_is_a_setting(settings, world):
    settings.JAM_KERJA_EFEKTIF_MENIT = 72000
    task = WorkloadTask(
        position=world.perawat,
        description="x",
        satuan_hasil="y",
        volume=Decimal(100),
        norma_waktu=Decimal(720),
    )
    assert services.abk_result([task]).kebutuhan == 1
    assert services.abk_result([task, task]).exact == Decimal("2.000")
