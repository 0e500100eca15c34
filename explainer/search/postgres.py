"""The PostgreSQL backend: a weighted tsvector column with a GIN index (migration 0002).

Django's PostgreSQL search functions need psycopg, which a SQLite-only install does not
have, so they are imported inside the functions that run only on PostgreSQL.
"""

from django.db import connections, transaction
from django.db.models import F

from ..models import SearchDocument
from .highlight import END, START
from .query import Query, QueryTerm, alternatives, informative

CONFIG = "english"


def build(alias: str) -> None:
    from django.contrib.postgres.search import SearchVector

    vector = (
        SearchVector("title", "questions", weight="A", config=CONFIG)
        + SearchVector("summary", "headings", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
    )
    SearchDocument.objects.using(alias).update(vector=vector)


def expression(terms: list[QueryTerm]) -> str:
    return " | ".join(t.tsquery() for t in terms)


def run(query: Query, alias: str, limit: int) -> tuple[list[tuple], int]:
    # The planner prices a table scan without counting that checking @@ row by row unpacks
    # every stored vector, and so picks it over the GIN index for common words: ten times
    # slower on a large index. Turned off for these queries only (SET LOCAL).
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        return _run(query, alias, limit)


def _run(query: Query, alias: str, limit: int) -> tuple[list[tuple], int]:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

    terms = alternatives(query)
    if len(terms) > 1:
        docs = SearchDocument._meta.db_table
        counts = ", ".join(
            f"(SELECT count(*) FROM {docs} WHERE vector @@ to_tsquery(%s, %s))" for _ in terms
        )
        with connections[alias].cursor() as cursor:
            cursor.execute(
                f"SELECT (SELECT count(*) FROM {docs}), {counts}",
                [v for t in terms for v in (CONFIG, t.tsquery())],
            )
            documents, *found = cursor.fetchone()
        terms = informative(terms, found, documents)
    ts_query = SearchQuery(expression(terms), search_type="raw", config=CONFIG)
    marks = {"start_sel": START, "stop_sel": END, "config": CONFIG}
    matches = SearchDocument.objects.using(alias).filter(vector__matches=ts_query)
    rows = (
        matches.annotate(rank=SearchRank(F("vector"), ts_query, normalization=1) * F("boost"))
        .order_by("-rank", "id")
        .annotate(
            title_marked=SearchHeadline("title", ts_query, highlight_all=True, **marks),
            summary_marked=SearchHeadline("summary", ts_query, highlight_all=True, **marks),
            passage=SearchHeadline(
                "body", ts_query, max_words=32, min_words=16, max_fragments=1, **marks
            ),
        )
        .values_list("url", "kind", "label", "title_marked", "summary_marked", "passage")
    )[:limit]
    return list(rows), matches.count()
