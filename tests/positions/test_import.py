"""Excel import: template, preview with every row's problems, all-or-nothing commit."""

import datetime as dt
import io

import openpyxl
import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, OperationalError
from django.urls import reverse
from django.utils import timezone

from positions import importing, services, tasks
from positions.importing import commit as commit_module
from positions.models import Employee, ImportBatch, Placement, today
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory
from tests.positions.import_rows import person, placed, xlsx

UPLOAD = reverse("positions:import_upload")
TEMPLATE = reverse("positions:import_template")


def preview_url(batch):
    return reverse("positions:import_preview", args=[batch.pk])


def commit_url(batch):
    return reverse("positions:import_commit", args=[batch.pk])


@pytest.fixture
def post_commit(django_capture_on_commit_callbacks):
    """POST the commit button and run what it enqueued on commit: the Celery task (eager)."""

    def post(client, batch):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(commit_url(batch))

    return post


def upload(client, rows, **kwargs):
    return client.post(UPLOAD, {"file": xlsx(rows, **kwargs)})


def latest_batch():
    return ImportBatch.objects.latest("pk")


@pytest.fixture
def one_row_batch(client_as, hr_dinkes, world):
    """HR of Dinas Kesehatan's client and the batch of one valid row it just uploaded."""
    client = client_as(hr_dinkes)
    upload(client, [person(1, unit_code=world.yankes.code)])
    return client, latest_batch()


def raising(error):
    """A stand-in for a function of the commit that fails with `error`."""

    def broken(*args, **kwargs):
        raise error

    return broken


def errors_by_row(batch):
    return {r["row"]: r["errors"] for r in batch.rows}


# --- template -----------------------------------------------------------------------


def test_template_is_an_xlsx_with_the_headers_and_instructions(client_as, hr_dinkes, world):
    response = client_as(hr_dinkes).get(TEMPLATE)
    assert response.status_code == 200
    assert response["Content-Type"] == importing.XLSX_CONTENT_TYPE
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook["Pegawai"]
    headers = [cell.value for cell in sheet[1]]
    assert headers == [c.header for c in importing.COLUMNS]
    assert "Kode unit" in headers and "Kode jabatan" in headers
    assert sheet["A2"].value == importing.EXAMPLE["nip"]  # the example row
    instructions = [row[0] for row in workbook["Petunjuk"].iter_rows(values_only=True)]
    assert "Golongan" in instructions and "III/a" in instructions and "IX" in instructions
    codes = [row[0] for row in workbook["Kode jabatan & unit"].iter_rows(values_only=True)]
    assert world.perawat.code in codes
    assert world.staf_dishub.code not in codes  # only codes within the user's scope


def test_template_example_row_left_in_place_is_an_error(client_as, hr_dinkes, world):
    client = client_as(hr_dinkes)
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(TEMPLATE).content))
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.post(UPLOAD, {"file": SimpleUploadedFile("templat.xlsx", buffer.getvalue())})
    assert "baris contoh" in " ".join(errors_by_row(latest_batch())[2])


# --- access -------------------------------------------------------------------------


def test_hr_sees_the_upload_page(client_as, hr_dinkes, world):
    response = client_as(hr_dinkes).get(UPLOAD)
    assert response.status_code == 200
    assert reverse("positions:import_template") in response.content.decode()


def test_pimpinan_gets_403_on_upload(client_as, pimpinan, world):
    client = client_as(pimpinan)
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, [person(1, unit_code=world.yankes.code)]).status_code == 403
    assert client.get(TEMPLATE).status_code == 403
    assert not ImportBatch.objects.exists()


def test_pegawai_gets_403_on_upload(client_as, employee, world):
    assert client_as(employee).get(UPLOAD).status_code == 403


def test_hr_of_another_dinas_gets_404_on_someone_elses_batch(
    client_as, hr_dinkes, hr_dishub, world
):
    upload(client_as(hr_dinkes), [person(1, unit_code=world.yankes.code)])
    batch = latest_batch()
    client = client_as(hr_dishub)
    assert client.get(preview_url(batch)).status_code == 404
    assert client.post(commit_url(batch)).status_code == 404
    assert not Employee.objects.filter(name="Pegawai Impor 1").exists()


