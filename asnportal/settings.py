"""ASN Portal settings: one module, every deploy-varying value from the environment.

Embedded default: no DATABASE_URL -> SQLite file; no REDIS_URL -> Celery runs tasks eagerly.
"""

import base64
import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import Any

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------
DEBUG = envbool("DEBUG", "1")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-dev-only-key-do-not-use-in-production-0123456789abcdef"  # nosec B105  # DEBUG only (see above)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = os.environ.get("SITE_NAME", "ASN Portal")
# Absolute address of the portal, printed in emails and in the verification QR code of PDFs.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
INSTANSI_NAME = os.environ.get("INSTANSI_NAME", "Pemerintah Provinsi Lampung")
# Printed documents: the letterhead's logo (a PNG, JPEG or SVG file; unset = text only) and
# the Pejabat Pembina Kepegawaian who rates a JPT with no superior among the employees.
DOCUMENT_LOGO = os.environ.get("DOCUMENT_LOGO", "")
DOCUMENT_PPK_NAME = os.environ.get("DOCUMENT_PPK_NAME", "")
DOCUMENT_PPK_TITLE = os.environ.get("DOCUMENT_PPK_TITLE", "Gubernur Lampung")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "template_partials",
    "treebeard",
    "simple_history",
    "axes",
    "csp",
    "asnportal",
    "core",
    "positions",
    "performance",
    "training",
    "talent",
    "home",
    "demo",  # seed data for every app (seed_demo …); sits on top, no app imports it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before any view or process_view touches the database (the user, the session), and inside
    # the security and CSP middleware so its 503 page carries their headers.
    "core.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: turns a lockout raised during login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "asnportal.urls"
WSGI_APPLICATION = "asnportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "asnportal.context_processors.site",
                "positions.context_processors.roles",
                "home.context_processors.navigation",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
# Unset DATABASE_URL: the embedded SQLite default, so a newcomer needs no server.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    # Persistent connections (60 s), checked before their first use in each request or task,
    # so that after a database restart the web processes and the worker reconnect by
    # themselves instead of failing on a dead connection.
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # JIT compilation costs more than it saves on our short OLTP queries (measured: the
        # candidate ranking at 120k employees takes ~2 s with JIT, ~0.3 s without).
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
        # An unreachable server answers the request with the 503 page after 5 s, not after
        # the operating system's TCP timeout of two minutes.
        DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 5)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -------------------------------------------------------------------
AUTH_USER_MODEL = "asnportal.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "login"
# Axes first: it refuses a locked-out username+IP before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
# Media is never served from a public URL: downloads go through views that check access.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Where relative URLs inside PDF templates (CSS, fonts, images) resolve: never the network.
PDF_ASSET_ROOT = str(BASE_DIR / "static") + "/"
# One WeasyPrint FontConfiguration per thread for every PDF (core.pdf.font_config); 0 makes a
# new one per document, WeasyPrint's default.
PDF_SHARE_FONT_CONFIG = envbool("PDF_SHARE_FONT_CONFIG", "1")
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Email --------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "0")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ASN Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Cache --------------------------------------------------------------------
# Rate-limit counters and cached candidate rankings live here: Redis when CACHE_URL (default:
# REDIS_URL) is set, shared by every web process; otherwise local memory (one process, the
# embedded default). A separate CACHE_URL keeps cache evictions away from the Celery queue.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "asnportal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a ranked candidate list may be reused (every write that can change it drops it anyway).
CANDIDATE_CACHE_SECONDS = envint("CANDIDATE_CACHE_SECONDS", "600")
# How long scope-wide dashboard figures are reused (core/figures.py); 0 computes them per request.
FIGURES_CACHE_SECONDS = envint("FIGURES_CACHE_SECONDS", "300")

# --- Celery -------------------------------------------------------------------
# Unset REDIS_URL: tasks run eagerly in-process (embedded default, no broker needed).
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", "300")
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", "240")
CELERY_TASK_ACKS_LATE = True
# One queue per deployment by default; tests run a private worker on a private queue.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "celery")
# A task taken by a worker that dies without a word (SIGKILL, power loss) goes back to the
# queue after this many seconds; it must exceed the longest task (finishing a report job).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", "7200"),
    # How often a worker sweeps for such abandoned tasks (kombu: interval × throttle).
    "unacked_restore_interval": envint("CELERY_RESTORE_INTERVAL", "10"),
    "unacked_restore_throttle": envint("CELERY_RESTORE_THROTTLE", "10"),
    # The lock a worker holds while it restores such tasks outlives a Redis restart that cut
    # it (it is a Redis key with this expiry): until then no worker restores anything.
    "unacked_mutex_expire": envint("CELERY_UNACKED_MUTEX_EXPIRE", "300"),
}
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A pool process is replaced after this many tasks (0: never), which bounds the memory a long
# run of PDF renders leaves behind (tests/perf/README.md, "PDF worker memory").
# Not read from CELERY_WORKER_MAX_TASKS_PER_CHILD: `celery worker` takes CELERY_WORKER_<OPTION>
# variables as its own command-line options (click's auto_envvar_prefix), and "0" there stops
# the worker at start ("maxtasksperchild must be a positive int or None").
CELERY_WORKER_MAX_TASKS_PER_CHILD = envint("CELERY_MAX_TASKS_PER_CHILD", "200") or None
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker whose broker restarts keeps trying to reconnect however long it takes (the default
# gives up after 100 tries); the same for results written while the broker is away.
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# kombu's Redis transport with the fix for a worker that died on a second Redis restart.
if REDIS_URL.startswith("redis://"):
    CELERY_BROKER_TRANSPORT = "asnportal.celery:RedisTransport"
CELERY_RESULT_BACKEND_ALWAYS_RETRY = True
CELERY_RESULT_BACKEND_MAX_RETRIES = 10
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_BEAT_SCHEDULE = {
    # A placement that changed mid-year ends the old SKP and starts the new one (README).
    "split-moved-skps": {"task": "performance.split_moved_skps", "schedule": 6 * 3600},
    # A placement recorded ahead of its TMT moves the employee's unit kerja on the TMT.
    "move-units-to-current-posts": {
        "task": "positions.move_units_to_current_posts",
        "schedule": crontab(hour=0, minute=5),
    },
    # Every write refreshes the employee's candidate features; the nightly run moves the one
    # date-dependent column forward and repairs anything written behind the code's back.
    "refresh-candidate-features": {
        "task": "positions.refresh_candidate_features",
        "schedule": crontab(hour=0, minute=30),
    },
}
CELERY_ACCEPT_CONTENT = ["json"]

# --- Domain parameters --------------------------------------------------------
# Jam kerja efektif per year for ABK (docs/domain.md §3.6): 1,250 hours = 75,000 minutes.
JAM_KERJA_EFEKTIF_MENIT = envint("JAM_KERJA_EFEKTIF_MENIT", "75000")
# Periodic evaluation: "triwulan" (TW I–III + IV/akhir, the official format, docs/domain.md §1.8)
# or "tahunan" (only the annual evaluation).
EVALUATION_PERIODS = os.environ.get("EVALUATION_PERIODS", "triwulan")
if EVALUATION_PERIODS not in {"triwulan", "tahunan"}:
    raise ImproperlyConfigured("EVALUATION_PERIODS must be 'triwulan' or 'tahunan'")
# Bukti dukung uploads: largest accepted file.
EVIDENCE_MAX_BYTES = envint("EVIDENCE_MAX_BYTES", str(5 * 1024 * 1024))
# Spreadsheet imports (core.spreadsheets): largest file, and most data rows per file. A
# kabupaten's whole register (up to ~20,000 ASN) fits in one file.
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", str(5 * 1024 * 1024))
IMPORT_MAX_ROWS = envint("IMPORT_MAX_ROWS", "25000")
# Leadership training (PKP/PKA/PKN) must be held within this many months of the placement TMT.
LEADERSHIP_GRACE_MONTHS = envint("LEADERSHIP_GRACE_MONTHS", "12")
# 20 JP compliance: warn about employees below target from this month on (third quarter).
JP_WARNING_FROM_MONTH = envint("JP_WARNING_FROM_MONTH", "7")
# Candidate ranking leaves out employees whose TMT pensiun (for the target post) is nearer.
MATCHING_MIN_MONTHS_TO_BUP = envint("MATCHING_MIN_MONTHS_TO_BUP", "24")

# --- Electronic signature (TTE) -------------------------------------------------
# PAdES signature of the yearly documents (performance.signing, README "Tanda tangan
# elektronik (TTE)"). No certificate configured: documents are stored unsigned, as rendered.
# The default certificate: a PKCS#12 file (.p12/.pfx, as BSrE issues it) and its passphrase.
TTE_PKCS12_PATH = os.environ.get("TTE_PKCS12_PATH", "")
TTE_PKCS12_PASSPHRASE = os.environ.get("TTE_PKCS12_PASSPHRASE", "")
# Optional JSON file of certificates per instansi/unit code or per pejabat penilai NIP:
# {"<code or NIP>": {"pkcs12": "<file>", "passphrase_env": "<variable holding the passphrase>"}}
TTE_CERTIFICATES_FILE = os.environ.get("TTE_CERTIFICATES_FILE", "")
# RFC 3161 timestamp authority asked at signing time (unset: no timestamp).
TTE_TSA_URL = os.environ.get("TTE_TSA_URL", "")
# CA certificates (PEM/DER files, comma-separated) the public verification page trusts; it
# never fetches revocation data or certificates from the network.
TTE_TRUST_ROOTS = envlist("TTE_TRUST_ROOTS", "")

# --- Security -----------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "0" if DEBUG else "1")
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", "0" if DEBUG else "1")
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", "0" if DEBUG else "1")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 3600))  # one working day
# Shared office PCs: closing the browser ends the session unless the deploy opts out.
SESSION_EXPIRE_AT_BROWSER_CLOSE = envbool("SESSION_EXPIRE_AT_BROWSER_CLOSE", "1")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "0" if DEBUG else "1")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username
# from one IP address, that pair is refused, even with the right password, for the cool-off.
# Keying on the pair means an attacker cannot lock a colleague out from another machine.
AXES_ENABLED = envbool("AXES_ENABLED", "1")
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = dt.timedelta(minutes=envint("AXES_COOLOFF_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind N reverse proxies that append to X-Forwarded-For, the client is the Nth address from
# the right; everything left of it is supplied by the client and could be forged to dodge the
# lockout. 0 (direct exposure, the default): REMOTE_ADDR.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0")


def _client_ip(request: Any) -> str | None:
    meta = request.META
    forwarded = [ip.strip() for ip in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [ip for ip in forwarded if ip]
    if TRUSTED_PROXY_COUNT and len(forwarded) >= TRUSTED_PROXY_COUNT:
        return forwarded[-TRUSTED_PROXY_COUNT]
    return meta.get("REMOTE_ADDR")


AXES_CLIENT_IP_CALLABLE = _client_ip

# Rate limits of public and expensive endpoints (core/ratelimit.py): (requests, window seconds)
# per logged-in user, or per client IP (same TRUSTED_PROXY_COUNT rule) for anonymous visitors.
RATELIMIT_ENABLED = envbool("RATELIMIT_ENABLED", "1")
RATE_LIMITS = {
    # The public verification page: codes must not be guessable by brute force.
    "verify": (envint("RATELIMIT_VERIFY_PER_MINUTE", "30"), 60),
    # Starting, re-running or resuming a report job (PDF rendering for a whole unit).
    "report_start": (envint("RATELIMIT_REPORT_PER_MINUTE", "10"), 60),
    # Spreadsheet imports (employees, competency assessments, SKP history): upload POSTs.
    "import": (envint("RATELIMIT_IMPORT_PER_MINUTE", "10"), 60),
}


def _inline_style_hash(template: Path) -> str:
    """CSP source for the one <style> element of a self-contained page, computed from the
    file so that editing the page cannot silently unstyle it."""
    text = template.read_text(encoding="utf-8")
    style = text.split("<style>", 1)[1].split("</style>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    return f"'sha256-{digest}'"


# Content-Security-Policy (django-csp 4): scripts and styles only from our own static files.
# No 'unsafe-inline' anywhere: behaviour lives in static/js/, widths and indents that used to
# be style="" attributes are classes in static/css/portal.css (htmx-swapped fragments would
# otherwise need 'unsafe-inline' for styles too). data: images are Bootstrap's inline SVG
# icons (toggler, select arrow, check marks). CSP_REPORT_ONLY=1 sends the same policy as
# Content-Security-Policy-Report-Only, to try a change on a live deploy without breaking it.
_csp = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # The hash admits only the self-contained <style> of the 500 page, which must render
        # even when static files are what broke.
        "style-src": [SELF, _inline_style_hash(BASE_DIR / "templates" / "500.html")],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if os.environ.get("CSP_REPORT_URI"):
    _csp["DIRECTIVES"]["report-uri"] = [os.environ["CSP_REPORT_URI"]]
if envbool("CSP_REPORT_ONLY", "0"):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp
    CONTENT_SECURITY_POLICY = None
else:
    CONTENT_SECURITY_POLICY = _csp

# --- Forms --------------------------------------------------------------------
# Every <select> written in Python, byte for byte what Django's templates write: a unit picker
# of a province (~200 options) cost ~400 template includes, 3–12 ms of a page
# (core/form_renderer.py; tests/perf/README.md, "Issue 15: every target in one sitting").
FORM_RENDERER = "core.form_renderer.FastSelectRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Logging ------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint narrates every layout step at INFO: one line per page per document.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
    },
}
