"""Building the search index in the site's database, and telling whether it is current.

The index is a copy of content/: `manage.py build_search_index` replaces it whole, in one
transaction, and records the fingerprint of the content it was built from. A search against
an index with another fingerprint is refused rather than answered from old text.

SQLite: an FTS5 table over the SearchDocument rows (porter stemming, prefix indexes, bm25
weighted title > summary and headings > body). PostgreSQL: a weighted tsvector column
(title A, summary and headings B, body C) with a GIN index.
"""

import dataclasses
import logging

from django.db import DatabaseError, connections, router, transaction
from django.utils import timezone

from .models import SearchDocument, SearchIndexState
from .searchdocs import SearchDoc, documents

logger = logging.getLogger(__name__)

FTS_TABLE = "explainer_search_fts"
# bm25 weights by column: title, summary, headings, body.
FTS_RANK = "bm25(10.0, 4.0, 4.0, 1.0)"
PG_CONFIG = "english"
SUPPORTED = {"sqlite", "postgresql"}


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
    if vendor not in SUPPORTED:
        raise SearchUnsupported(f"search needs SQLite or PostgreSQL, not {vendor}")
    with transaction.atomic(using=alias):
        rows = SearchDocument.objects.using(alias)
        rows.all().delete()
        rows.bulk_create([SearchDocument(**dataclasses.asdict(d)) for d in docs],
                         batch_size=500)
        if vendor == "postgresql":
            _fill_vectors(alias)
        else:
            _build_fts(alias)
        SearchIndexState.objects.using(alias).all().delete()
        SearchIndexState.objects.using(alias).create(
            fingerprint=fingerprint, documents=len(docs), built_at=timezone.now())
    return len(docs)


def _build_fts(alias: str) -> None:
    # An external-content table: the text stays in SearchDocument, FTS5 keeps only the index.
    with connections[alias].cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
            "title, summary, headings, body, "
            f"content='{SearchDocument._meta.db_table}', content_rowid='id', "
            "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4')"
        )
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', %s)",
                       [FTS_RANK])


def _fill_vectors(alias: str) -> None:
    from django.contrib.postgres.search import SearchVector  # needs psycopg: Postgres only

    vector = (
        SearchVector("title", weight="A", config=PG_CONFIG)
        + SearchVector("summary", "headings", weight="B", config=PG_CONFIG)
        + SearchVector("body", weight="C", config=PG_CONFIG)
    )
    SearchDocument.objects.using(alias).update(vector=vector)


def status(site) -> str:
    """'ready', 'stale' (built from other content) or 'missing' (never built here)."""
    try:
        state = SearchIndexState.objects.using(database()).first()
    except DatabaseError:
        return "missing"
    if state is None:
        return "missing"
    return "ready" if state.fingerprint == site.fingerprint else "stale"


def rebuild_if_stale(site) -> bool:
    if status(site) == "ready":
        return False
    build(site)
    return True
