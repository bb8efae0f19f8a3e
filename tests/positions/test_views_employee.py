import datetime as dt

import pytest
from django.urls import reverse

from positions.models import Employee, Placement
from tests.factories import PositionFactory


def detail(emp):
    return reverse("positions:employee_detail", args=[emp.pk])


def edit(emp):
    return reverse("positions:employee_edit", args=[emp.pk])


# --- the quartet on the profile page ------------------------------------------------


def test_owner_sees_own_profile(client_as, employee, world):
    response = client_as(employee).get(detail(world.employee_emp))
    assert response.status_code == 200
    assert response.context["penilai"] == world.manager_emp


def test_penilai_sees_subordinate_profile(client_as, manager, world):
    assert client_as(manager).get(detail(world.employee_emp)).status_code == 200


def test_outsider_gets_404(client_as, outsider, world):
    assert client_as(outsider).get(detail(world.employee_emp)).status_code == 404


def test_hr_of_another_dinas_gets_404(client_as, hr_dishub, world):
    assert client_as(hr_dishub).get(detail(world.employee_emp)).status_code == 404
    assert client_as(hr_dishub).get(edit(world.employee_emp)).status_code == 404


def test_read_only_pimpinan_gets_403_on_edit(client_as, pimpinan, world):
    client = client_as(pimpinan)
    assert client.get(detail(world.employee_emp)).status_code == 200
    assert client.get(edit(world.employee_emp)).status_code == 403
    assert client.post(edit(world.employee_emp), {"name": "X"}).status_code == 403


def test_pegawai_cannot_edit_own_record(client_as, employee, world):
    assert client_as(employee).get(edit(world.employee_emp)).status_code == 403


def test_pegawai_cannot_open_registers(client_as, employee, world):
    client = client_as(employee)
    for name in ["positions:employee_list", "positions:position_list", "positions:unit_list"]:
        assert client.get(reverse(name)).status_code == 403


# --- create: bad input writes nothing ------------------------------------------------


def _form(world, **overrides):
    data = {
        "nip": "198609262015051001",
        "kind": "pns",
        "name": "Budi Santoso",
        "gender": "L",
        "birth_place": "Metro",
        "birth_date": "1986-09-26",
        "golongan": "31",
        "unit": world.yankes.pk,
        "status": "aktif",
    }
    data.update(overrides)
    return data


