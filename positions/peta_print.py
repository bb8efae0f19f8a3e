"""Printing the peta jabatan chart: the PDF of a unit, and the background job for large ones.

A small unit prints inside the request (up to `IN_REQUEST_SHEETS` sheets). A larger scope —
a big dinas, a kabupaten, the province — is a `PetaJob`: the task renders the planned sheets
in chunks, counting them for the progress bar, joins the chunks into one PDF and stores it.
The job carries its `run`, so a re-delivered or stale task changes nothing
(docs/architecture.md, "A Celery job").
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from . import peta as domain
from . import peta_chart as chart
from .models import OrgUnit
from .models.peta_job import PetaJob

if TYPE_CHECKING:
    from asnportal.models import User

log = logging.getLogger(__name__)

TEMPLATE = "positions/pdf/peta_chart.html"
# A dinas prints on 1–3 sheets. Measured CPU time of the render: 0.3–0.4 s for a one-sheet
# dinas (demo Dinas Kesehatan), 3.1 s for nine sheets (a 225-post Dinas Pendidikan): about
# 0.35 s a sheet, so up to 4 sheets (≈ 1.5 s) stay in the request; more go to a PetaJob.
IN_REQUEST_SHEETS = 4
CHUNK_SHEETS = 10  # sheets rendered per step of a job: one progress update each


@dataclass
class ChartPlan:
    peta: domain.PetaJabatan
    root: chart.UnitNode
    sheets: list[chart.Sheet]


def plan_chart(unit: OrgUnit, on: dt.date | None = None) -> ChartPlan:
    """Two queries: the posts of the subtree with their bezetting, and its open units."""
    peta = domain.build_peta_jabatan(unit, on, with_holders=False)
    units = OrgUnit.objects.active().subtree_of(unit).only("pk", "path", "depth", "name", "kind")
    root = chart.build_tree(peta, units)
    return ChartPlan(peta, root, chart.plan_sheets(root))


def document_place() -> str:
    # Where the peta is signed; an instansi outside Bandar Lampung sets DOCUMENT_PLACE.
    return getattr(settings, "DOCUMENT_PLACE", "Bandar Lampung")


def chart_context(plan: ChartPlan, printed_by: str) -> dict[str, Any]:
    unit = plan.peta.unit
    return {
        "unit": unit,
        "on": plan.peta.on,
        "sheets": plan.sheets,
        "approval": chart.approval_for(unit, plan.peta.on, place=document_place()),
        "instansi_name": settings.INSTANSI_NAME,
        "printed_at": timezone.localtime(),
        "printed_by": printed_by,
    }


def _document(context: dict[str, Any]) -> Any:
    """A laid-out WeasyPrint document (pages kept, so chunks can be joined)."""
    import weasyprint  # lazily: loading pango is slow and most requests never need it
    from weasyprint.urls import URLFetcher

    html = render_to_string(TEMPLATE, context)
    fetcher = URLFetcher(allowed_protocols={"file", "data"})  # never the network
    return weasyprint.HTML(
        string=html, base_url=settings.PDF_ASSET_ROOT, url_fetcher=fetcher
    ).render()


def render_chart(context: dict[str, Any], on_progress: Any = None) -> bytes:
    """The PDF of every sheet in `context`, laid out `CHUNK_SHEETS` at a time. Every sheet is
    exactly one page (peta_chart plans it so), which the chunks rely on."""
    sheets = context["sheets"]
    documents = []
    for start in range(0, max(len(sheets), 1), CHUNK_SHEETS):
        documents.append(_document({**context, "sheets": sheets[start : start + CHUNK_SHEETS]}))
        if on_progress is not None:
            on_progress(min(start + CHUNK_SHEETS, len(sheets)))
    pages = [page for document in documents for page in document.pages]
    return bytes(documents[0].copy(pages).write_pdf())


def printed_by(user: User) -> str:
    return user.get_full_name() or user.get_username()


# --- Jobs ------------------------------------------------------------------------------


def start_job(user: User, unit: OrgUnit) -> PetaJob:
    """A new job, or the same unit's job already waiting or running for this user. The
    caller has checked that the user may read the unit's peta (HR or pimpinan in scope)."""
    running = (
        PetaJob.objects.filter(unit=unit, requested_by=user)
        .filter(state__in=[PetaJob.State.QUEUED, PetaJob.State.RUNNING])
        .first()
    )
    if running is not None:
        return running
    job = PetaJob.objects.create(unit=unit, requested_by=user)
    _enqueue(job)
    return job


@transaction.atomic
def rerun_job(job: PetaJob) -> PetaJob:
    """Print again (the data has changed since): a new run; the old file is replaced."""
    job = PetaJob.objects.select_for_update().get(pk=job.pk)
    if job.is_active:
        raise ValidationError("Pencetakan ini masih berjalan; tunggu sampai selesai.")
    job.run += 1
    job.state = PetaJob.State.QUEUED
    job.done = 0
    job.error = ""
    job.finished_at = None
    job.save(update_fields=["run", "state", "done", "error", "finished_at"])
    _enqueue(job)
    return job


def _enqueue(job: PetaJob) -> None:
    from . import tasks

    job_id, run = job.pk, job.run
    transaction.on_commit(lambda: tasks.render_peta_job.delay(job_id, run))


def render_job(job_id: int, run: int) -> str:
    """Render and store the chart of a job's run. Returns "done" or "skipped" (a stale or
    repeated delivery: the run moved on, or this run is already printed)."""
    job = PetaJob.objects.select_related("unit", "requested_by").filter(pk=job_id).first()
    if job is None or job.run != run or not job.is_active:
        return "skipped"
    plan = plan_chart(job.unit)
    PetaJob.objects.filter(pk=job.pk, run=run).update(
        state=PetaJob.State.RUNNING, total=len(plan.sheets), done=0, started_at=timezone.now()
    )

    def progress(done: int) -> None:
        PetaJob.objects.filter(pk=job.pk, run=run).update(done=done)

    pdf = render_chart(chart_context(plan, printed_by(job.requested_by)), progress)
    return _store(job, run, pdf)


def _store(job: PetaJob, run: int, pdf: bytes) -> str:
    from django.core.files.storage import default_storage

    name = default_storage.save(job.file.field.generate_filename(job, "peta.pdf"), ContentFile(pdf))
    with transaction.atomic():
        locked = PetaJob.objects.select_for_update().filter(pk=job.pk).first()
        if locked is None or locked.run != run or locked.state != PetaJob.State.RUNNING:
            transaction.on_commit(lambda: default_storage.delete(name))
            return "skipped"
        old = locked.file.name
        PetaJob.objects.filter(pk=job.pk).update(
            state=PetaJob.State.DONE, file=name, done=F("total"), finished_at=timezone.now()
        )
        if old:
            transaction.on_commit(lambda: default_storage.delete(old))
    log.info("peta job %s run %s stored as %s", job.pk, run, name)
    return "done"


def fail_job(job_id: int, run: int, reason: str) -> None:
    PetaJob.objects.filter(pk=job_id, run=run).exclude(state=PetaJob.State.DONE).update(
        state=PetaJob.State.FAILED, error=reason[:2000], finished_at=timezone.now()
    )


def jobs_for_unit(user: User, unit: OrgUnit, limit: int = 3) -> list[PetaJob]:
    return list(
        PetaJob.objects.visible_to(user).filter(unit=unit).select_related("requested_by")[:limit]
    )
