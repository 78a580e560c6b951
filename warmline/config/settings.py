"""Django settings for Warmline, read from environment variables (see .env.example)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

from warmline.config.env import env_bool, env_int, env_list, env_str
from warmline.config.home import secret_key, warmline_home

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = warmline_home()

SECRET_KEY = secret_key(HOME)
DEBUG = env_bool("WARMLINE_DEBUG", False)
# Set by `warmline serve` when it binds a loopback address: the only user is signed in.
LOCAL_MODE = env_bool("WARMLINE_LOCAL_MODE", False)
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
    "warmline.accounts",
    "warmline.people",
    "warmline.outreach",
    "warmline.meetings",
    "warmline.exchange",
    "warmline.insights",
    "warmline.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "warmline.accounts.middleware.LocalOwnerMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "warmline.config.urls"
WSGI_APPLICATION = "warmline.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
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

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("WARMLINE_TIME_ZONE", "UTC")
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
SESSION_COOKIE_SECURE = env_bool("WARMLINE_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Phone numbers without a country code are read as numbers of this region.
PHONE_REGION = env_str("WARMLINE_PHONE_REGION", "US")
PEOPLE_PER_PAGE = 50
RESUME_MAX_BYTES = env_int("WARMLINE_RESUME_MAX_BYTES", 5 * 1024 * 1024)
# The 3B7 routine, in business days after an outreach that got no reply: reach a
# second person at the organization, follow up once, then mark them "no reply".
CADENCE_SECOND_CONTACT_DAYS = env_int("WARMLINE_CADENCE_SECOND_CONTACT_DAYS", 3)
CADENCE_FOLLOW_UP_DAYS = env_int("WARMLINE_CADENCE_FOLLOW_UP_DAYS", 7)
CADENCE_GIVE_UP_DAYS = env_int("WARMLINE_CADENCE_GIVE_UP_DAYS", 10)
FAN_KEEP_IN_TOUCH_DAYS = env_int("WARMLINE_FAN_KEEP_IN_TOUCH_DAYS", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_str("WARMLINE_LOG_LEVEL", "WARNING"),
    },
}