def test_pimpinan_cannot_open_or_commit_a_batch(client_as, hr_dinkes, pimpinan, world):
    upload(client_as(hr_dinkes), [person(1, unit_code=world.yankes.code)])
    batch = latest_batch()
    client = client_as(pimpinan)
    assert client.get(preview_url(batch)).status_code == 403
    assert client.post(commit_url(batch)).status_code == 403


# --- a good file ----------------------------------------------------------------------


def test_good_file_previews_without_errors_and_commits(client_as, hr_dinkes, world, post_commit):
    client = client_as(hr_dinkes)
    staf = PositionFactory(unit=world.yankes, code="YANKES-STAF", kebutuhan=5)
    rows = [
        placed(1, staf),
        placed(2, world.perawat, golongan="31", gender="P"),
        person(3, unit_code=world.yankes.code, kind="PPPK", golongan="IX"),
    ]

    response = upload(client, rows)
    batch = latest_batch()
    assert response.status_code == 302
    assert response["Location"] == preview_url(batch)
    assert errors_by_row(batch) == {2: [], 3: [], 4: []}
    assert batch.summary["to_create"] == 3 and batch.summary["to_place"] == 2
    preview = client.get(preview_url(batch))
    assert preview.status_code == 200
    assert preview.context["can_commit"]

    response = post_commit(client, batch)
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED
    assert batch.summary["created"] == 3 and batch.summary["placed"] == 2
    first = Employee.objects.get(nip=rows[0]["nip"])
    assert first.unit == world.yankes
    assert first.full_name == "Pegawai Impor 1, S.Kep."
    assert first.tmt_golongan == dt.date(2020, 4, 1)
    placement = first.placements.get()
    assert placement.position == staf
    assert (placement.start_date, placement.sk_date) == (dt.date(2024, 1, 2), dt.date(2023, 12, 20))
    pppk = Employee.objects.get(nip=rows[2]["nip"])
    assert (pppk.kind, pppk.golongan, pppk.unit) == ("pppk", "P09", world.yankes)
    assert not pppk.placements.exists()


def _move_row(emp, position, *, tmt: str, sk_date: str) -> dict:
    """A row that moves an existing employee (golongan III/b) into `position` on `tmt`."""
    return {
        "nip": emp.nip,
        "name": emp.name,
        "kind": "PNS",
        "gender": emp.gender,
        "birth_date": emp.birth_date,
        "golongan": "III/b",
        "position_code": position.code,
        "tmt_jabatan": tmt,
        "sk_number": f"800/9/{sk_date[-4:]}",
        "sk_date": sk_date,
    }


def test_definitive_placement_of_an_existing_employee_closes_the_previous_one(
    client_as, hr_dinkes, world, post_commit
):
    emp = world.employee_emp  # perawat since 01-01-2024
    staf = PositionFactory(unit=world.yankes, code="YANKES-STAF")
    row = _move_row(emp, staf, tmt="01-03-2025", sk_date="20-02-2025")
    client = client_as(hr_dinkes)
    upload(client, [row])
    batch = latest_batch()
    assert batch.rows[0]["action"] == "update"
    post_commit(client, batch)
    emp.refresh_from_db()
    assert emp.golongan == "32"
    previous = emp.placements.get(position=world.perawat)
    assert previous.end_date == dt.date(2025, 2, 28)
    assert emp.placements.open().get().position == staf
    assert Employee.objects.filter(nip=emp.nip).count() == 1


