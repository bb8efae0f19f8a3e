from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("", views.home, name="home"),
    path("panduan/", views.panduan, name="panduan"),
    path("pengumuman/", views.announcement_list, name="announcement_list"),
    path("pengumuman/tulis/", views.announcement_create, name="announcement_create"),
    path("pengumuman/<int:pk>/ubah/", views.announcement_edit, name="announcement_edit"),
]
