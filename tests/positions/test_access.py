"""positions.access.get_object_for: one check order everywhere (404 outside the visible
scope, then 403 for a read-only user), and the superuser folded into Scopes."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from asnportal.models import User
from positions.access import get_object_for, require_hr
from positions.models import Employee, OrgUnit, Placement, Position, scopes_for


def test_outside_the_scope_is_404_even_when_writing(world, hr_dishub):
    with pytest.raises(Http404):
        get_object_for(hr_dishub, Position.objects.all(), world.perawat.pk, write=True)
    with pytest.raises(Http404):
        get_object_for(hr_dishub, Position.objects.all(), 10**11)


def test_visible_but_read_only_is_403_only_when_writing(world, pimpinan, manager):
    assert get_object_for(pimpinan, Position.objects.all(), world.perawat.pk) == world.perawat
    for reader in (pimpinan, manager):
        with pytest.raises(PermissionDenied):
            get_object_for(reader, Position.objects.all(), world.perawat.pk, write=True)


def test_write_scope_and_a_custom_path(world, hr_dinkes):
    unit = get_object_for(hr_dinkes, OrgUnit.objects.all(), world.yankes.pk, write=True)
    assert unit == world.yankes
    placement = Placement.objects.get(employee=world.employee_emp)
    found = get_object_for(
        hr_dinkes,
        Placement.objects.select_related("employee__unit"),
        placement.pk,
        write=True,
        path=lambda p: p.employee.unit.path,
    )
    assert found == placement


def test_a_superuser_writes_everywhere_without_scope_records(world):
    admin = User.objects.create_superuser(username="root", password="x-unused-x")
    scopes = scopes_for(admin)
    assert scopes.superuser and not scopes.write_paths
    assert scopes.can_write_path(world.dishub.path)
    assert require_hr(admin) is scopes
    emp = get_object_for(admin, Employee.objects.all(), world.outsider_emp.pk, write=True)
    assert emp == world.outsider_emp


def test_pegawai_gets_the_same_status_on_a_position_page_and_its_edit_page(
    client_as, employee, world
):
    # Issue 16: position_detail answered 403 and position_edit 404; both are outside the
    # pegawai's scope, so both are 404 now.
    client = client_as(employee)
    detail = client.get(reverse("positions:position_detail", args=[world.perawat.pk]))
    edit = client.get(reverse("positions:position_edit", args=[world.perawat.pk]))
    assert detail.status_code == edit.status_code == 404