def test_an_imported_move_dated_ahead_keeps_the_unit_kerja_until_its_tmt(
    client_as, hr_admin, world, post_commit
):
    """As in the placement form: the person moves to the new post's unit on the TMT."""
    emp = world.employee_emp  # perawat of Bidang Yankes
    seat = PositionFactory(unit=world.dishub, code="DISHUB-STAF", parent=world.kadis_dishub)
    tmt = today() + dt.timedelta(days=20)
    row = _move_row(emp, seat, tmt=f"{tmt:%d-%m-%Y}", sk_date=f"{today():%d-%m-%Y}")
    client = client_as(hr_admin)
    upload(client, [row])
    batch = latest_batch()
    assert not batch.rows[0]["errors"], batch.rows[0]["errors"]
    post_commit(client, batch)
    emp.refresh_from_db()
    assert emp.unit == world.yankes
    assert emp.placements.open().filter(position=seat).exists()
    assert services.move_units_to_current_posts(on=tmt) == 1
    emp.refresh_from_db()
    assert emp.unit == world.dishub


# --- every problem on its row ----------------------------------------------------------


def _bad_nip(world):
    return person(9, nip="1990011020140310")  # 16 digits


def _nip_disagrees_with_birth_date(world):
    return person(9, unit_code=world.yankes.code, birth_date="11-01-1991")


def _unknown_unit(world):
    return person(9, unit_code="TIDAK-ADA")


def _unknown_position(world):
    return placed(9, world.perawat, position_code="JAB-TIDAK-ADA")


def _position_outside_scope(world):
    return placed(9, world.staf_dishub)


def _tmt_before_adulthood(world):
    return placed(9, world.perawat, tmt_jabatan="01-01-2000")


def _unparseable_date(world):
    return placed(9, world.perawat, sk_date="31-02-2023")


def _sk_date_in_future(world):
    return placed(9, world.perawat, sk_date="01-01-2999")


def _unknown_golongan(world):
    return person(9, unit_code=world.yankes.code, golongan="III/f")


def _structural_position_already_held(world):
    return placed(9, world.kabid)


def _missing_required(world):
    return person(9, unit_code=world.yankes.code, name="", golongan="")


PROBLEMS = [
    (_bad_nip, "18 digit"),
    (_nip_disagrees_with_birth_date, "tidak sesuai dengan NIP"),
    (_unknown_unit, "Kode unit TIDAK-ADA tidak dikenal atau di luar lingkup Anda"),
    (_unknown_position, "Kode jabatan JAB-TIDAK-ADA tidak dikenal atau di luar lingkup Anda"),
    (_position_outside_scope, "tidak dikenal atau di luar lingkup Anda"),
    (_tmt_before_adulthood, "sebelum pegawai berusia 18 tahun"),
    (_unparseable_date, "'31-02-2023' bukan tanggal yang valid"),
    (_sk_date_in_future, "di masa depan"),
    (_unknown_golongan, "Golongan 'III/f' tidak dikenal"),
    (_structural_position_already_held, "sudah dijabat secara definitif oleh Kabid Yankes"),
    (_missing_required, "Nama (tanpa gelar) wajib diisi"),
]


@pytest.mark.parametrize(("make_row", "message"), PROBLEMS, ids=[p[0].__name__ for p in PROBLEMS])
def test_problem_is_reported_on_its_row(client_as, hr_dinkes, world, make_row, message):
    response = upload(
        client_as(hr_dinkes), [person(1, unit_code=world.yankes.code), make_row(world)]
    )
    assert response.status_code == 302
    errors = errors_by_row(latest_batch())
    assert errors[2] == []
    assert any(message in e for e in errors[3]), errors[3]


def test_every_problem_of_a_row_is_listed(client_as, hr_dinkes, world):
    row = placed(9, world.staf_dishub, nip="123", gender="X", tmt_jabatan="kemarin")
    upload(client_as(hr_dinkes), [row])
    errors = errors_by_row(latest_batch())[2]
    assert len(errors) >= 4
    assert any("18 digit" in e for e in errors)
    assert any("Jenis kelamin 'X'" in e for e in errors)
    assert any("TMT jabatan 'kemarin'" in e for e in errors)
    assert any("Kode jabatan" in e for e in errors)


def test_duplicate_nip_in_file_is_flagged_on_every_later_occurrence(client_as, hr_dinkes, world):
    row = person(1, unit_code=world.yankes.code)
    upload(client_as(hr_dinkes), [row, person(2, unit_code=world.yankes.code), row, row])
    errors = errors_by_row(latest_batch())
    assert errors[2] == [] and errors[3] == []
    for number in (4, 5):
        assert errors[number] == [f"NIP {row['nip']} sudah muncul di baris 2 (NIP ganda)."]


def test_second_definitive_holder_of_a_structural_position_in_the_file(client_as, hr_dinkes, world):
    seksi = PositionFactory(unit=world.yankes, jenis="pengawas", kelas=9, parent=world.kabid)
    upload(client_as(hr_dinkes), [placed(1, seksi), placed(2, seksi)])
    errors = errors_by_row(latest_batch())
    assert errors[2] == []
    assert "juga diberikan kepada baris 2" in errors[3][0]


def test_plt_of_a_held_structural_position_is_allowed(client_as, hr_dinkes, world):
    row = placed(1, world.kabid, placement_kind="plt", unit_code=world.yankes.code)
    upload(client_as(hr_dinkes), [row])
    assert errors_by_row(latest_batch()) == {2: []}


def test_employee_registered_in_another_dinas_cannot_be_overwritten(client_as, hr_dinkes, world):
    other = world.outsider_emp
    row = person(1, nip=other.nip, birth_date=other.birth_date, unit_code=world.yankes.code)
    upload(client_as(hr_dinkes), [row])
    assert "di luar lingkup Anda" in errors_by_row(latest_batch())[2][0]


def test_over_kebutuhan_is_a_warning_not_an_error(client_as, hr_dinkes, world):
    # perawat: kebutuhan 3, two holders already
    upload(client_as(hr_dinkes), [placed(1, world.perawat), placed(2, world.perawat)])
    batch = latest_batch()
    assert errors_by_row(batch) == {2: [], 3: []}
    assert batch.rows[0]["warnings"] == []
    assert "akan terisi 4 dari kebutuhan 3" in batch.rows[1]["warnings"][0]


def test_nip_typed_as_a_number_is_reported(client_as, hr_dinkes, world):
    upload(client_as(hr_dinkes), [person(1, nip=1.99001022014031e17, unit_code=world.yankes.code)])
    assert "Format kolom NIP sebagai Teks" in errors_by_row(latest_batch())[2][0]


# --- all or nothing --------------------------------------------------------------------


def test_file_with_any_error_cannot_be_committed_and_writes_nothing(
    client_as, hr_dinkes, world, post_commit
):
    client = client_as(hr_dinkes)
    upload(client, [person(1, unit_code=world.yankes.code), person(2, unit_code="TIDAK-ADA")])
    batch = latest_batch()
    count = Employee.objects.count()
    assert (batch.summary["errors"], batch.summary["to_create"]) == (1, 1)
    assert not client.get(preview_url(batch)).context["can_commit"]

    response = post_commit(client, batch)
    assert response.status_code == 302
    assert "masih ada baris bermasalah" in str(next(iter(get_messages(response.wsgi_request))))
    assert Employee.objects.count() == count
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEW


def test_failure_midway_rolls_back_everything(
    client_as, hr_dinkes, world, monkeypatch, post_commit
):
    staf = PositionFactory(unit=world.yankes, kebutuhan=5)
    client = client_as(hr_dinkes)
    upload(client, [placed(1, staf), placed(2, staf)])
    batch = latest_batch()
    real_bulk_create = commit_module.bulk_create_with_history

    def fail_on_placements(objs, model, **kwargs):
        # Failure injection: the database refuses the placements after the employees (and
        # their history rows) were inserted in the same transaction.
        if model is Placement:
            raise IntegrityError("placement_one_open_definitive_per_employee")
        return real_bulk_create(objs, model, **kwargs)

    monkeypatch.setattr(commit_module, "bulk_create_with_history", fail_on_placements)
    counts = (
        Employee.objects.count(),
        Employee.history.count(),
        Placement.objects.count(),
        Placement.history.count(),
    )
    post_commit(client, batch)

    assert (
        Employee.objects.count(),
        Employee.history.count(),
        Placement.objects.count(),
        Placement.history.count(),
    ) == counts
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert "bertabrakan dengan perubahan lain" in batch.summary["error"]
    page = client.get(preview_url(batch))
    assert "Penyimpanan terakhir dibatalkan seluruhnya" in page.content.decode()
    assert page.context["can_commit"]  # the owner may try again once the cause is gone


