import datetime as dt

import pytest
from django.urls import reverse

from positions.models import Competency, OrgUnit, Position, PositionCompetency


def test_tree_shows_scope_root_opened_one_level(client_as, hr_dinkes, world):
    response = client_as(hr_dinkes).get(reverse("positions:unit_list"))
    roots = response.context["roots"]
    assert roots == [world.dinkes]
    assert roots[0].expanded_children == [world.yankes]
    assert roots[0].employee_count == 4


def test_htmx_opens_and_closes_a_node(client_as, hr_admin, world):
    client = client_as(hr_admin)
    url = reverse("positions:unit_children", args=[world.dinkes.pk])
    opened = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "Bidang Pelayanan Kesehatan" in opened and 'aria-expanded="true"' in opened
    closed = client.get(url + "?tutup=1", headers={"HX-Request": "true"}).content.decode()
    assert "Bidang Pelayanan Kesehatan" not in closed and 'aria-expanded="false"' in closed


def test_node_outside_scope_is_404(client_as, hr_dishub, world):
    url = reverse("positions:unit_children", args=[world.dinkes.pk])
    assert client_as(hr_dishub).get(url, headers={"HX-Request": "true"}).status_code == 404


def test_hr_creates_renames_moves_and_closes_a_unit(client_as, hr_admin, world):
    client = client_as(hr_admin)
    response = client.post(
        reverse("positions:unit_create"),
        {"parent": world.dinkes.pk, "code": "DINKES-B9", "name": "Bidang Baru", "kind": "unit"},
    )
    assert response.status_code == 302
    unit = OrgUnit.objects.get(code="DINKES-B9")
    assert unit.path.startswith(world.dinkes.path)

    client.post(
        reverse("positions:unit_edit", args=[unit.pk]),
        {"code": "DINKES-B9", "name": "Bidang Sumber Daya Kesehatan", "kind": "unit"},
    )
    unit.refresh_from_db()
    assert unit.name == "Bidang Sumber Daya Kesehatan"

    response = client.post(
        reverse("positions:unit_move", args=[unit.pk]), {"target": world.dishub.pk}
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.path.startswith(world.dishub.path)

    response = client.post(
        reverse("positions:unit_close", args=[unit.pk]), {"closed_at": "2026-12-31"}
    )
    unit.refresh_from_db()
    assert unit.closed_at == dt.date(2026, 12, 31)


def test_unit_cannot_move_into_its_own_subtree(client_as, hr_admin, world):
    response = client_as(hr_admin).post(
        reverse("positions:unit_move", args=[world.dinkes.pk]), {"target": world.yankes.pk}
    )
    assert response.status_code == 200
    assert "Unit tujuan tidak dikenal" in response.context["form"].errors["target"][0]
    world.yankes.refresh_from_db()
    assert world.yankes.path.startswith(world.dinkes.path)


def test_unit_with_holders_cannot_be_closed(client_as, hr_admin, world):
    response = client_as(hr_admin).post(
        reverse("positions:unit_close", args=[world.yankes.pk]), {"closed_at": "2026-12-31"}
    )
    assert "pemangku jabatan aktif" in str(response.context["form"].non_field_errors())
    world.yankes.refresh_from_db()
    assert world.yankes.closed_at is None


def test_duplicate_unit_code_is_refused(client_as, hr_admin, world):
    response = client_as(hr_admin).post(
        reverse("positions:unit_create"),
        {"parent": world.dinkes.pk, "code": world.yankes.code, "name": "X", "kind": "unit"},
    )
    assert "code" in response.context["form"].errors


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("YK\";filename*=UTF-8''x.html", "hanya boleh berisi huruf"),
        ("18 DINKES", "hanya boleh berisi huruf"),
        ("197301031997072001", "tidak boleh 18 angka"),
    ],
)
def test_a_unit_code_is_plain_and_never_has_the_shape_of_a_nip(
    client_as, hr_dinkes, world, code, message
):
    """A code names files for download and keys the TTE certificate file, where 18 digits
    name a person's own certificate (performance.signing.NIP_KEY)."""
    response = client_as(hr_dinkes).post(
        reverse("positions:unit_edit", args=[world.yankes.pk]),
        {"code": code, "name": world.yankes.name, "kind": world.yankes.kind},
    )
    assert message in " ".join(response.context["form"].errors["code"])
    world.yankes.refresh_from_db()
    assert world.yankes.code != code


def test_unit_writes_are_403_for_pimpinan_and_404_outside_scope(
    client_as, pimpinan, hr_dishub, world
):
    url = reverse("positions:unit_edit", args=[world.yankes.pk])
    assert client_as(pimpinan).get(url).status_code == 403
    assert client_as(hr_dishub).get(url).status_code == 404


