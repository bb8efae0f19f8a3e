from django.urls import path

from . import (
    views,
    views_audit,
    views_bup,
    views_duk,
    views_import,
    views_matching,
    views_peta,
    views_pickers,
    views_selection,
)

app_name = "positions"

urlpatterns = [
    # Searchable pickers (htmx): <option>s of posts / employees matching ?q=
    path("pilih/jabatan/", views_pickers.position_choices, name="position_choices"),
    path("pilih/pegawai/", views_pickers.employee_choices, name="employee_choices"),
    # Organisation structure
    path("unit/", views.unit_list, name="unit_list"),
    path("unit/tambah/", views.unit_create, name="unit_create"),
    path("unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("unit/<int:pk>/anak/", views.unit_children, name="unit_children"),
    path("unit/<int:pk>/ubah/", views.unit_edit, name="unit_edit"),
    path("unit/<int:pk>/pindah/", views.unit_move, name="unit_move"),
    path("unit/<int:pk>/tutup/", views.unit_close, name="unit_close"),
    path("unit/<int:pk>/peta-jabatan/", views_peta.peta_jabatan, name="peta_jabatan"),
    path("unit/<int:pk>/peta-jabatan.xlsx", views_peta.peta_jabatan_xlsx, name="peta_jabatan_xlsx"),
    path("unit/<int:pk>/peta-jabatan.pdf", views_peta.peta_jabatan_pdf, name="peta_jabatan_pdf"),
    path("unit/<int:pk>/peta-jabatan/cetak/", views_peta.peta_job_start, name="peta_job_start"),
    path("peta-jabatan/cetak/<int:pk>/", views_peta.peta_job, name="peta_job"),
    path("peta-jabatan/cetak/<int:pk>/ulang/", views_peta.peta_job_rerun, name="peta_job_rerun"),
    path("peta-jabatan/cetak/<int:pk>/unduh/", views_peta.peta_job_pdf, name="peta_job_pdf"),
    path("laporan/ketidaksesuaian/", views_peta.mismatch_report, name="mismatch_report"),
    # Positions (jabatan)
    path("jabatan/", views.position_list, name="position_list"),
    path("jabatan/tambah/", views.position_create, name="position_create"),
    path("jabatan/<int:pk>/", views.position_detail, name="position_detail"),
    path("jabatan/<int:pk>/ubah/", views.position_edit, name="position_edit"),
    path("jabatan/<int:pk>/kompetensi/", views.position_competencies, name="position_competencies"),
    path("jabatan/<int:pk>/abk/", views.position_abk, name="position_abk"),
    path(
        "jabatan/<int:pk>/kandidat/", views_matching.position_candidates, name="position_candidates"
    ),
    path(
        "jabatan/<int:pk>/kandidat/rantai/",
        views_matching.position_candidate_chain,
        name="position_candidate_chain",
    ),
    # Seleksi terbuka of JPT posts (positions/selection.py)
    path("jabatan/<int:pk>/seleksi/", views_selection.selection_open, name="selection_open"),
    path("seleksi-jpt/", views_selection.selection_list, name="selection_list"),
    path("seleksi-jpt/<int:pk>/", views_selection.selection_detail, name="selection_detail"),
    path(
        "seleksi-jpt/<int:pk>/panitia/",
        views_selection.selection_member_add,
        name="selection_member_add",
    ),
    path(
        "seleksi-jpt/<int:pk>/panitia/hapus/",
        views_selection.selection_member_remove,
        name="selection_member_remove",
    ),
    path(
        "seleksi-jpt/<int:pk>/usulan/", views_selection.selection_propose, name="selection_propose"
    ),
    path(
        "seleksi-jpt/<int:pk>/penetapan/", views_selection.selection_decide, name="selection_decide"
    ),
    path(
        "seleksi-jpt/<int:pk>/penempatan/", views_selection.selection_place, name="selection_place"
    ),
    path("seleksi-jpt/<int:pk>/batal/", views_selection.selection_cancel, name="selection_cancel"),
    # Employees (register)
    path("pegawai/", views.employee_list, name="employee_list"),
    path("pegawai/ekspor.xlsx", views_import.employee_export, name="employee_export"),
    path("pegawai/tambah/", views.employee_create, name="employee_create"),
    path("pegawai/<int:pk>/", views.employee_detail, name="employee_detail"),
    path("pegawai/<int:pk>/ubah/", views.employee_edit, name="employee_edit"),
    path("pegawai/<int:pk>/pendidikan/tambah/", views.education_create, name="education_create"),
    path("pegawai/<int:pk>/penempatan/tambah/", views.placement_create, name="placement_create"),
    path("penempatan/<int:pk>/akhiri/", views.placement_end, name="placement_end"),
    # Import from Excel
    path("impor/", views_import.import_upload, name="import_upload"),
    path("impor/templat.xlsx", views_import.import_template, name="import_template"),
    path("impor/<int:pk>/", views_import.import_preview, name="import_preview"),
    path("impor/<int:pk>/simpan/", views_import.import_commit, name="import_commit"),
    path("audit/", views_audit.audit_list, name="audit"),
    path("laporan/duk/", views_duk.report_page, {"report": "duk"}, name="duk"),
    path("laporan/duk.xlsx", views_duk.report_xlsx, {"report": "duk"}, name="duk_xlsx"),
    path("laporan/duk.pdf", views_duk.report_pdf, {"report": "duk"}, name="duk_pdf"),
    path("laporan/nominatif/", views_duk.report_page, {"report": "nominatif"}, name="nominatif"),
    path(
        "laporan/nominatif.xlsx",
        views_duk.report_xlsx,
        {"report": "nominatif"},
        name="nominatif_xlsx",
    ),
    path(
        "laporan/nominatif.pdf", views_duk.report_pdf, {"report": "nominatif"}, name="nominatif_pdf"
    ),
    path("referensi/bup/", views_bup.bup_list, name="bup_list"),
    path("referensi/bup/tambah/", views_bup.bup_create, name="bup_create"),
    path("referensi/bup/<int:pk>/ubah/", views_bup.bup_edit, name="bup_edit"),
    path("referensi/bup/<int:pk>/hapus/", views_bup.bup_delete, name="bup_delete"),
]