def test_a_database_error_in_the_task_is_recorded_in_indonesian(
    one_row_batch, monkeypatch, post_commit
):
    client, batch = one_row_batch
    monkeypatch.setattr(
        commit_module,
        "bulk_create_with_history",
        raising(OperationalError("server closed the connection unexpectedly")),
    )
    post_commit(client, batch)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert "kesalahan pada basis data" in batch.summary["error"]
    assert not Employee.objects.filter(nip=batch.rows[0]["values"]["nip"]).exists()


def test_changes_since_the_preview_are_caught_at_commit(client_as, hr_dinkes, world, post_commit):
    seksi = PositionFactory(unit=world.yankes, jenis="pengawas", kelas=9, parent=world.kabid)
    client = client_as(hr_dinkes)
    upload(client, [person(1, unit_code=world.yankes.code), placed(2, seksi)])
    batch = latest_batch()
    PlacementFactory(employee=EmployeeFactory(unit=world.yankes), position=seksi)
    count = Employee.objects.count()

    post_commit(client, batch)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert "berubah sejak pratinjau" in batch.summary["error"]
    assert Employee.objects.count() == count


def test_second_commit_of_the_same_batch_is_refused(one_row_batch, post_commit):
    client, batch = one_row_batch
    post_commit(client, batch)
    response = post_commit(client, batch)
    assert "tidak dapat disimpan dua kali" in str(list(get_messages(response.wsgi_request))[-1])
    assert Employee.objects.filter(name="Pegawai Impor 1").count() == 1


# --- the commit runs as a Celery task ------------------------------------------------------


