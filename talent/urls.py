from django.urls import path

from . import views, views_merit

app_name = "talent"

urlpatterns = [
    path("", views.grid, name="grid"),
    path("unduh/", views.grid_xlsx, name="grid_xlsx"),
    path("hitung/", views.grid_calculate, name="grid_calculate"),
    path("suksesi/", views.critical_list, name="critical_list"),
    path("suksesi/<int:pk>/", views.succession_detail, name="succession"),
    path("suksesi/<int:pk>/kritikal/", views.critical_mark, name="critical_mark"),
    path("suksesi/<int:pk>/setujui/", views.succession_approve, name="succession_approve"),
    path("suksesi/<int:pk>/pengembangan/", views.succession_action, name="succession_action"),
    path("suksesi/<int:pk>/rencana-mutasi/", views.planned_move, name="planned_move"),
    path("proyeksi/", views.forecast_page, name="forecast"),
    path("sistem-merit/", views_merit.merit_page, name="merit"),
    path("sistem-merit/daftar/", views_merit.merit_detail, name="merit_detail"),
]
