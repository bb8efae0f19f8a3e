from django.urls import path

from . import views, views_join, views_ledger, views_needs

app_name = "training"

urlpatterns = [
    # Catalog, events, enrolment, attendance, results
    path("", views.program_list, name="program_list"),
    path("program/tambah/", views.program_create, name="program_create"),
    path("program/<int:pk>/", views.program_detail, name="program_detail"),
    path("program/<int:pk>/ubah/", views.program_edit, name="program_edit"),
    path("angkatan/tambah/", views.event_create, name="event_create"),
    path("angkatan/<int:pk>/", views.event_detail, name="event_detail"),
    path("angkatan/<int:pk>/ubah/", views.event_edit, name="event_edit"),
    path("angkatan/<int:pk>/sesi/", views.event_sessions, name="event_sessions"),
    path("angkatan/<int:pk>/daftar/", views.event_enrol, name="event_enrol"),
    path("angkatan/<int:pk>/presensi/", views.event_attendance, name="event_attendance"),
    path("angkatan/<int:pk>/hasil/", views.event_results, name="event_results"),
    path("angkatan/<int:pk>/ikut/", views_join.event_join, name="event_join"),
    path("permohonan/", views_join.join_requests, name="join_requests"),
    path("permohonan/<int:pk>/putuskan/", views_join.join_decide, name="join_decide"),
    path("permohonan/<int:pk>/batal/", views_join.join_cancel, name="join_cancel"),
    path("sertifikat/<int:pk>/", views.certificate_download, name="certificate_download"),
    # Self-reported development, verification, JP ledger and compliance
    path("mandiri/", views_ledger.selfreport_list, name="selfreport_list"),
    path("mandiri/tambah/", views_ledger.selfreport_create, name="selfreport_create"),
    path("verifikasi/", views_ledger.verification_list, name="verification_list"),
    path("verifikasi/<int:pk>/", views_ledger.verification_decide, name="verification_decide"),
    path("jp/<int:pk>/", views_ledger.ledger, name="ledger"),
    path("kepatuhan/", views_ledger.compliance, name="compliance"),
    path("kepatuhan.xlsx", views_ledger.compliance_xlsx, name="compliance_xlsx"),
    path("kepemimpinan/", views_ledger.leadership_compliance, name="leadership_compliance"),
    path("pegawai/<int:pk>/ringkasan/", views_ledger.employee_summary, name="employee_summary"),
    # Competency assessments, needs analysis, development plans
    path("kompetensi/<int:pk>/", views_needs.assessment_create, name="assessment_create"),
    path("kompetensi/impor/", views_needs.assessment_import, name="assessment_import"),
    path("kebutuhan/", views_needs.needs, name="needs"),
    path("kebutuhan/pegawai/<int:pk>/", views_needs.employee_needs, name="employee_needs"),
    path("rencana/buat/", views_needs.plan_create, name="plan_create"),
    path("rencana/<int:pk>/", views_needs.plan_detail, name="plan_detail"),
    path("rencana/<int:pk>/ekspor.xlsx", views_needs.plan_export, name="plan_export"),
]
