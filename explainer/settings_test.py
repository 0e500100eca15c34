"""Settings for the test suite: production behaviour (debug off) without TLS redirects."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-used-anywhere-else-0123456789")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from .settings import *  # noqa: E402,F403

# Tests run without collectstatic, so the hashed-manifest storage would have nothing to read.
STORAGES = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# The browser tests' live server has debug off too: whitenoise serves static files straight
# from the apps' folders, so no collectstatic is needed before a test run.
WHITENOISE_USE_FINDERS = True

# The search tests also run on PostgreSQL when scripts/lib/services.sh (or you) names a server:
# tests/conftest.py routes the search index to this second database for those runs.
if os.environ.get("EXPLAINER_TEST_POSTGRES"):
    import dj_database_url

    DATABASES["postgres"] = dj_database_url.parse(os.environ["EXPLAINER_TEST_POSTGRES"])  # noqa: F405
