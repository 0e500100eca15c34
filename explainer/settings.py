"""Settings come from environment variables; the defaults are safe for a local run.

Debug is off unless DJANGO_DEBUG=1, and with debug off the site refuses to start without
DJANGO_SECRET_KEY, so a forgotten variable can never publish a debug page.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
CONTENT_DIR = Path(os.environ.get("EXPLAINER_CONTENT_DIR", BASE_DIR / "content"))


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off.")
    SECRET_KEY = "local-debug-only-not-a-secret"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django_htmx",
    "csp",
    "explainer.apps.ExplainerConfig",
]

# No session, auth or messages middleware: reader pages never need state, so nothing can
# set a cookie. CSRF middleware stays for defence in depth; it only sets a cookie when a
# template asks for a token, and no template does.
MIDDLEWARE = [
    "explainer.pagecache.PageCacheMiddleware",  # first: a kept page skips the rest
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "explainer.middleware.PrivacyHeadersMiddleware",
]

ROOT_URLCONF = "explainer.urls"
WSGI_APPLICATION = "explainer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "explainer.context_processors.site",
                "explainer.book.link",
                "explainer.context_processors.publisher",
                "explainer.context_processors.audience",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic writes; a front server may serve it (deploy/nginx.conf).
STATIC_ROOT = Path(os.environ.get("EXPLAINER_STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# The page cache (explainer/pagecache.py): this process's memory by default, or a cache shared
# by several app machines, e.g. EXPLAINER_CACHE_URL=redis://cache.internal:6379/0 (needs the
# redis extra). Entries are capped, and keys carry the content build and EXPLAINER_RELEASE, so
# machines running another release never share pages.
PAGE_CACHE_URL = os.environ.get("EXPLAINER_CACHE_URL", "").strip()
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache"
        if PAGE_CACHE_URL.startswith(("redis://", "rediss://", "unix://"))
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": PAGE_CACHE_URL or "explainer-pages",
        "TIMEOUT": 86_400,
        "KEY_PREFIX": os.environ.get("EXPLAINER_RELEASE", ""),
        "OPTIONS": {"MAX_ENTRIES": 500, "CULL_FREQUENCY": 4} if not PAGE_CACHE_URL else {},
    },
}
if PAGE_CACHE_URL and CACHES["pages"]["BACKEND"].endswith("LocMemCache"):
    raise ImproperlyConfigured("EXPLAINER_CACHE_URL must start with redis://, rediss:// or unix://")
# How long browsers and shared caches may keep a page, and serve it stale while they fetch a
# fresh one (docs/deploy.md: what a reader may see after a deploy, and how to purge).
PAGE_MAX_AGE = int(os.environ.get("EXPLAINER_PAGE_MAX_AGE", 300))
PAGE_STALE_SECONDS = int(os.environ.get("EXPLAINER_PAGE_STALE_SECONDS", 600))

# Security headers. Referrer-Policy no-referrer keeps a reader's path off other sites' logs.
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
if not DEBUG:
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31_536_000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = (
        ("HTTP_X_FORWARDED_PROTO", "https") if env_flag("DJANGO_BEHIND_PROXY", False) else None
    )

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "manifest-src": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}

# Access logs stay with the front server; Django itself logs only errors, and never a
# query string, so search terms are not written anywhere (content/pages/privacy.md says so).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django": {"handlers": ["console"], "level": "ERROR"},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# Where "Leave this site" goes: a neutral page that says nothing about what the reader was reading.
LEAVE_SITE_URL = os.environ.get("EXPLAINER_LEAVE_URL", "https://www.weather.gov/")

# The address printed on handouts for every page they name. Set it in production: without it the
# sheets print whatever host served the request (on a laptop, 127.0.0.1), which no reader can use.
PUBLIC_URL = os.environ.get("EXPLAINER_PUBLIC_URL", "").rstrip("/")

# Who publishes the site, shown on About and in the footer so a reader (or an intake worker
# deciding whether to hand it out) can judge it. The deploying organisation fills these in;
# left empty, the site says plainly that it is an open-source project with no reviewing attorney.
PUBLISHER = {
    "name": os.environ.get("EXPLAINER_PUBLISHER_NAME", ""),
    "url": os.environ.get("EXPLAINER_PUBLISHER_URL", ""),
    "legal_reviewer": os.environ.get("EXPLAINER_LEGAL_REVIEWER", ""),
    "funding": os.environ.get("EXPLAINER_FUNDING", ""),
    "contact": os.environ.get("EXPLAINER_CONTACT", ""),
}