def test_commit_is_queued_and_saved_by_the_task_after_the_request(
    client_as, hr_dinkes, world, django_capture_on_commit_callbacks
):
    staf = PositionFactory(unit=world.yankes, kebutuhan=5)
    client = client_as(hr_dinkes)
    upload(client, [placed(1, staf), person(2, unit_code=world.yankes.code)])
    batch = latest_batch()

    with django_capture_on_commit_callbacks() as enqueued:
        response = client.post(commit_url(batch))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.QUEUED
    assert not Employee.objects.filter(name__startswith="Pegawai Impor").exists()
    page = client.get(preview_url(batch))
    assert "Impor sedang disimpan" in page.content.decode() and not page.context["can_commit"]
    poll = client.get(preview_url(batch), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in poll.content.decode() and "<html" not in poll.content.decode()
    again = client.post(commit_url(batch))  # a second click while it is being saved
    assert "sedang disimpan" in str(list(get_messages(again.wsgi_request))[-1])

    assert len(enqueued) == 1
    enqueued[0]()  # the task (eager without Redis)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED
    assert (batch.summary["created"], batch.summary["placed"]) == (2, 1)
    employee = Employee.objects.get(nip=batch.rows[0]["values"]["nip"])
    assert employee.placements.get().position == staf
    # History rows are written by the bulk insert, attributed to the uploader.
    assert employee.history.get().history_user == hr_dinkes
    assert employee.placements.get().history.get().history_type == "+"
    assert client.get(preview_url(batch), headers={"HX-Request": "true"})["HX-Refresh"] == "true"


def test_running_the_task_twice_writes_once(client_as, hr_dinkes, world, post_commit):
    staf = PositionFactory(unit=world.yankes, kebutuhan=5)
    client = client_as(hr_dinkes)
    upload(client, [placed(1, staf), person(2, unit_code=world.yankes.code)])
    batch = latest_batch()
    post_commit(client, batch)
    counts = (Employee.objects.count(), Placement.objects.count(), Employee.history.count())

    assert tasks.commit_import_batch.delay(batch.pk).get() == ImportBatch.Status.COMMITTED
    assert tasks.commit_import_batch(batch.pk) == ImportBatch.Status.COMMITTED  # re-delivery
    assert (Employee.objects.count(), Placement.objects.count(), Employee.history.count()) == (
        counts
    )


def test_a_bug_in_the_commit_is_rolled_back_and_explained_not_a_500(
    one_row_batch, monkeypatch, post_commit
):
    client, batch = one_row_batch
    monkeypatch.setattr(commit_module, "_place", raising(KeyError("position_id")))
    response = post_commit(client, batch)
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert "kesalahan pada aplikasi" in batch.summary["error"]
    assert not Employee.objects.filter(name="Pegawai Impor 1").exists()


def test_a_commit_that_runs_out_of_time_is_recorded_and_writes_nothing(
    client_as, hr_dinkes, world, monkeypatch, django_capture_on_commit_callbacks
):
    client = client_as(hr_dinkes)
    upload(client, [person(1, unit_code=world.yankes.code), person(2, unit_code=world.yankes.code)])
    batch = latest_batch()
    real_place = commit_module._place

    def slow(*args, **kwargs):  # the worker's soft time limit strikes after the employees
        real_place(*args, **kwargs)
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(commit_module, "_place", slow)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(commit_url(batch))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert "melebihi batas waktu" in batch.summary["error"]
    assert not Employee.objects.filter(name__startswith="Pegawai Impor").exists()


def test_a_batch_whose_task_was_lost_can_be_queued_again(
    one_row_batch, post_commit, django_capture_on_commit_callbacks
):
    client, batch = one_row_batch
    with django_capture_on_commit_callbacks():  # queued, but the message never arrives
        client.post(commit_url(batch))
    batch.refresh_from_db()
    assert not client.get(preview_url(batch)).context["can_commit"]

    queued_at = timezone.now() - commit_module.STALE_QUEUE - dt.timedelta(minutes=1)
    batch.summary = {**batch.summary, "queued_at": queued_at.isoformat()}
    batch.save(update_fields=["summary"])
    assert client.get(preview_url(batch)).context["can_commit"]
    post_commit(client, batch)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED
    assert Employee.objects.filter(name="Pegawai Impor 1").count() == 1


def test_a_task_for_a_batch_that_was_never_queued_writes_nothing(client_as, hr_dinkes, world):
    upload(client_as(hr_dinkes), [person(1, unit_code=world.yankes.code)])
    batch = latest_batch()
    assert tasks.commit_import_batch(batch.pk) == ImportBatch.Status.PREVIEW
    assert not Employee.objects.filter(nip=batch.rows[0]["values"]["nip"]).exists()


# --- re-importing ------------------------------------------------------------------------


def test_reimporting_the_same_file_creates_nothing_new(client_as, hr_dinkes, world, post_commit):
    staf = PositionFactory(unit=world.yankes, kebutuhan=5)
    kasi = PositionFactory(unit=world.yankes, jenis="pengawas", kelas=9, parent=world.kabid)
    rows = [placed(1, staf), placed(2, kasi), person(3, unit_code=world.yankes.code)]
    client = client_as(hr_dinkes)
    upload(client, rows)
    post_commit(client, latest_batch())
    counts = Employee.objects.count(), Placement.objects.count()

    upload(client, rows)
    batch = latest_batch()
    assert errors_by_row(batch) == {2: [], 3: [], 4: []}
    assert (batch.summary["to_create"], batch.summary["to_keep"]) == (0, 3)
    assert batch.summary["to_place"] == 0
    post_commit(client, batch)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED
    assert (batch.summary["created"], batch.summary["unchanged"], batch.summary["placed"]) == (
        0,
        3,
        0,
    )
    assert (Employee.objects.count(), Placement.objects.count()) == counts


def test_reimport_updates_by_nip(client_as, hr_dinkes, world, post_commit):
    row = person(1, unit_code=world.yankes.code)
    client = client_as(hr_dinkes)
    upload(client, [row])
    post_commit(client, latest_batch())

    upload(client, [{**row, "golongan": "III/b", "email": ""}])
    batch = latest_batch()
    assert batch.rows[0]["action"] == "update" and batch.rows[0]["changes"] == ["Golongan"]
    post_commit(client, batch)
    employee = Employee.objects.get(nip=row["nip"])
    assert employee.golongan == "32"
    assert employee.email == row["email"]  # a blank optional cell keeps the stored value


@pytest.mark.parametrize("grouped", [True, False], ids=["one-update-per-value", "bulk-update"])
def test_bulk_updates_write_each_change_and_its_history(
    client_as, hr_dinkes, world, post_commit, monkeypatch, grouped
):
    # Both write paths of the commit: UPDATE per set of new values, and Django's bulk_update
    # (taken when the new values are mostly distinct).
    monkeypatch.setattr(commit_module, "MAX_GROUPED_UPDATES", 200 if grouped else 0)
    staf = PositionFactory(unit=world.yankes, code="YANKES-STAF", kebutuhan=5)
    sekretariat = PositionFactory(unit=world.dinkes, code="DINKES-STAF", kebutuhan=5)
    rows = [placed(n, staf) for n in (1, 2)] + [person(3, unit_code=world.yankes.code)]
    client = client_as(hr_dinkes)
    upload(client, rows)
    post_commit(client, latest_batch())
    history = Employee.history.count(), Placement.history.count()

    moved = {
        "position_code": sekretariat.code,
        "tmt_jabatan": "02-01-2025",
        "sk_number": "800/9/2024",
        "sk_date": "20-12-2024",
    }
    upload(
        client,
        [
            {**rows[0], **moved, "golongan": "III/b"},
            {**rows[1], "golongan": "III/b"},
            {**rows[2], "name": "Nama Baru", "email": "baru@example.go.id"},
        ],
    )
    batch = latest_batch()
    assert [r["action"] for r in batch.rows] == ["update", "update", "update"]
    post_commit(client, batch)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED, batch.summary

    first, second, third = (Employee.objects.get(nip=r["nip"]) for r in rows)
    assert (first.golongan, first.unit) == ("32", world.dinkes)
    assert (second.golongan, second.unit) == ("32", world.yankes)
    assert (third.name, third.email, third.golongan) == ("Nama Baru", "baru@example.go.id", "31")
    before = first.placements.get(position=staf)
    assert (before.end_date, before.end_reason) == (dt.date(2025, 1, 1), "mutasi")
    assert first.placements.get(end_date__isnull=True).position == sekretariat
    # One history record per changed employee and per closed or new placement, by the uploader.
    assert (Employee.history.count(), Placement.history.count()) == (history[0] + 3, history[1] + 2)
    latest = first.history.first()
    assert (latest.golongan, latest.unit_id, latest.history_user) == (
        "32",
        world.dinkes.pk,
        hr_dinkes,
    )
    assert before.history.first().end_date == dt.date(2025, 1, 1)


# --- file problems -------------------------------------------------------------------------


def _form_errors(response):
    assert response.status_code == 200
    return " ".join(response.context["form"].errors["file"])


def test_non_xlsx_upload_gets_a_form_error(client_as, hr_dinkes, world):
    client = client_as(hr_dinkes)
    csv = SimpleUploadedFile("pegawai.csv", b"NIP,Nama\n1,Budi\n", content_type="text/csv")
    assert ".xlsx" in _form_errors(client.post(UPLOAD, {"file": csv}))
    fake = SimpleUploadedFile("pegawai.xlsx", b"bukan excel", content_type="text/plain")
    assert "tidak dapat dibaca" in _form_errors(client.post(UPLOAD, {"file": fake}))
    assert not ImportBatch.objects.exists()


def test_missing_header_columns_get_a_form_error(client_as, hr_dinkes, world):
    response = upload(client_as(hr_dinkes), [{}], headers=["NIP", "Nama", "Email"])
    message = _form_errors(response)
    assert "Status kepegawaian" in message and "Tanggal lahir" in message


def test_empty_sheet_gets_a_form_error(client_as, hr_dinkes, world):
    client = client_as(hr_dinkes)
    assert "tidak berisi data" in _form_errors(upload(client, []))
    workbook = openpyxl.Workbook()
    buffer = io.BytesIO()
    workbook.save(buffer)
    empty = SimpleUploadedFile("kosong.xlsx", buffer.getvalue())
    assert "kosong" in _form_errors(client.post(UPLOAD, {"file": empty}))


def test_too_many_rows_or_too_big_gets_a_form_error(client_as, hr_dinkes, world, monkeypatch):
    client = client_as(hr_dinkes)
    rows = [person(n, unit_code=world.yankes.code) for n in range(1, 5)]
    monkeypatch.setattr(importing.read, "MAX_ROWS", 3)
    assert "lebih dari 3 baris" in _form_errors(upload(client, rows))
    monkeypatch.setattr(importing.read, "MAX_SHEET_LINES", 3)
    assert "Hapus baris kosong" in _form_errors(upload(client, rows[:1] + [{}] * 3))
    monkeypatch.setattr(importing.read, "MAX_FILE_BYTES", 1000)
    assert "Berkas lebih dari 1 KB" in _form_errors(upload(client, rows[:1]))


# --- parsing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        *[("III/a", "31"), ("III/A", "31"), ("iii / a", "31"), ("31", "31"), (31, "31")],
        *[(31.0, "31"), ("IV/e", "45"), ("IX", "P09"), ("PPPK IX", "P09"), ("P09", "P09")],
        *[("XVII", "P17"), ("III/f", ""), ("", ""), ("V/a", "")],
    ],
)
def test_parse_golongan(value, code):
    assert importing.parse_golongan(value) == code


