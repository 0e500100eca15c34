"""The PostgreSQL backend: a weighted tsvector column with a GIN index (migration 0002).

Django's PostgreSQL search functions need psycopg, which a SQLite-only install does not
have, so they are imported inside the functions that run only on PostgreSQL.

The planner prices a table scan without counting that checking @@ row by row unpacks every
stored vector, and so picks it over the GIN index for common words: ten times slower on a
large index. The queries here run with it turned off (SET LOCAL, in results.find's
transaction: see searching()).
"""

import contextlib

from django.db import connections, transaction
from django.db.models import F

from ..models import SearchDocument
from .highlight import END, START
from .query import QueryTerm

CONFIG = "english"
# ts_rank's weights for the D, C, B and A parts of the vector (unused, body, summary and
# headings, title and questions), and its length normalisation (docs/search.md, "Ranking").
WEIGHTS = [0.0, 0.2, 0.4, 1.0]
NORMALIZATION = 1


def build(alias: str) -> None:
    from django.contrib.postgres.search import SearchVector

    vector = (
        SearchVector("title", "questions", weight="A", config=CONFIG)
        + SearchVector("summary", "headings", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
    )
    SearchDocument.objects.using(alias).update(vector=vector)


@contextlib.contextmanager
def searching(alias: str):
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def expression(terms: list[QueryTerm]) -> str:
    return " | ".join(t.tsquery() for t in terms)


def _query(terms: list[QueryTerm]):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(expression(terms), search_type="raw", config=CONFIG)


def counts(terms: list[QueryTerm], alias: str) -> tuple[int, list[int]]:
    """How many pages there are, and how many each term is found in."""
    docs = SearchDocument._meta.db_table
    each = "".join(
        f", (SELECT count(*) FROM {docs} WHERE vector @@ to_tsquery(%s, %s))" for _ in terms
    )
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT count(*) FROM {docs}){each}",
            [v for t in terms for v in (CONFIG, t.tsquery())],
        )
        documents, *found = cursor.fetchone()
    return documents, found


def rank(terms: list[QueryTerm], alias: str, limit: int) -> tuple[list[tuple[int, float]], int]:
    """The best pages matching any term, as (id, score: higher is better), and how many
    match in all."""
    from django.contrib.postgres.search import SearchRank

    ts_query = _query(terms)
    matches = SearchDocument.objects.using(alias).filter(vector__matches=ts_query)
    rank = SearchRank(F("vector"), ts_query, weights=WEIGHTS, normalization=NORMALIZATION)
    best = (
        matches.annotate(rank=rank * F("boost"))
        .order_by("-rank", "id")
        .values_list("id", "rank")[:limit]
    )
    return list(best), matches.count()


def rows(terms: list[QueryTerm], alias: str, ids: list[int]) -> dict[int, tuple]:
    """Highlighted title, summary and best body passage of these pages."""
    from django.contrib.postgres.search import SearchHeadline

    ts_query = _query(terms)
    marks = {"start_sel": START, "stop_sel": END, "config": CONFIG}
    found = (
        SearchDocument.objects.using(alias)
        .filter(id__in=ids)
        .annotate(
            title_marked=SearchHeadline("title", ts_query, highlight_all=True, **marks),
            summary_marked=SearchHeadline("summary", ts_query, highlight_all=True, **marks),
            passage=SearchHeadline(
                "body", ts_query, max_words=32, min_words=16, max_fragments=1, **marks
            ),
        )
        .values_list("id", "url", "kind", "label", "title_marked", "summary_marked", "passage")
    )
    return {row[0]: row[1:] for row in found}
