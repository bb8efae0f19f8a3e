"""Security hardening: login throttling, password hashing and rules, CSP, session cookie."""

import base64
import datetime as dt
import hashlib
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

import asnportal.settings as production
from asnportal.models import User

PASSWORD = "Kopi-Lampung#2026"


@pytest.fixture
def budi(db: None) -> User:
    return User.objects.create_user("budi", password=PASSWORD)


def _login(client: Client, password: str, ip: str = "10.1.1.1", username: str = "budi"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


# --- Login throttling (django-axes) -----------------------------------------------------


def test_five_wrong_passwords_lock_username_and_ip_even_for_the_right_password(client, budi):
    for attempt in range(1, 5):
        response = _login(client, f"salah-{attempt}")
        assert response.status_code == 200, attempt  # the normal form error, not yet locked
        assert "Nama pengguna atau kata sandi salah" in response.content.decode()

    response = _login(client, "salah-5")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Akun dikunci sementara" in body
    assert "15 menit" in body and "juga dengan kata sandi yang benar" in body

    response = _login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    # The lockout is recorded: who, from where, how many failures.
    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address) == ("budi", "10.1.1.1")
    assert attempt.failures_since_start >= 5
    assert PASSWORD not in attempt.post_data


def test_lockout_is_per_username_and_ip_pair(client, budi):
    User.objects.create_user("sari", password=PASSWORD)
    for attempt in range(5):
        _login(client, f"salah-{attempt}")
    # The same person at another PC, and a colleague at the locked PC, still get in.
    assert _login(client, PASSWORD, ip="10.1.1.2").status_code == 302
    client.post(reverse("logout"))
    assert _login(client, PASSWORD, username="sari").status_code == 302


def test_correct_password_works_again_after_the_cool_off(client, budi):
    for attempt in range(5):
        _login(client, f"salah-{attempt}")
    assert _login(client, PASSWORD).status_code == 429
    # Fifteen minutes and a bit later (the attempt row is what axes compares against).
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    response = _login(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home:home")


def test_success_resets_the_failure_count(client, budi):
    for attempt in range(4):
        _login(client, f"salah-{attempt}")
    assert _login(client, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for attempt in range(4):
        assert _login(client, f"lagi-salah-{attempt}").status_code == 200
    assert _login(client, PASSWORD).status_code == 302


def test_client_ip_trusts_only_the_configured_number_of_proxies(rf, monkeypatch):
    client_ip = production.AXES_CLIENT_IP_CALLABLE
    request = rf.get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_ip(request) == "10.0.0.9"  # default: no proxy trusted, header ignored
    monkeypatch.setattr(production, "TRUSTED_PROXY_COUNT", 1)
    # One proxy appended the real client; the left entry was sent by the client itself.
    assert client_ip(request) == "203.0.113.7"


# --- Passwords ----------------------------------------------------------------------------


def test_argon2_is_the_production_hasher(db):
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        user = User.objects.create_user("argon", password=PASSWORD)
        assert user.password.startswith("argon2$")
        assert user.check_password(PASSWORD)


@pytest.mark.parametrize(
    "password, reason",
    [
        ("Ab#12xyz9", "terlalu pendek"),  # 9 characters
        ("password123", "terlalu umum"),
        ("4829173650", "seluruhnya terdiri dari angka"),
    ],
)
def test_weak_passwords_are_refused(db, password, reason):
    with pytest.raises(ValidationError) as exc:
        validate_password(password)
    assert reason in " ".join(exc.value.messages)


def test_password_like_the_username_is_refused(db):
    user = User(username="siti.rahmawati", first_name="Siti")
    with pytest.raises(ValidationError):
        validate_password("siti.rahmawati1", user)
    validate_password(PASSWORD, user)


def test_password_change_page_enforces_ten_characters(client_as, budi):
    client = client_as(budi)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Pendek#1", "new_password2": "Pendek#1"},
    )
    assert response.status_code == 200
    assert "setidaknya 10 karakter" in response.content.decode()


# --- Content-Security-Policy and session ---------------------------------------------------


def _csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


def test_pages_carry_a_strict_content_security_policy(client_as, employee):
    response = client_as(employee).get(reverse("home:home"))
    policy = _csp(response)
    assert policy["script-src"] == "script-src 'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert policy["form-action"] == "form-action 'self'"
    assert policy["base-uri"] == "base-uri 'self'"
    assert policy["img-src"] == "img-src 'self' data:"


def test_the_500_page_style_is_admitted_by_its_hash(client, db):
    from asnportal.views import server_error

    body = server_error(None).content.decode()
    style = re.search(r"<style>(.*?)</style>", body, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    header = client.get(reverse("login"))["Content-Security-Policy"]
    assert f"'sha256-{digest}'" in _csp_style(header)


def _csp_style(header: str) -> str:
    return next(p for p in header.split(";") if p.strip().startswith("style-src"))


def test_session_ends_with_the_browser_and_after_eight_hours(client, budi):
    response = _login(client, PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    assert client.session.get_expiry_age() == 8 * 3600
