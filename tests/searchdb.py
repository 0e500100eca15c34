"""Which database the search tests use: SQLite always, PostgreSQL when one is configured.

The same search tests run on both. For PostgreSQL a router sends the search index to the
'postgres' test database (settings_test.py adds it from EXPLAINER_TEST_POSTGRES); the code
under test finds its database through the router, as it would in production.
"""

import os

import pytest
from django.conf import settings

NO_POSTGRES = (
    "PostgreSQL is not available: scripts/test starts one when it is installed "
    "(scripts/system-deps installs it), or set EXPLAINER_TEST_POSTGRES to a "
    "postgresql:// URL"
)


class IndexOn:
    """Route the search index's tables to one database alias."""

    def __init__(self, alias: str):
        self.alias = alias

    def db_for_read(self, model, **hints):
        return self.alias if model._meta.app_label == "explainer" else None

    db_for_write = db_for_read


def alias_for(vendor: str) -> str | None:
    engines = {"sqlite": "sqlite3", "postgresql": "postgresql"}
    for alias, config in settings.DATABASES.items():
        if config["ENGINE"].endswith("." + engines[vendor]):
            return alias
    return None


def use_backend(vendor: str, django_settings) -> str:
    """Point the search index at a database of this kind, or skip (fail on CI) without one."""
    alias = alias_for(vendor)
    if alias is None:
        missing(vendor)
    if alias != "default":
        django_settings.DATABASE_ROUTERS = [IndexOn(alias)]
    return alias


def missing(vendor: str) -> None:
    """Skip a test that needs this database; on CI, where PostgreSQL must be there, fail."""
    if vendor == "sqlite":
        pytest.skip("the default database is not SQLite (DATABASE_URL points elsewhere)")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {NO_POSTGRES}")
    pytest.skip(NO_POSTGRES)
