from django.urls import path

from . import views

app_name = "positions"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("unit/", views.unit_list, name="unit_list"),
    path("unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("jabatan/", views.position_list, name="position_list"),
    path("jabatan/<int:pk>/", views.position_detail, name="position_detail"),
    path("pegawai/", views.employee_list, name="employee_list"),
    path("pegawai/tambah/", views.employee_create, name="employee_create"),
    path("pegawai/<int:pk>/", views.employee_detail, name="employee_detail"),
    path("pegawai/<int:pk>/ubah/", views.employee_edit, name="employee_edit"),
    path("pegawai/<int:pk>/pendidikan/tambah/", views.education_create, name="education_create"),
    path("pegawai/<int:pk>/penempatan/tambah/", views.placement_create, name="placement_create"),
    path("penempatan/<int:pk>/akhiri/", views.placement_end, name="placement_end"),
]
