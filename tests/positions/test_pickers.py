"""Searchable pickers: posts and employees labelled with unit and perangkat daerah, scoped to
the user; the placement form asks before placing; odd SK dates need a confirmation."""

import datetime as dt

import pytest
from django.urls import reverse

from positions.models import Placement, today
from tests.factories import PositionFactory


@pytest.mark.django_db
def test_position_choices_match_unit_and_opd_and_stay_in_scope(world, client_as, hr_dinkes):
    PositionFactory(unit=world.dishub, name="Perawat Dishub")
    client = client_as(hr_dinkes)
    body = client.get(reverse("positions:position_choices"), {"q": "perawat pelayanan"}).content
    text = body.decode()
    assert "Perawat" in text and "Bidang Pelayanan Kesehatan · Dinas Kesehatan" in text
    assert "Dishub" not in text  # another OPD: outside hr_dinkes' scope
    assert 'role="status"' in text and "1 hasil ditemukan" in text
    # The OPD name alone finds the posts under it.
    assert (
        "Kepala Bidang Yankes"
        in client.get(
            reverse("positions:position_choices"), {"q": "Dinas Kesehatan"}
        ).content.decode()
    )


@pytest.mark.django_db
def test_pickers_refuse_non_hr(world, client_as, employee):
    assert client_as(employee).get(reverse("positions:position_choices")).status_code == 403
    assert client_as(employee).get(reverse("positions:employee_choices")).status_code == 403


@pytest.mark.django_db
def test_employee_choices_by_name_or_nip(world, client_as, hr_admin):
    client = client_as(hr_admin)
    text = client.get(reverse("positions:employee_choices"), {"q": "Perawat Satu"}).content
    assert "Perawat Satu" in text.decode() and "Dinas Kesehatan" in text.decode()
    nip = world.employee_emp.nip
    text = client.get(reverse("positions:employee_choices"), {"q": nip[:14]}).content.decode()
    assert nip in text


@pytest.mark.django_db
def test_placement_form_renders_a_search_box_and_few_options(world, client_as, hr_admin):
    for i in range(60):
        PositionFactory(unit=world.yankes, name=f"Pengadministrasi {i}")
    page = client_as(hr_admin).get(
        reverse("positions:placement_create", args=[world.outsider_emp.pk])
    )
    text = page.content.decode()
    assert 'type="search"' in text and reverse("positions:position_choices") in text
    assert text.count("<option") <= 52 + 6  # position (empty + 50) + kind choices


def _placement_data(world, **extra):
    tmt = today()
    return {
        "position": world.perawat.pk,
        "kind": "definitif",
        "start_date": tmt.isoformat(),
        "sk_number": "800/1/2026",
        "sk_date": (tmt - dt.timedelta(days=2)).isoformat(),
        **extra,
    }


@pytest.mark.django_db
def test_placement_asks_first_then_places(world, client_as, hr_admin):
    client = client_as(hr_admin)
    url = reverse("positions:placement_create", args=[world.outsider_emp.pk])
    preview = client.post(url, _placement_data(world, pratinjau="1"))
    text = preview.content.decode()
    assert "Konfirmasi penempatan" in text and "Ya, tempatkan" in text
    assert "berakhir pada" in text  # the previous definitive post closes the day before TMT
    assert "Unit kerja pegawai pindah ke Bidang Pelayanan Kesehatan sekarang" in text
    assert not Placement.objects.filter(employee=world.outsider_emp, position=world.perawat)
    later = (today() + dt.timedelta(days=30)).isoformat()
    text = client.post(url, _placement_data(world, pratinjau="1", start_date=later))
    assert "sampai saat itu pegawai tetap di unit lamanya" in text.content.decode()
    client.post(url, _placement_data(world))
    assert Placement.objects.filter(employee=world.outsider_emp, position=world.perawat).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("days", [5, "after_tmt"])
def test_sk_date_in_future_or_after_tmt_needs_confirmation(world, client_as, hr_admin, days):
    client = client_as(hr_admin)
    url = reverse("positions:placement_create", args=[world.outsider_emp.pk])
    tmt = today() - dt.timedelta(days=10)
    sk = today() + dt.timedelta(days=5) if days == 5 else tmt + dt.timedelta(days=3)
    data = _placement_data(world, start_date=tmt.isoformat(), sk_date=sk.isoformat())
    response = client.post(url, data)
    assert "lebih lambat dari" in response.content.decode()
    assert not Placement.objects.filter(employee=world.outsider_emp, position=world.perawat)
    client.post(url, {**data, "confirm_sk_date": "on"})
    assert Placement.objects.filter(employee=world.outsider_emp, position=world.perawat).exists()


@pytest.mark.django_db
def test_lists_carry_the_opd_and_the_search_box_has_one_type(world, client_as, hr_admin):
    client = client_as(hr_admin)
    register = client.get(reverse("positions:employee_list")).content.decode()
    box = next(tag.split(">")[0] for tag in register.split("<input") if 'name="q"' in tag)
    assert box.count("type=") == 1 and 'type="search"' in box
    assert 'Bidang Pelayanan Kesehatan<div class="text-muted">Dinas Kesehatan</div>' in register
    positions = client.get(reverse("positions:position_list")).content.decode()
    assert '<div class="text-muted">Dinas Kesehatan</div>' in positions