def test_hr_creates_employee(client_as, hr_dinkes, world):
    response = client_as(hr_dinkes).post(reverse("positions:employee_create"), _form(world))
    created = Employee.objects.get(nip="198609262015051001")
    assert response.status_code == 302
    assert response["Location"] == detail(created)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"nip": "19860926201505100"}, "nip", "18 digit"),
        ({"nip": "198609262015131001"}, "nip", "bulan 01–12"),
        ({"birth_date": "1986-09-25"}, "birth_date", "tidak sesuai dengan NIP"),
        ({"gender": "P"}, "gender", "digit ke-15"),
        ({"golongan": "P09"}, "golongan", "golongan ruang"),
        ({"unit": 999999}, "unit", "Unit tidak dikenal"),
    ],
)
def test_bad_input_gets_indonesian_message_and_writes_nothing(
    client_as, hr_dinkes, world, overrides, field, message
):
    before = Employee.objects.count()
    response = client_as(hr_dinkes).post(
        reverse("positions:employee_create"), _form(world, **overrides)
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Employee.objects.count() == before


def test_unit_outside_scope_is_refused(client_as, hr_dinkes, world):
    response = client_as(hr_dinkes).post(
        reverse("positions:employee_create"), _form(world, unit=world.dishub.pk)
    )
    assert "Unit tidak dikenal" in response.context["form"].errors["unit"][0]
    assert not Employee.objects.filter(nip="198609262015051001").exists()


def test_duplicate_nip_is_refused(client_as, hr_dinkes, world):
    response = client_as(hr_dinkes).post(
        reverse("positions:employee_create"),
        _form(world, nip=world.employee_emp.nip, birth_date="1985-06-15"),
    )
    assert "nip" in response.context["form"].errors
    assert Employee.objects.filter(nip=world.employee_emp.nip).count() == 1


def test_only_hr_may_create(client_as, manager, world):
    assert client_as(manager).get(reverse("positions:employee_create")).status_code == 403


# --- placement form ------------------------------------------------------------------


DEFINITIF = {"kind": "definitif", "start_date": "2026-03-01", "sk_date": "2026-02-20"}


def _placement(position, **overrides):
    """The placement form's POST data: a definitif placement on `position` from 1 March."""
    return {
        "position": position.pk,
        **DEFINITIF,
        "sk_number": "800.1.3/123/VI.04/2026",
        **overrides,
    }


def test_second_definitive_holder_of_structural_position_is_refused(client_as, hr_dinkes, world):
    url = reverse("positions:placement_create", args=[world.colleague_emp.pk])
    response = client_as(hr_dinkes).post(url, _placement(world.kabid))
    assert response.status_code == 200
    assert "sudah dijabat secara definitif" in str(response.context["form"].errors)
    # Nothing written: the colleague keeps exactly the one open placement.
    assert list(world.colleague_emp.placements.values_list("end_date", flat=True)) == [None]


def test_hr_moves_employee_and_history_is_kept(client_as, hr_admin, world):
    seat = PositionFactory(unit=world.dishub, parent=world.kadis_dishub, kebutuhan=2)
    url = reverse("positions:placement_create", args=[world.colleague_emp.pk])
    response = client_as(hr_admin).post(url, _placement(seat, kind="definitif"))
    assert response.status_code == 302
    rows = list(world.colleague_emp.placements.order_by("start_date"))
    assert [r.end_date for r in rows] == [dt.date(2026, 2, 28), None]


def test_placement_over_kebutuhan_asks_for_confirmation(client_as, hr_admin, world):
    url = reverse("positions:placement_create", args=[world.colleague_emp.pk])
    client = client_as(hr_admin)
    response = client.post(url, _placement(world.staf_dishub))
    assert response.context["needs_confirmation"]
    assert Placement.objects.filter(position=world.staf_dishub).count() == 1
    response = client.post(url, _placement(world.staf_dishub, confirm_over_kebutuhan="on"))
    assert response.status_code == 302


def test_the_confirmation_boxes_show_only_once_they_apply(client_as, hr_admin, world):
    """Both 'saya sadar …' boxes stood on the empty form, before anything was unusual."""
    url = reverse("positions:placement_create", args=[world.colleague_emp.pk])
    client = client_as(hr_admin)
    boxes = (
        'type="checkbox" name="confirm_over_kebutuhan"',
        'type="checkbox" name="confirm_sk_date"',
    )
    page = client.get(url).content.decode()
    assert not any(box in page for box in boxes)
    assert "Periksa lalu simpan penempatan" in page
    over = client.post(url, _placement(world.staf_dishub)).content.decode()  # the post is full
    assert boxes[0] in over and boxes[1] not in over
    late_sk = _placement(world.staf_dishub, sk_date="2026-03-05", pratinjau="1")
    page = client.post(url, late_sk).content.decode()  # SK signed after the TMT
    assert boxes[1] in page and boxes[0] not in page


def test_unknown_position_is_refused(client_as, hr_dinkes, world):
    url = reverse("positions:placement_create", args=[world.colleague_emp.pk])
    response = client_as(hr_dinkes).post(url, _placement(world.staf_dishub))  # other dinas
    assert "Jabatan tidak dikenal" in response.context["form"].errors["position"][0]


def test_hr_ends_a_placement(client_as, hr_dinkes, world):
    placement = world.colleague_emp.placements.get()
    url = reverse("positions:placement_end", args=[placement.pk])
    response = client_as(hr_dinkes).post(url, {"end_date": "2026-10-31", "reason": "pensiun"})
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.end_date == dt.date(2026, 10, 31)


def test_end_placement_outside_scope_is_404(client_as, hr_dishub, world):
    placement = world.colleague_emp.placements.get()
    url = reverse("positions:placement_end", args=[placement.pk])
    assert client_as(hr_dishub).get(url).status_code == 404


def test_education_is_added(client_as, hr_dinkes, world):
    url = reverse("positions:education_create", args=[world.employee_emp.pk])
    response = client_as(hr_dinkes).post(
        url, {"level": "40", "institution": "Universitas Lampung", "graduation_year": 2008}
    )
    assert response.status_code == 302
    assert world.employee_emp.educations.count() == 1


def test_education_year_in_future_is_refused(client_as, hr_dinkes, world):
    url = reverse("positions:education_create", args=[world.employee_emp.pk])
    response = client_as(hr_dinkes).post(url, {"level": "40", "graduation_year": 2999})
    assert "graduation_year" in response.context["form"].errors
    assert world.employee_emp.educations.count() == 0


def test_duplicate_education_gets_a_message_not_a_500(client_as, hr_dinkes, world):
    url = reverse("positions:education_create", args=[world.employee_emp.pk])
    client = client_as(hr_dinkes)
    data = {"level": "40", "institution": "Universitas Lampung", "graduation_year": 2008}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 200
    assert "sudah tercatat" in response.content.decode()
    assert world.employee_emp.educations.count() == 1