def test_plain_numbers_are_golongan_for_pppk_and_siasn_ids_for_pns():
    assert importing.parse_golongan("11") == "11"  # I/a
    assert importing.parse_golongan("11", pppk=True) == "P11"  # XI
    assert importing.parse_golongan(9, pppk=True) == "P09"
    assert importing.parse_golongan("9") == ""


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("26-09-1986", dt.date(1986, 9, 26)),
        ("26/09/1986", dt.date(1986, 9, 26)),
        ("1986-09-26", dt.date(1986, 9, 26)),
        (dt.datetime(1986, 9, 26), dt.date(1986, 9, 26)),
        (31681, dt.date(1986, 9, 26)),  # an Excel serial number
        ("31-02-1986", None),
        ("besok", None),
    ],
)
def test_parse_date(value, date):
    assert importing.parse_date(value) == date


# --- query budgets -----------------------------------------------------------------------------


def _rows(world, n):
    """n rows, every other one with a placement in a position of its own."""
    rows = []
    for i in range(n):
        if i % 2:
            rows.append(placed(i, PositionFactory(unit=world.yankes)))
        else:
            rows.append(person(i, unit_code=world.yankes.code))
    return rows


def test_upload_query_budget_is_flat(client_as, hr_dinkes, world, django_assert_num_queries):
    client = client_as(hr_dinkes)
    small, large = _rows(world, 3), _rows(world, 40)
    # session, user, HR scopes, headed posts, positions, units, employees, open placements,
    # scope root, insert batch
    with django_assert_num_queries(10):
        assert upload(client, small).status_code == 302
    with django_assert_num_queries(10):
        assert upload(client, large).status_code == 302
    assert latest_batch().summary["errors"] == 0


def test_preview_query_budget_is_flat(client_as, hr_dinkes, world, django_assert_num_queries):
    client = client_as(hr_dinkes)
    upload(client, _rows(world, 3))
    small = latest_batch()
    upload(client, _rows(world, 60))
    large = latest_batch()
    # session, user, HR scopes, headed posts, batch (+unit), nav employee
    with django_assert_num_queries(6):
        assert client.get(preview_url(small)).status_code == 200
    with django_assert_num_queries(6):
        response = client.get(preview_url(large))
    assert response.status_code == 200
    assert len(response.context["page"]) == 60
