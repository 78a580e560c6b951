"""Django settings for Warmline, read from environment variables (see .env.example)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF

from warmline.config.env import env_bool, env_int, env_list, env_str
from warmline.config.home import secret_key, warmline_home
from warmline.core.zones import machine_zone

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = warmline_home()

SECRET_KEY = secret_key(HOME)
DEBUG = env_bool("WARMLINE_DEBUG", False)
# Set by `warmline serve` when it binds a loopback address: the only user is signed in.
LOCAL_MODE = env_bool("WARMLINE_LOCAL_MODE", False)
# Where people reach this server, for addresses printed outside a request (the
# journal's feed, invitations printed by the CLI, links in emailed reports).
BASE_URL = env_str("WARMLINE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env_list("WARMLINE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("WARMLINE_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "ninja",
    "warmline.accounts",
    "warmline.people",
    "warmline.outreach",
    "warmline.meetings",
    "warmline.exchange",
    "warmline.insights",
    "warmline.coaching",
    "warmline.journal",
    "warmline.home",
    "warmline.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "warmline.accounts.middleware.LocalOwnerMiddleware",
    "warmline.accounts.middleware.UserTimeZoneMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "warmline.config.urls"
WSGI_APPLICATION = "warmline.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["warmline.core.template_filters"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "warmline.home.context_processors.warmline",
            ],
        },
    },
]


def _database() -> dict[str, Any]:
    if url := env_str("DATABASE_URL"):
        max_age = env_int("WARMLINE_CONN_MAX_AGE", 60)
        return dict(dj_database_url.parse(url, conn_max_age=max_age))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": HOME / "warmline.sqlite3",
        "OPTIONS": {
            # WAL lets readers work while one writer writes; IMMEDIATE takes the
            # write lock at BEGIN, so concurrent writers wait (busy timeout)
            # instead of failing halfway.
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home:today"
LOGOUT_REDIRECT_URL = "login"

# django-axes checks every sign-in first: it refuses one that is locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# The server's zone: each user's own (their profile) applies to their requests and
# commands; this one to users who have not chosen, and to upkeep like `tick`.
TIME_ZONE = env_str("WARMLINE_TIME_ZONE") or machine_zone()
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# WhiteNoise serves straight from the static folders: no collectstatic step.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = HOME / "files"
# Uploads (resume versions) are the owner's alone; Django's defaults are 0644/0755.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True

# Sign-in throttling (django-axes): 10 failures for one account, or from one
# address, within 15 minutes lock that account or address out for 15 minutes.
AXES_FAILURE_LIMIT = env_int("WARMLINE_SIGN_IN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = dt.timedelta(
    minutes=env_int("WARMLINE_SIGN_IN_LOCKOUT_MINUTES", 15)
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The lock-out ends when its window does, however often someone keeps trying.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True  # failures are kept; successful sign-ins are not
AXES_LOCKOUT_CALLABLE = "warmline.accounts.throttling.locked_out"
AXES_USERNAME_CALLABLE = "warmline.accounts.throttling.username_tried"
AXES_CLIENT_IP_CALLABLE = "warmline.accounts.throttling.client_address"
AXES_VERBOSE = False
# Behind a reverse proxy on this host every request comes from 127.0.0.1: the
# client's address is the last one the proxy appended to X-Forwarded-For.
BEHIND_PROXY = env_bool("WARMLINE_BEHIND_PROXY", False)

# Serving several users over the internet (README, "Serving several users"): TLS
# in front, so cookies, redirects and HSTS assume https.
SECURE = env_bool("WARMLINE_SECURE", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = env_bool("WARMLINE_HSTS_PRELOAD", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
# Preloading is a promise to browsers' built-in lists that only the operator can
# make (hstspreload.org); the header is sent when WARMLINE_HSTS_PRELOAD=1.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# No inline script or style anywhere: behaviour lives in static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Email: only with a host configured; the password-reset pages exist only then.
EMAIL_HOST = env_str("WARMLINE_EMAIL_HOST", "")
EMAIL_CONFIGURED = bool(EMAIL_HOST)
EMAIL_PORT = env_int("WARMLINE_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("WARMLINE_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("WARMLINE_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("WARMLINE_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("WARMLINE_EMAIL_FROM", "warmline@localhost")
# Without a host, mail (the weekly report) is printed to the console, not lost.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_CONFIGURED
    else "django.core.mail.backends.console.EmailBackend"
)

# Phone numbers without a country code are read as numbers of this region.
PHONE_REGION = env_str("WARMLINE_PHONE_REGION", "US")
PEOPLE_PER_PAGE = 50
RESUME_MAX_BYTES = env_int("WARMLINE_RESUME_MAX_BYTES", 5 * 1024 * 1024)
# How large an import may be (README, "Imports"); a file beyond any of these is
# refused before it is read further: bytes, rows (CSV records, header included, or
# vCards), columns (cells of a record, or lines of a vCard) and characters a cell
# (or a vCard value) may hold.
IMPORT_MAX_BYTES = env_int("WARMLINE_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("WARMLINE_IMPORT_MAX_ROWS", 200_000)
IMPORT_MAX_COLUMNS = env_int("WARMLINE_IMPORT_MAX_COLUMNS", 200)
IMPORT_MAX_CELL_CHARACTERS = env_int("WARMLINE_IMPORT_MAX_CELL_CHARACTERS", 100_000)
# The 3B7 routine, in business days after an outreach that got no reply: reach a
# second person at the organization, follow up once, then mark them "no reply".
CADENCE_SECOND_CONTACT_DAYS = env_int("WARMLINE_CADENCE_SECOND_CONTACT_DAYS", 3)
CADENCE_FOLLOW_UP_DAYS = env_int("WARMLINE_CADENCE_FOLLOW_UP_DAYS", 7)
CADENCE_GIVE_UP_DAYS = env_int("WARMLINE_CADENCE_GIVE_UP_DAYS", 10)
FAN_KEEP_IN_TOUCH_DAYS = env_int("WARMLINE_FAN_KEEP_IN_TOUCH_DAYS", 30)

# The API's rate per token (or signed-in user), requests a minute (api/rate.py). It
# is counted in the "api-rate" cache: a directory every process on this machine
# shares, or a Redis server (redis://…) that several machines share.
API_RATE = env_int("WARMLINE_API_RATE", 600)
_RATE_CACHE = env_str("WARMLINE_API_RATE_CACHE", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "api-rate": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _RATE_CACHE,
        }
        if _RATE_CACHE.startswith(("redis://", "rediss://"))
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": _RATE_CACHE or str(HOME / "cache" / "api-rate"),
        }
    ),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_str("WARMLINE_LOG_LEVEL", "WARNING"),
    },
}
