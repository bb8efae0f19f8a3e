from django.urls import reverse

URL = reverse("positions:dashboard")


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_pegawai_sees_own_position_and_penilai(client_as, employee, world):
    response = client_as(employee).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Perawat Ahli Muda" in body
    assert "Kabid Yankes" in body  # the penilai
    assert "Kadis Sehat" in body  # the atasan penilai
    assert "Lingkup pengelolaan" not in body


def test_penilai_sees_direct_subordinates(client_as, manager, world):
    response = client_as(manager).get(URL)
    subordinates = [p.employee for p in response.context["subordinates"]]
    assert set(subordinates) == {world.employee_emp, world.colleague_emp}
    assert response.context["team_size"] == 3


def test_hr_of_dinas_sees_figures_of_their_scope_only(client_as, hr_dinkes, world):
    response = client_as(hr_dinkes).get(URL)
    figures = response.context["hr"]
    assert figures["counts"]["total"] == 4  # kadis, kabid, two perawat
    assert figures["positions"]["total"] == 3
    assert figures["positions"]["vacant"] == 1  # perawat 2 of 3
    assert [row["unit"] for row in figures["per_opd"]] == [world.yankes]


def test_hr_bkd_sees_the_province_per_opd(client_as, hr_admin, world):
    figures = client_as(hr_admin).get(URL).context["hr"]
    assert figures["counts"]["total"] == 5
    assert figures["positions"]["vacant"] == 2  # perawat seat and kepala dinas perhubungan
    per_opd = {row["unit"].name: row["employees"] for row in figures["per_opd"]}
    assert per_opd == {"Dinas Kesehatan": 4, "Dinas Perhubungan": 1}


def test_pimpinan_sees_read_only_summary(client_as, pimpinan, world):
    response = client_as(pimpinan).get(URL)
    assert "pimpinan" in response.context
    assert "hr" not in response.context
    assert "Tambah pegawai" not in response.content.decode()


def test_dashboard_queries_do_not_grow_with_employees(
    client_as, hr_admin, world, django_assert_max_num_queries
):
    from tests.factories import EmployeeFactory, PlacementFactory

    client = client_as(hr_admin)
    client.get(URL)  # warm up
    for _ in range(10):
        PlacementFactory(employee=EmployeeFactory(unit=world.yankes), position=world.perawat)
    # session, user, HR scopes, headed posts, own employee, 3 figure aggregates, roots,
    # per-OPD employees, per-OPD positions, OPD units, scope units, nav employee
    with django_assert_max_num_queries(15):
        response = client.get(URL)
    assert response.status_code == 200
