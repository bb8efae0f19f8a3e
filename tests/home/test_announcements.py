"""Pengumuman: who may post to which subtree, who sees them, who edits them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from home.models import BODY_MAX_LENGTH, Announcement
from positions.models import today

CREATE = reverse("home:announcement_create")
LIST = reverse("home:announcement_list")


def _post(client, unit, **overrides):
    data = {
        "unit": unit.pk,
        "title": "Batas pengajuan SKP",
        "body": "SKP tahun ini diajukan paling lambat akhir Januari.",
        "starts_on": today().isoformat(),
        "ends_on": (today() + dt.timedelta(days=10)).isoformat(),
        **overrides,
    }
    return client.post(CREATE, data)


def _announcement(author, unit, **fields) -> Announcement:
    values = {
        "title": "Pengumuman uji",
        "body": "Isi",
        "starts_on": today(),
        "ends_on": today() + dt.timedelta(days=3),
        **fields,
    }
    return Announcement.objects.create(author=author, unit=unit, **values)


def test_hr_posts_to_a_unit_in_scope(client_as, hr_dinkes, world):
    response = _post(client_as(hr_dinkes), world.yankes)
    assert response.status_code == 302
    announcement = Announcement.objects.get()
    assert (announcement.author, announcement.unit) == (hr_dinkes, world.yankes)


def test_hr_cannot_post_outside_scope(client_as, hr_dinkes, world):
    response = _post(client_as(hr_dinkes), world.dishub)
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Announcement.objects.exists()


def test_kepala_dinas_posts_to_their_dinas_only(client, world):
    kadis = world.kadis_emp.user
    client.force_login(kadis)
    assert _post(client, world.dinkes).status_code == 302
    assert _post(client, world.dishub).status_code == 200
    assert Announcement.objects.count() == 1


def test_pimpinan_posts_to_the_province(client_as, pimpinan, world):
    assert _post(client_as(pimpinan), world.pemprov).status_code == 302


@pytest.mark.parametrize("role", ["employee", "manager"])
def test_pegawai_and_kabid_may_not_post(client_as, request, world, role):
    client = client_as(request.getfixturevalue(role))
    assert client.get(CREATE).status_code == 403
    assert _post(client, world.yankes).status_code == 403
    assert client.get(LIST).status_code == 403


def test_body_has_a_maximum_length(client_as, hr_dinkes, world):
    response = _post(client_as(hr_dinkes), world.dinkes, body="x" * (BODY_MAX_LENGTH + 1))
    assert "body" in response.context["form"].errors
    assert not Announcement.objects.exists()


def test_validity_must_end_after_it_starts_and_not_run_for_months(client_as, hr_dinkes, world):
    client = client_as(hr_dinkes)
    backwards = _post(client, world.dinkes, ends_on=(today() - dt.timedelta(days=1)).isoformat())
    assert "ends_on" in backwards.context["form"].errors
    long = _post(client, world.dinkes, ends_on=(today() + dt.timedelta(days=200)).isoformat())
    assert "ends_on" in long.context["form"].errors
    garbage = _post(client, world.dinkes, starts_on="31-31-2026")
    assert garbage.status_code == 200 and "starts_on" in garbage.context["form"].errors
    assert not Announcement.objects.exists()


def test_visibility_follows_the_subtree(
    hr_dinkes, hr_dishub, pimpinan, employee, outsider, manager, world
):
    to_yankes = _announcement(hr_dinkes, world.yankes)
    to_province = _announcement(pimpinan, world.pemprov)

    def seen(user):
        return set(Announcement.objects.visible_to(user))

    assert seen(employee) == {to_yankes, to_province}
    assert seen(manager) == {to_yankes, to_province}
    assert seen(outsider) == {to_province}
    assert seen(hr_dishub) == {to_province}  # a parent of their scope: concerned
    assert seen(pimpinan) == {to_yankes, to_province}
    assert seen(hr_dinkes) == {to_yankes, to_province}


def test_author_and_scoped_hr_edit_others_get_403_or_404(
    client_as, hr_dinkes, hr_admin, hr_dishub, pimpinan, employee, world
):
    announcement = _announcement(hr_dinkes, world.yankes)
    url = reverse("home:announcement_edit", args=[announcement.pk])
    assert client_as(hr_dinkes).get(url).status_code == 200
    assert client_as(hr_admin).get(url).status_code == 200
    assert client_as(pimpinan).get(url).status_code == 403  # sees it, did not write it
    assert client_as(employee).get(url).status_code == 403
    assert client_as(hr_dishub).get(url).status_code == 404  # outside their scope


def test_author_edits_title_and_period(client_as, hr_dinkes, world):
    announcement = _announcement(hr_dinkes, world.yankes)
    url = reverse("home:announcement_edit", args=[announcement.pk])
    response = client_as(hr_dinkes).post(
        url,
        {
            "unit": world.yankes.pk,
            "title": "Judul baru",
            "body": "Isi baru",
            "starts_on": today().isoformat(),
            "ends_on": today().isoformat(),
        },
    )
    assert response.status_code == 302
    announcement.refresh_from_db()
    assert (announcement.title, announcement.ends_on) == ("Judul baru", today())


def test_list_shows_own_and_scoped_announcements(client_as, hr_admin, pimpinan, world):
    mine = _announcement(pimpinan, world.pemprov, title="Dari sekda")
    _announcement(hr_admin, world.dishub, title="Dari BKD")
    body = client_as(pimpinan).get(LIST).content.decode()
    assert "Dari sekda" in body and "Dari BKD" not in body
    body = client_as(hr_admin).get(LIST).content.decode()
    assert "Dari BKD" in body and "Dari sekda" in body  # pemprov lies in the BKD's scope
    assert reverse("home:announcement_edit", args=[mine.pk]) in body


# --- Panduan -------------------------------------------------------------------------------------


def test_panduan_explains_each_role_with_its_rule(client_as, manager, hr_dinkes, world):
    body = client_as(manager).get(reverse("home:panduan")).content.decode()
    assert "Pegawai" in body and "Pejabat penilai" in body
    assert "PermenPANRB 6/2022" in body
    assert "20 jam pelajaran" in body
    assert "Pengelola kepegawaian" not in body
    hr_body = client_as(hr_dinkes).get(reverse("home:panduan")).content.decode()
    assert "Pantau penetapan SKP" in hr_body
    assert "Setujui SKP bawahan" not in hr_body


def test_home_links_the_panduan(client_as, employee, world):
    body = client_as(employee).get(reverse("home:home")).content.decode()
    assert reverse("home:panduan") in body


def test_demo_pengumuman_are_seeded_once(world):
    from django.core.management import call_command

    from asnportal.models import User
    from positions.models import HRScope

    User.objects.create_user("sekda")
    hr = User.objects.create_user("hr.dinkes")
    HRScope.objects.create(user=hr, unit=world.dinkes, role=HRScope.Role.PENGELOLA)
    call_command("seed_demo_home")
    call_command("seed_demo_home")
    units = sorted(a.unit.name for a in Announcement.objects.current())
    assert units == ["Dinas Kesehatan", "Pemerintah Provinsi Uji"]


@pytest.mark.parametrize("pk", [0, 2**63, 10**30])
def test_missing_or_huge_ids_are_404(client_as, hr_dinkes, world, pk):
    url = reverse("home:announcement_edit", args=[pk])
    assert client_as(hr_dinkes).get(url).status_code == 404
