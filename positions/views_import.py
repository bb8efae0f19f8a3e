"""Excel import of employees (upload → preview → commit) and the register's Excel export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from asnportal.http import AuthedRequest
from core import spreadsheets
from core.ratelimit import ratelimit

from . import importing
from .access import get_object_for, require_hr, require_staff_view
from .forms import RegisterFilterForm
from .models import Employee, ImportBatch, today

if TYPE_CHECKING:
    pass

PREVIEW_PAGE_SIZE = 100


_xlsx_response = spreadsheets.xlsx_response


@require_http_methods(["GET", "POST"])
@ratelimit("import", methods=("POST",))
def import_upload(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    if request.method == "POST":
        form = importing.ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            batch = importing.create_batch(
                filename=form.cleaned_data["file"].name,
                raw_rows=form.cleaned_data["raw_rows"],
                user=request.user,
            )
            return redirect("positions:import_preview", pk=batch.pk)
    else:
        form = importing.ImportUploadForm()
    recent = ImportBatch.objects.filter(created_by=request.user).defer("rows")[:10]
    return render(request, "positions/import_upload.html", {"form": form, "recent": recent})


@require_GET
def import_template(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    return _xlsx_response(importing.build_template(request.user), "templat-impor-pegawai.xlsx")


@require_GET
def import_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    require_hr(request.user)
    if request.htmx:  # the status poll while the batch is being saved: no rows loaded
        batch = get_object_for(request.user, ImportBatch.objects.defer("rows"), pk)
        if batch.status != ImportBatch.Status.QUEUED:
            return HttpResponse(headers={"HX-Refresh": "true"})  # saved or failed: whole page
        return render(request, "positions/import_preview.html#status", {"batch": batch})
    batch = get_object_for(request.user, ImportBatch.objects.select_related("unit"), pk)
    if request.GET.get("galat") == "1":  # every problem row, as a workbook
        problems = ((r["row"], r["values"].get("nip", ""), r["errors"]) for r in batch.rows)
        return spreadsheets.xlsx_response(
            spreadsheets.error_report(problems), f"masalah-impor-pegawai-{batch.pk}.xlsx"
        )
    only_problems = request.GET.get("masalah") == "1"
    rows = [r for r in batch.rows if r["errors"] or r["warnings"]] if only_problems else batch.rows
    context = {
        "batch": batch,
        "summary": batch.summary,
        "page": Paginator(rows, PREVIEW_PAGE_SIZE).get_page(request.GET.get("page")),
        "only_problems": only_problems,
        "can_commit": importing.can_queue(batch),
    }
    return render(request, "positions/import_preview.html", context)


@require_POST
def import_commit(request: AuthedRequest, pk: int) -> HttpResponse:
    """Queue the batch; the Celery task saves it (eagerly, in this request, without Redis)."""
    require_hr(request.user)
    batch = get_object_for(request.user, ImportBatch.objects.select_related("unit"), pk)
    try:
        importing.request_commit(batch, user=request.user)
    except importing.ImportRefused as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("positions:import_preview", pk=batch.pk)
    batch.refresh_from_db(fields=["status"])
    if batch.status == ImportBatch.Status.COMMITTED:
        messages.success(request, "Impor disimpan.")
    elif batch.status == ImportBatch.Status.FAILED:
        messages.error(request, "Impor dibatalkan seluruhnya; tidak ada data yang disimpan.")
    else:
        messages.info(request, "Impor sedang disimpan; halaman ini diperbarui otomatis.")
    return redirect("positions:import_preview", pk=batch.pk)


@require_GET
def employee_export(request: AuthedRequest) -> HttpResponse:
    require_staff_view(request.user)
    filters = RegisterFilterForm(request.GET, user=request.user)
    employees = filters.filter(Employee.objects.visible_to(request.user).for_list())
    content = importing.build_register_export(employees.iterator(chunk_size=2000))
    return _xlsx_response(content, f"daftar-pegawai-{today():%Y%m%d}.xlsx")
