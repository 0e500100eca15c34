"""The SQLite backend: an FTS5 table over the SearchDocument rows, ranked by bm25."""

import contextlib

from django.db import connections

from ..models import SearchDocument
from .highlight import END, START
from .places import sql as placed
from .query import QueryTerm

FTS_TABLE = "explainer_search_fts"
# The indexed columns, in order, and their bm25 weights: readers' questions count as much
# as the title, summary and headings less, the body least (docs/search.md, "Ranking").
COLUMNS = ("title", "questions", "summary", "headings", "body")
FTS_RANK = "bm25(10.0, 10.0, 4.0, 4.0, 1.0)"
POOL = 100  # best matches by bm25 alone, from which the boosted best are taken


def build(alias: str) -> None:
    # An external-content table: the text stays in SearchDocument, FTS5 keeps only the index.
    with connections[alias].cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
            f"{', '.join(COLUMNS)}, "
            f"content='{SearchDocument._meta.db_table}', content_rowid='id', "
            "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4 5 6')"
        )
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', %s)", [FTS_RANK]
        )


def expression(terms: list[QueryTerm]) -> str:
    return " OR ".join(t.fts5() for t in terms)


def counts(terms: list[QueryTerm], alias: str) -> tuple[int, list[int]]:
    """How many pages there are, and how many each term is found in."""
    fts, docs = FTS_TABLE, SearchDocument._meta.db_table
    each = "".join(f", (SELECT count(*) FROM {fts} WHERE {fts} MATCH %s)" for _ in terms)
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT (SELECT count(*) FROM {docs}){each}", [t.fts5() for t in terms])
        documents, *found = cursor.fetchone()
    return documents, found


def rank(
    terms: list[QueryTerm],
    alias: str,
    limit: int,
    idf: list[float] | None = None,
    places: tuple[str, ...] = (),
) -> tuple[list[tuple[int, float]], int]:
    """The best pages matching any term, as (id, score: higher is better), and how many
    pages match. bm25 already weighs each word by its rarity, so idf is not needed here.
    bm25 is negative (lower is better), so a boost below 1 moves a page down. places: the
    states the search names (places.py)."""
    fts, docs = FTS_TABLE, SearchDocument._meta.db_table
    boost, boost_params, keep, keep_params = placed(places)
    with connections[alias].cursor() as cursor:
        # FTS5 keeps only the best POOL while ranking when the query is its own ORDER BY rank
        # LIMIT; joining every match to its boost first made it sort them all. Boosts are at
        # most 1, so they only move a page down, and the best few stay within the pool (but
        # for the pages of a state the search names, places.STATE: a handful of short pages
        # that match its name, so they are in the pool already). The window count is the
        # number of matches, counted in the same pass: a separate count read every term's
        # pages again, about a tenth of a slow search.
        cursor.execute(
            f"SELECT f.rowid, -f.rank * {boost}, f.matched FROM (SELECT rowid, rank, "
            f"count(*) OVER () AS matched FROM {fts} WHERE {fts} MATCH %s ORDER BY rank "
            f"LIMIT %s) f JOIN {docs} d ON d.id = f.rowid "
            f"WHERE {keep} ORDER BY f.rank * {boost}, d.id LIMIT %s",
            [*boost_params, expression(terms), POOL, *keep_params, *boost_params, limit],
        )
        found = cursor.fetchall()
    if not found:  # nothing matches, or only pages of other states than the one named
        return [], total(terms, alias)
    return [(row[0], row[1]) for row in found], found[0][2]


def total(terms: list[QueryTerm], alias: str) -> int:
    """How many pages match any of the terms."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression(terms)]
        )
        return cursor.fetchone()[0]


def rows(terms: list[QueryTerm], alias: str, ids: list[int]) -> dict[int, tuple]:
    """Highlighted title, summary and best body passage of these pages (only the few shown:
    highlighting costs more than ranking)."""
    fts, docs = FTS_TABLE, SearchDocument._meta.db_table
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"SELECT {fts}.rowid, d.url, d.kind, d.label, highlight({fts}, 0, %s, %s), "
            f"highlight({fts}, 2, %s, %s), snippet({fts}, 4, %s, %s, '…', 28) "
            f"FROM {fts} JOIN {docs} d ON d.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND {fts}.rowid IN ({', '.join(['%s'] * len(ids))})",
            [START, END, START, END, START, END, expression(terms), *ids],
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


def searching(alias: str):
    """Nothing to set up on SQLite (see postgres.searching)."""
    return contextlib.nullcontext()
