"""Building the search index in the site's database, and telling whether it is current.

The index is a copy of content/: `manage.py build_search_index` replaces it whole, in one
transaction, and records the fingerprint of the content it was built from. A search against
an index with another fingerprint is refused rather than answered from old text.

Each backend (sqlite.py, postgres.py) makes its own index over the SearchDocument rows.
"""

import dataclasses

from django.db import DatabaseError, connections, router, transaction
from django.utils import timezone

from ..models import SearchDocument, SearchIndexState, SearchTermCount
from . import postgres, sqlite
from .documents import SearchDoc, documents, vocabulary
from .query import QueryTerm
from .words import words

BACKENDS = {"sqlite": sqlite, "postgresql": postgres}
COUNTED_AT_ONCE = 200  # terms per counting query while building


class SearchUnsupported(Exception):
    pass


def database() -> str:
    """The database alias that holds the index (the default one, unless a router says so)."""
    return router.db_for_write(SearchDocument)


def build(site) -> int:
    phrases = [t for entry in site.synonyms for t in entry.site]
    return build_from(documents(site), site.fingerprint, phrases)


def build_from(docs: list[SearchDoc], fingerprint: str, phrases=()) -> int:
    """Replace the whole index with these documents; returns how many were indexed.
    phrases: the synonym table's site terms, counted with the words of the pages."""
    alias = database()
    vendor = connections[alias].vendor
    if vendor not in BACKENDS:
        raise SearchUnsupported(f"search needs SQLite or PostgreSQL, not {vendor}")
    with transaction.atomic(using=alias):
        rows = SearchDocument.objects.using(alias)
        rows.all().delete()
        rows.bulk_create([SearchDocument(**dataclasses.asdict(d)) for d in docs], batch_size=500)
        BACKENDS[vendor].build(alias)
        _count_terms(alias, vocabulary(docs), phrases)
        SearchIndexState.objects.using(alias).all().delete()
        SearchIndexState.objects.using(alias).create(
            fingerprint=fingerprint, documents=len(docs), built_at=timezone.now()
        )
    return len(docs)


def _count_terms(alias: str, site_words, phrases) -> None:
    """Count, once, the pages each of the site's words and synonym phrases is found in."""
    terms = list(
        dict.fromkeys([QueryTerm((w,)) for w in sorted(site_words)] + [_term(p) for p in phrases])
    )
    terms = [t for t in terms if t.words]
    found = []
    for start in range(0, len(terms), COUNTED_AT_ONCE):
        batch = terms[start : start + COUNTED_AT_ONCE]
        found += BACKENDS[connections[alias].vendor].counts(batch, alias)[1]
    counted = SearchTermCount.objects.using(alias)
    counted.all().delete()
    counted.bulk_create(
        [SearchTermCount(term=_key(t), documents=n) for t, n in zip(terms, found, strict=True)],
        batch_size=500,
    )


def _term(phrase: str) -> QueryTerm:
    return QueryTerm(tuple(words(phrase)))


def _key(term: QueryTerm) -> str:
    return " ".join(term.words)


def counts(terms: list[QueryTerm], alias: str) -> tuple[int, list[int]]:
    """How many pages there are, and how many each term is found in: from the counts made
    with the index where it has them (every whole word and synonym phrase of the site),
    from the database for the rest (a word still being typed, a word no page uses).

    Counting a common word reads its whole list of pages, and a long question brought a
    dozen such counts: a sixth of a slow search on 10,000 pages (docs/search.md, "Speed")."""
    keys = [_key(t) for t in terms if not t.prefix and not t.heads]
    table, state = SearchTermCount._meta.db_table, SearchIndexState._meta.db_table
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"SELECT NULL, documents FROM {state}"
            + (
                f" UNION ALL SELECT term, documents FROM {table} "
                f"WHERE term IN ({', '.join(['%s'] * len(keys))})"
                if keys
                else ""
            ),
            keys,
        )
        stored = dict(cursor.fetchall())
    documents = stored.pop(None, 0)
    rest = [t for t in terms if t.prefix or t.heads or _key(t) not in stored]
    live = {}
    if rest:
        documents, found = backend(alias).counts(rest, alias)
        live = dict(zip(rest, found, strict=True))
    return documents, [live[t] if t in live else stored[_key(t)] for t in terms]


def status(site) -> str:
    """'ready', 'stale' (built from other content) or 'missing' (never built here)."""
    # Raw SQL: asked on every search, and the ORM's own work was most of its cost.
    alias = database()
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(
                f"SELECT fingerprint FROM {SearchIndexState._meta.db_table} ORDER BY id LIMIT 1"
            )
            state = cursor.fetchone()
    except DatabaseError:
        return "missing"
    if state is None:
        return "missing"
    return "ready" if state[0] == site.fingerprint else "stale"


def backend(alias: str):
    """The module that searches this database: sqlite or postgres."""
    return BACKENDS[connections[alias].vendor]


def rebuild_if_stale(site) -> bool:
    if status(site) == "ready":
        return False
    build(site)
    return True
