"""Project shell: login, deny-by-default, health check, error pages, settings rules."""

import os
import subprocess
import sys

from django.urls import reverse

from asnportal.celery import app as celery_app


def test_login_page_is_in_indonesian(client, db):
    body = client.get(reverse("login")).content.decode()
    assert "Nama pengguna" in body and "Kata sandi" in body and 'lang="id"' in body


def test_wrong_password_gets_indonesian_message(client, employee):
    response = client.post(reverse("login"), {"username": "employee", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()


def test_login_lands_on_dashboard(client, db):
    from asnportal.models import User

    User.objects.create_user("budi", password="Rahasia#2026x")
    response = client.post(reverse("login"), {"username": "budi", "password": "Rahasia#2026x"})
    assert response.status_code == 302
    assert response["Location"] == reverse("home:home")


def test_every_page_but_login_and_healthz_requires_login(client, db):
    for url in ["/", "/pegawai/", "/jabatan/", "/unit/", "/akun/kata-sandi/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


def test_logout_requires_post_and_ends_session(client_as, employee):
    client = client_as(employee)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_password_change_page_renders(client_as, employee):
    response = client_as(employee).get(reverse("password_change"))
    assert response.status_code == 200
    assert "Ubah kata sandi" in response.content.decode()


def test_healthz_reports_database_and_broker(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["database"]["ok"] is True
    assert data["broker"]["ok"] is True


def test_healthz_is_503_when_broker_unreachable(client, db):
    saved = {k: celery_app.conf[k] for k in ("task_always_eager", "broker_url")}
    # Celery's Settings cannot be monkeypatched (no delattr): update and restore by hand.
    celery_app.conf.update(task_always_eager=False, broker_url="redis://127.0.0.1:1/0")
    try:
        response = client.get("/healthz")
    finally:
        celery_app.conf.update(saved)
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False


def test_404_page_is_friendly(client_as, employee):
    response = client_as(employee).get("/tidak-ada/")
    assert response.status_code == 404
    assert "tidak ditemukan" in response.content.decode()


def test_403_page_is_friendly(client_as, employee, world):
    url = reverse("positions:employee_edit", args=[world.employee_emp.pk])
    response = client_as(employee).get(url)
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode()


def test_500_page_renders_without_context(rf):
    from asnportal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Terjadi kesalahan" in response.content.decode()


# The pytest run sets DJANGO_SETTINGS_MODULE to the test settings; a subprocess must not inherit it.
ENV_UNDER_TEST = {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _import_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ENV_UNDER_TEST}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "asnportal.settings"
    code = "import django; django.setup()"
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True)


def test_secret_key_is_required_when_debug_is_off():
    result = _import_settings({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_bad_boolean_setting_is_refused():
    result = _import_settings({"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_production_settings_pass_check_deploy():
    env = {
        "DEBUG": "0",
        "SECRET_KEY": "k" * 20 + "Z9#x!q@w8e7r6t5y4u3i2o1p0-aSdFgHjKl",
        "ALLOWED_HOSTS": "asn.lampungprov.go.id",
    }
    clean = {k: v for k, v in os.environ.items() if k not in ENV_UNDER_TEST}
    clean.update(env)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout
