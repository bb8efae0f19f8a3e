"""Test speed overrides only."""

import os

from .settings import *  # noqa: F403
from .settings import REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Unit tests run tasks in-process; the Celery integration tests start a real worker
# against REDIS_URL and switch this off for themselves.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = REDIS_URL or "memory://"
SECURE_SSL_REDIRECT = False
# Many tests hit the same view from 127.0.0.1 within a minute; tests/core/test_ratelimit.py
# switches the limits on for itself.
RATELIMIT_ENABLED = False
# Serve static files from the finders so live-server (browser) tests need no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# SQLite tests use a file (one per test process) rather than memory, so that a real Celery
# worker process started by the integration tests can open the same test database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get(
            "SQLITE_TEST_PATH",
            f"/tmp/asnportal-test-{os.getpid()}.sqlite3",
        )
    }
