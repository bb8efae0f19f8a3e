from django.urls import path

from . import views, views_eval, views_reports

app_name = "performance"

urlpatterns = [
    # SKP: plan, cascade, workflow
    path("", views.skp_list, name="skp_list"),
    path("skp/baru/", views.skp_create, name="skp_create"),
    path("skp/<int:pk>/", views.skp_detail, name="skp_detail"),
    path("skp/<int:pk>/rhk/tambah/", views.rhk_create, name="rhk_create"),
    path("rhk/<int:pk>/ubah/", views.rhk_edit, name="rhk_edit"),
    path("rhk/<int:pk>/hapus/", views.rhk_delete, name="rhk_delete"),
    path("rhk/<int:pk>/iki/tambah/", views.indicator_create, name="indicator_create"),
    path("iki/<int:pk>/ubah/", views.indicator_edit, name="indicator_edit"),
    path("iki/<int:pk>/hapus/", views.indicator_delete, name="indicator_delete"),
    path("skp/<int:pk>/lampiran/", views.skp_lampiran, name="skp_lampiran"),
    path("skp/<int:pk>/ekspektasi/", views.skp_expectations, name="skp_expectations"),
    path("skp/<int:pk>/ajukan/", views.skp_submit, name="skp_submit"),
    path("skp/<int:pk>/kembalikan/", views.skp_return, name="skp_return"),
    path("skp/<int:pk>/setujui/", views.skp_approve, name="skp_approve"),
    path("skp/<int:pk>/revisi/", views.skp_revise, name="skp_revise"),
    path("persetujuan/", views.approval_inbox, name="approval_inbox"),
    path("matriks/", views.role_matrix, name="role_matrix"),
    # Evaluation, curve, dashboards, history
    path("skp/<int:pk>/evaluasi/<str:period>/", views_eval.evaluation_detail, name="evaluation"),
    path(
        "skp/<int:pk>/evaluasi/<str:period>/finalkan/",
        views_eval.evaluation_finalise,
        name="evaluation_finalise",
    ),
    path("realisasi/<int:pk>/bukti/", views_eval.evidence_download, name="evidence_download"),
    path("kurva/", views_eval.curve, name="curve"),
    path("kurva/tutup/", views_eval.close_year_confirm, name="close_year"),
    path("pantauan/", views_eval.monitoring, name="monitoring"),
    path("riwayat/impor/", views_eval.history_import, name="history_import"),
    path("pegawai/<int:pk>/riwayat/", views_eval.employee_history, name="employee_history"),
    # Yearly evaluation reports (PDF) through Celery jobs
    path("laporan/", views_reports.report_jobs_list, name="report_jobs"),
    path("laporan/<int:pk>/", views_reports.report_job, name="report_job"),
    path("laporan/<int:pk>/ulang/", views_reports.report_job_rerun, name="report_job_rerun"),
    path("laporan/<int:pk>/lanjutkan/", views_reports.report_job_resume, name="report_job_resume"),
    path("laporan/<int:pk>/arsip/", views_reports.report_job_archive, name="report_job_archive"),
    path("laporan/<int:pk>/rekap/", views_reports.report_job_recap, name="report_job_recap"),
    path(
        "laporan/dokumen/<int:pk>/",
        views_reports.report_document_download,
        name="report_document",
    ),
    path(
        "laporan/pegawai/<int:pk>/",
        views_reports.report_employee_start,
        name="report_employee_start",
    ),
]
