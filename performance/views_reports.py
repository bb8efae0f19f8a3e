"""Yearly report jobs (start, progress, downloads) and the public verification page.
Files are streamed through these views after an access check, never from a media URL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from asnportal.http import AuthedRequest
from core.forms import message_service_error
from core.ratelimit import ratelimit
from positions.access import get_object_for
from positions.models import Employee, OrgUnit, scopes_for, today
from positions.selectors import indented_choices, picker_units

from . import report_jobs, selectors, signing
from .models import DocumentVerification, ReportDocument, ReportJob

if TYPE_CHECKING:
    from django.db.models.fields.files import FieldFile
    from django.http import HttpRequest

    from asnportal.models import User

PAGE_SIZE = 20
FAILURES_PAGE_SIZE = 50
DOCUMENTS_PAGE_SIZE = 50


def _years() -> list[int]:
    return list(range(today().year, 2021, -1))


class UnitJobForm(forms.Form):
    """The unit of a unit job: the picker's units the user may write (`picker_units` with
    `write=True`: three levels under the outermost pengelola scope, instansi, perangkat
    daerah and bidang; a select of every seksi in a province helps nobody)."""

    unit = forms.TypedChoiceField(label="Unit kerja (beserta seluruh unit di bawahnya)", coerce=int)
    year = forms.TypedChoiceField(label="Tahun penilaian", coerce=int)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        selected = self.data.get("unit") if self.is_bound else None
        self.units = {u.pk: u for u in picker_units(user, selected=selected, write=True)}
        self.fields["unit"].choices = indented_choices(list(self.units.values()))
        first_unit = next(iter(self.units.values()), None)
        self.fields["unit"].initial = first_unit.pk if first_unit else None
        self.fields["year"].choices = [(y, y) for y in _years()]
        # The latest year that has final evaluations in the first unit: the one a report
        # can be printed for (the year just ended has none until the penilai finalise).
        latest = selectors.latest_final_evaluation_year(first_unit) if first_unit else None
        self.fields["year"].initial = latest or today().year - 1

    def clean_unit(self) -> OrgUnit:
        return self.units[self.cleaned_data["unit"]]


@require_http_methods(["GET", "POST"])
@ratelimit("report_start", methods=("POST",))
def report_jobs_list(request: AuthedRequest) -> HttpResponse:
    """The user's report jobs (and unit jobs in their HR scope), and for HR the start form."""
    is_hr = request.user.is_superuser or scopes_for(request.user).is_hr
    form = UnitJobForm(request.POST or None, user=request.user) if is_hr else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                job = report_jobs.start_unit_job(
                    request.user, form.cleaned_data["unit"], form.cleaned_data["year"]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                _tell_start(request, job, form.cleaned_data["unit"])
                return redirect(job)
    jobs = (
        ReportJob.objects.visible_to(request.user)
        .select_related("unit", "employee", "requested_by")
        .annotate(
            n_done=Count("documents", filter=Q(documents__state=ReportDocument.State.DONE)),
            n_failed=Count("documents", filter=Q(documents__state=ReportDocument.State.FAILED)),
        )
        .order_by("-created_at", "-pk")
    )
    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("page"))
    for job in page.object_list:
        job.outcome = report_jobs.outcome(job.state, done=job.n_done, failed=job.n_failed)
    return render(request, "performance/report_jobs.html", {"page": page, "form": form})


def _tell_start(request: AuthedRequest, job: ReportJob, unit: OrgUnit) -> None:
    """The message after "Mulai penyusunan" says what will happen (or, when the tasks ran
    in this process, what did): how many can be printed and how many will fail."""
    job.refresh_from_db(fields=["state", "total"])
    if not job.is_active:
        counts = report_jobs.progress(job)
        result = report_jobs.outcome(job.state, done=counts["done"], failed=counts["failed"])
        text = f"Penyusunan {result.label.lower()}: {counts['done']} dari {counts['total']} PDF."
        level = {"done": messages.SUCCESS, "partial": messages.WARNING}.get(
            result.kind, messages.ERROR
        )
        messages.add_message(request, level, text)
        return
    expected = report_jobs.expected_counts(unit, job.year)
    missing = expected["employees"] - expected["printable"]
    text = (
        f"Penyusunan dimulai di latar belakang untuk {expected['employees']} pegawai; "
        f"{expected['printable']} memiliki evaluasi akhir {job.year} yang final."
    )
    if missing:
        text += f" {missing} pegawai lainnya akan dicatat gagal beserta alasannya."
        messages.warning(request, text + " Halaman ini boleh ditutup.")
    else:
        messages.info(request, text + " Halaman ini boleh ditutup.")


def _page(items: QuerySet, per_page: int, number: str | None, *, count: int) -> Page:
    """A page whose total is already known (from the progress counts): no COUNT query."""
    paginator = Paginator(items, per_page)
    paginator.count = count  # overrides the cached_property, which would run COUNT(*)
    return paginator.get_page(number)


def _get_job(request: AuthedRequest, pk: int) -> ReportJob:
    jobs = ReportJob.objects.select_related("unit", "employee", "requested_by")
    return get_object_for(request.user, jobs, pk)


