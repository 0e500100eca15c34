"""The SQLite backend: an FTS5 table over the SearchDocument rows, ranked by bm25."""

from django.db import connections

from ..models import SearchDocument
from .highlight import END, START
from .query import Query, QueryTerm, alternatives, informative

FTS_TABLE = "explainer_search_fts"
# The indexed columns, in order, and their bm25 weights.
COLUMNS = ("title", "questions", "summary", "headings", "body")
FTS_RANK = "bm25(10.0, 10.0, 4.0, 4.0, 1.0)"


def build(alias: str) -> None:
    # An external-content table: the text stays in SearchDocument, FTS5 keeps only the index.
    with connections[alias].cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
            f"{', '.join(COLUMNS)}, "
            f"content='{SearchDocument._meta.db_table}', content_rowid='id', "
            "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4')"
        )
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', %s)", [FTS_RANK]
        )


def expression(terms: list[QueryTerm]) -> str:
    return " OR ".join(t.fts5() for t in terms)


def run(query: Query, alias: str, limit: int) -> tuple[list[tuple], int]:
    fts, docs = FTS_TABLE, SearchDocument._meta.db_table
    terms = alternatives(query)
    with connections[alias].cursor() as cursor:
        if len(terms) > 1:
            counts = ", ".join(f"(SELECT count(*) FROM {fts} WHERE {fts} MATCH %s)" for _ in terms)
            cursor.execute(
                f"SELECT (SELECT count(*) FROM {docs}), {counts}", [t.fts5() for t in terms]
            )
            documents, *found = cursor.fetchone()
            terms = informative(terms, found, documents)
        matching = expression(terms)
        cursor.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH %s", [matching])
        total = cursor.fetchone()[0]
        # Rank first, then make highlights for the few shown: highlighting every match
        # costs more than ranking them. bm25 is negative (lower is better), so a boost
        # below 1 moves a page down.
        cursor.execute(
            f"SELECT {fts}.rowid FROM {fts} JOIN {docs} d ON d.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s ORDER BY {fts}.rank * d.boost, d.id LIMIT %s",
            [matching, limit],
        )
        ranked = [row[0] for row in cursor.fetchall()]
        if not ranked:
            return [], total
        cursor.execute(
            f"SELECT {fts}.rowid, d.url, d.kind, d.label, highlight({fts}, 0, %s, %s), "
            f"highlight({fts}, 2, %s, %s), snippet({fts}, 4, %s, %s, '…', 28) "
            f"FROM {fts} JOIN {docs} d ON d.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND {fts}.rowid IN ({', '.join(['%s'] * len(ranked))})",
            [START, END, START, END, START, END, matching, *ranked],
        )
        rows = {row[0]: row[1:] for row in cursor.fetchall()}
        return [rows[rowid] for rowid in ranked], total