def _position_form(world, **overrides):
    data = {
        "unit": world.yankes.pk,
        "code": "YANKES-JF9",
        "name": "Epidemiolog Kesehatan",
        "jenis": "fungsional",
        "jenjang": "ahli_pertama",
        "kelas": 8,
        "parent": world.kabid.pk,
        "kebutuhan": 2,
        "min_education_level": "40",
        "min_golongan": "31",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_hr_creates_position_with_requirements(client_as, hr_dinkes, world):
    from positions.models import EducationField

    field = EducationField.objects.create(
        code="KES-KM", name="Kesehatan Masyarakat", group="kesehatan"
    )
    response = client_as(hr_dinkes).post(
        reverse("positions:position_create"), _position_form(world, accepted_fields=[field.pk])
    )
    assert response.status_code == 302
    position = Position.objects.get(code="YANKES-JF9")
    assert list(position.accepted_fields.all()) == [field]
    assert position.min_golongan == "31"


def test_position_form_errors(client_as, hr_dinkes, world):
    client = client_as(hr_dinkes)
    url = reverse("positions:position_create")
    bad = client.post(url, _position_form(world, jenjang=""))
    assert "jenjang" in bad.context["form"].errors
    bad = client.post(url, _position_form(world, kelas=18))
    assert "kelas" in bad.context["form"].errors
    bad = client.post(url, _position_form(world, unit=world.dishub.pk))
    assert "Unit tidak dikenal" in bad.context["form"].errors["unit"][0]
    assert not Position.objects.filter(code="YANKES-JF9").exists()


def test_structural_position_kebutuhan_is_forced_to_one(client_as, hr_dinkes, world):
    client_as(hr_dinkes).post(
        reverse("positions:position_create"),
        _position_form(
            world, jenis="pengawas", jenjang="", kebutuhan=4, code="YANKES-S9", name="Kepala Seksi"
        ),
    )
    assert Position.objects.get(code="YANKES-S9").kebutuhan == 1


def test_position_parent_cycle_is_refused(client_as, hr_dinkes, world):
    data = _position_form(
        world,
        code=world.kadis.code,
        name=world.kadis.name,
        jenis="jpt_pratama",
        jenjang="",
        kelas=14,
        parent=world.perawat.pk,
        unit=world.dinkes.pk,
    )
    response = client_as(hr_dinkes).post(
        reverse("positions:position_edit", args=[world.kadis.pk]), data
    )
    assert "lingkaran" in response.context["form"].errors["parent"][0]


def test_required_competencies_are_saved(client_as, hr_dinkes, world):
    integritas = Competency.objects.get(code="M.1")
    url = reverse("positions:position_competencies", args=[world.perawat.pk])
    data = {
        "required_competencies-TOTAL_FORMS": "1",
        "required_competencies-INITIAL_FORMS": "0",
        "required_competencies-MIN_NUM_FORMS": "0",
        "required_competencies-MAX_NUM_FORMS": "1000",
        "required_competencies-0-competency": integritas.pk,
        "required_competencies-0-level": "3",
    }
    assert client_as(hr_dinkes).post(url, data).status_code == 302
    assert PositionCompetency.objects.get(position=world.perawat).level == 3
    data["required_competencies-0-level"] = "6"
    response = client_as(hr_dinkes).post(url, data)
    assert response.status_code == 200


def test_competency_dictionary_is_seeded(db):
    codes = set(Competency.objects.filter(kind="manajerial").values_list("code", flat=True))
    assert codes == {f"M.{i}" for i in range(1, 9)}
    perekat = Competency.objects.get(code="SK.1")
    assert perekat.name == "Perekat Bangsa"
    assert perekat.levels.count() == 5
    assert "kemajemukan" in perekat.levels.get(level=1).description


def test_register_filters(client_as, hr_admin, world):
    client = client_as(hr_admin)
    url = reverse("positions:employee_list")
    by_unit = client.get(url, {"unit": world.dishub.pk})
    assert [e.name for e in by_unit.context["page"]] == ["Staf Dishub"]
    by_jenis = client.get(url, {"jenis": "fungsional"})
    assert {e.name for e in by_jenis.context["page"]} == {"Perawat Satu", "Perawat Dua"}
    by_golongan = client.get(url, {"golongan": "41"})
    assert list(by_golongan.context["page"]) == []


def test_placement_form_is_prefilled_from_candidates_link(client_as, hr_admin, world):
    url = reverse("positions:placement_create", args=[world.colleague_emp.pk])
    response = client_as(hr_admin).get(url, {"position": world.kabid.pk, "kind": "plt"})
    form = response.context["form"]
    assert str(form["position"].value()) == str(world.kabid.pk)
    assert form["kind"].value() == "plt"