@require_GET
def report_job(request: AuthedRequest, pk: int) -> HttpResponse:
    job = _get_job(request, pk)
    progress = report_jobs.progress(job)
    context: dict[str, object] = {
        "job": job,
        "progress": progress,
        "outcome": report_jobs.outcome(job.state, done=progress["done"], failed=progress["failed"]),
    }
    if not job.is_active:  # the reasons of failures are shown once the job has finished
        failures = job.documents.filter(state=ReportDocument.State.FAILED).select_related(
            "employee", "employee__unit"
        )
        context["failures"] = _page(
            failures.order_by("employee__name", "pk"),
            FAILURES_PAGE_SIZE,
            request.GET.get("page"),
            count=progress["failed"],
        )
        if job.kind == ReportJob.Kind.UNIT and progress["done"]:
            context["documents"] = _page(
                report_jobs.finished_documents(job),
                DOCUMENTS_PAGE_SIZE,
                request.GET.get("dok"),
                count=progress["done"],
            )
    if job.kind == ReportJob.Kind.EMPLOYEE:
        context["document"] = job.documents.select_related("employee").first()
    context["can_rerun"] = report_jobs.can_manage_job(request.user, job, rerun=True)
    context["can_resume"] = report_jobs.can_manage_job(request.user, job)
    if request.htmx:
        return render(request, "performance/report_job.html#progress", context)
    return render(request, "performance/report_job.html", context)


@require_POST
@ratelimit("report_start")
def report_job_rerun(request: AuthedRequest, pk: int) -> HttpResponse:
    job = _get_job(request, pk)
    if not report_jobs.can_manage_job(request.user, job, rerun=True):
        raise PermissionDenied
    try:
        report_jobs.rerun_job(job)
    except ValidationError as exc:
        message_service_error(request, exc)
    else:
        messages.success(request, "Laporan disusun ulang; dokumen lama diganti, tidak digandakan.")
    return redirect(job)


@require_POST
@ratelimit("report_start")
def report_job_resume(request: AuthedRequest, pk: int) -> HttpResponse:
    job = _get_job(request, pk)
    if not report_jobs.can_manage_job(request.user, job):
        raise PermissionDenied
    try:
        sent = report_jobs.resume_job(job)
    except ValidationError as exc:
        message_service_error(request, exc)
    else:
        messages.success(request, f"{sent} dokumen yang belum selesai dikirim ulang ke antrean.")
    return redirect(job)


@require_POST
@ratelimit("report_start")
def report_employee_start(request: AuthedRequest, pk: int) -> HttpResponse:
    """A pegawai for themself, a penilai for a subordinate, HR/pimpinan in scope."""
    employee = get_object_or_404(Employee, pk=pk)
    try:
        year = int(request.POST.get("tahun", ""))
    except ValueError:
        year = 0
    if not report_jobs.can_report_on(request.user, employee, year):
        raise Http404
    try:
        job = report_jobs.start_employee_job(request.user, employee, year)
    except ValidationError as exc:
        message_service_error(request, exc)
        next_url = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return redirect(next_url)
        return redirect("performance:report_jobs")
    job.refresh_from_db(fields=["state"])  # with no worker (embedded default) it ran here
    messages.success(
        request, "Laporan sedang disusun." if job.is_active else "Laporan selesai disusun."
    )
    return redirect(job)


def _pdf_response(field: FieldFile, filename: str, content_type: str) -> FileResponse:
    return FileResponse(
        field.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=content_type,
    )


@require_GET
def report_job_archive(request: AuthedRequest, pk: int) -> FileResponse:
    job = _get_job(request, pk)
    if job.state != ReportJob.State.DONE or not job.archive:
        raise Http404
    return _pdf_response(
        job.archive, f"laporan-kinerja-{job.year}-{job.unit_id}.zip", "application/zip"
    )


@require_GET
def report_job_recap(request: AuthedRequest, pk: int) -> FileResponse:
    job = _get_job(request, pk)
    if not job.recap:
        raise Http404
    return _pdf_response(
        job.recap, f"rekap-predikat-{job.year}-{job.unit_id}.pdf", "application/pdf"
    )


@require_GET
def report_document_download(request: AuthedRequest, pk: int) -> FileResponse:
    """One printed PDF: from the job page, from a pegawai's "Dokumen saya", by the penilai.
    Visible as `ReportDocument.objects.visible_to` says; anyone else gets 404."""
    printed = ReportDocument.objects.filter(state=ReportDocument.State.DONE)
    doc = get_object_for(request.user, printed.select_related("job", "employee"), pk)
    return _pdf_response(doc.file, doc.filename, "application/pdf")


# --- public verification ---------------------------------------------------------------


def _normalise(code: str) -> str:
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:12]}" if len(raw) == 12 else ""


@login_not_required
@require_GET
@ratelimit("verify")
def verify(request: HttpRequest, code: str = "") -> HttpResponse:
    """Public (no login): a code shows only name, year, predikat and the SHA-256 of the
    document it was printed on, and whether a newer document replaced it; for a current
    code, whether the stored file still has that SHA-256 and its electronic signature (TTE)
    is intact, with the signer's name and time (performance.signing, offline)."""
    raw = code or request.GET.get("kode", "")
    if raw and not code:
        normal = _normalise(raw)
        if normal:
            return redirect("verify_code", code=normal)
    record = None
    searched = bool(raw)
    if code:
        normal = _normalise(code)
        if normal != code:
            if normal:
                return redirect("verify_code", code=normal)
        else:
            record = (
                DocumentVerification.objects.filter(code=normal)
                .select_related("document")
                .only(
                    "code",
                    "name",
                    "year",
                    "predikat",
                    "sha256",
                    "issued_at",
                    "superseded_at",
                    "document__file",
                )
                .first()
            )
    status = 200 if record or not searched else 404
    stored = signing.check_stored(record) if record else None
    return render(
        request,
        "performance/verify.html",
        {"record": record, "searched": searched, "code": raw[:20], "stored": stored},
        status=status,
    )
