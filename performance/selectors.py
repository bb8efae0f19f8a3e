"""Read-only questions about performance data that pages across apps ask (the home pages,
the report form). Each returns a QuerySet or a plain value; access checks stay in the views.

STYLE.md prefers QuerySet methods; these live here because they answer a question about one
person or the whole instansi rather than filter one model (the brief asked for this module)."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery

from positions.models import Employee

from .models import Evaluation, ReportDocument, ReportDocumentQuerySet


def documents_for_employee(employee: Employee) -> ReportDocumentQuerySet:
    """The employee's finished yearly evaluation PDFs, the latest one per year, newest year
    first. One query; each row has `job` loaded (`doc.job.year`, `doc.filename`). Download
    each with `performance:report_document` (pk)."""
    latest_of_year = (
        ReportDocument.objects.filter(
            employee_id=OuterRef("employee_id"),
            job__year=OuterRef("job__year"),
            state=ReportDocument.State.DONE,
        )
        .order_by("-rendered_at", "-pk")
        .values("pk")[:1]
    )
    return (
        ReportDocument.objects.filter(employee=employee, state=ReportDocument.State.DONE)
        .filter(pk=Subquery(latest_of_year))
        .select_related("job", "employee")
        .order_by("-job__year")
    )


def latest_final_evaluation_year() -> int | None:
    """The latest year with at least one final akhir (TW IV) evaluation, or None."""
    return (
        Evaluation.objects.filter(
            period=Evaluation.Period.TW4,
            status=Evaluation.Status.FINAL,
            skp__superseded_at__isnull=True,
        )
        .order_by("-skp__year")
        .values_list("skp__year", flat=True)
        .first()
    )
