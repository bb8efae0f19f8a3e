from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from performance import views_reports

from . import forms, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            authentication_form=forms.LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "akun/kata-sandi/",
        auth_views.PasswordChangeView.as_view(form_class=forms.PasswordChangeForm),
        name="password_change",
    ),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("admin/", admin.site.urls),
    # Public: anyone holding a printed report checks its code (no login).
    path("verifikasi/", views_reports.verify, name="verify"),
    path("verifikasi/<str:code>/", views_reports.verify, name="verify_code"),
    path("kinerja/", include("performance.urls")),
    path("pelatihan/", include("training.urls")),
    path("talenta/", include("talent.urls")),
    path("", include("home.urls")),
    path("", include("positions.urls")),
]

handler403 = "asnportal.views.permission_denied"
handler404 = "asnportal.views.page_not_found"
handler500 = "asnportal.views.server_error"
