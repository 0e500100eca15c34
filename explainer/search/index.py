"""Building the search index in the site's database, and telling whether it is current.

The index is a copy of content/: `manage.py build_search_index` replaces it whole, in one
transaction, and records the fingerprint of the content it was built from. A search against
an index with another fingerprint is refused rather than answered from old text.

Each backend (sqlite.py, postgres.py) makes its own index over the SearchDocument rows.
"""

import dataclasses

from django.db import DatabaseError, connections, router, transaction
from django.utils import timezone

from ..models import SearchDocument, SearchIndexState
from . import postgres, sqlite
from .documents import SearchDoc, documents

BACKENDS = {"sqlite": sqlite, "postgresql": postgres}


class SearchUnsupported(Exception):
    pass


def database() -> str:
    """The database alias that holds the index (the default one, unless a router says so)."""
    return router.db_for_write(SearchDocument)


def build(site) -> int:
    return build_from(documents(site), site.fingerprint)


def build_from(docs: list[SearchDoc], fingerprint: str) -> int:
    """Replace the whole index with these documents; returns how many were indexed."""
    alias = database()
    vendor = connections[alias].vendor
    if vendor not in BACKENDS:
        raise SearchUnsupported(f"search needs SQLite or PostgreSQL, not {vendor}")
    with transaction.atomic(using=alias):
        rows = SearchDocument.objects.using(alias)
        rows.all().delete()
        rows.bulk_create([SearchDocument(**dataclasses.asdict(d)) for d in docs], batch_size=500)
        BACKENDS[vendor].build(alias)
        SearchIndexState.objects.using(alias).all().delete()
        SearchIndexState.objects.using(alias).create(
            fingerprint=fingerprint, documents=len(docs), built_at=timezone.now()
        )
    return len(docs)


def status(site) -> str:
    """'ready', 'stale' (built from other content) or 'missing' (never built here)."""
    try:
        state = SearchIndexState.objects.using(database()).first()
    except DatabaseError:
        return "missing"
    if state is None:
        return "missing"
    return "ready" if state.fingerprint == site.fingerprint else "stale"


def backend(alias: str):
    """The module that searches this database: sqlite or postgres."""
    return BACKENDS[connections[alias].vendor]


def rebuild_if_stale(site) -> bool:
    if status(site) == "ready":
        return False
    build(site)
    return True
