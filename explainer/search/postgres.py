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
from django.db.models import F, Func, TextField, Value

from ..models import SearchDocument
from .highlight import END, START
from .places import sql as placed
from .query import QueryTerm

CONFIG = "english"
# ts_rank's weights for the D, C, B and A parts of the vector (unused, body, summary and
# headings, title and questions), and its length normalisation (docs/search.md, "Ranking").
WEIGHTS = [0.0, 0.2, 0.4, 1.0]
NORMALIZATION = 0
POOL = 100  # pages ranked again with each word's rarity (see rank())


def build(alias: str) -> None:
    from django.contrib.postgres.search import SearchVector

    vector = (
        SearchVector(_words("title"), _words("questions"), weight="A", config=CONFIG)
        + SearchVector(_words("summary"), _words("headings"), weight="B", config=CONFIG)
        + SearchVector(_words("body"), weight="C", config=CONFIG)
    )
    SearchDocument.objects.using(alias).update(vector=vector)


def _words(field: str) -> Func:
    """The field with every run of characters other than letters and digits made a space.

    A search keeps only letters and digits (query.parse), so "948.075" is searched as 948 and
    075; PostgreSQL's own parser would index it as one word, "948.075", and a section number
    typed into the search box would find nothing. SQLite's tokenizer already splits there.
    """
    return Func(
        F(field),
        Value(r"[^[:alnum:]]+"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


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


def rank(
    terms: list[QueryTerm],
    alias: str,
    limit: int,
    idf: list[float] | None = None,
    places: tuple[str, ...] = (),
) -> tuple[list[tuple[int, float]], int]:
    """The best pages matching any term, as (id, score: higher is better), and how many
    pages match.

    ts_rank, unlike bm25, does not weigh a word by how rare it is, so a common word counts
    as much as the one that names the topic. The best POOL pages by ts_rank are ranked
    again by each term's own ts_rank times its idf (from the counts the caller made).
    places: the states the search names (places.py); the other states' pages are left out
    of the ranking but counted among the matches, as on SQLite.
    """
    docs = SearchDocument._meta.db_table
    weights = "{" + ",".join(str(w) for w in WEIGHTS) + "}"
    every = expression(terms)
    idf = idf or [1.0] * len(terms)
    boost, boost_params, keep, keep_params = placed(places)
    each = " + ".join("%s * ts_rank(%s::float4[], vector, to_tsquery(%s, %s), %s)" for _ in terms)
    each_params = [
        v
        for t, w in zip(terms, idf, strict=True)
        for v in (w, weights, CONFIG, t.tsquery(), NORMALIZATION)
    ]
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"WITH found AS (SELECT d.id, {boost} AS boost, d.vector, {keep} AS kept, "
            f"ts_rank(%s::float4[], d.vector, to_tsquery(%s, %s), %s) AS first, "
            f"count(*) OVER () AS matched FROM {docs} d WHERE d.vector @@ to_tsquery(%s, %s)), "
            f"pool AS (SELECT id, boost, vector, matched FROM found WHERE kept "
            f"ORDER BY first * boost DESC, id LIMIT %s) "
            f"SELECT id, ({each}) * boost AS score, matched FROM pool "
            f"ORDER BY score DESC, id LIMIT %s",
            [
                *boost_params,
                *keep_params,
                weights,
                CONFIG,
                every,
                NORMALIZATION,
                CONFIG,
                every,
                POOL,
                *each_params,
                limit,
            ],
        )
        found = cursor.fetchall()
    if not found:  # nothing matches, or only pages of other states than the one named
        return [], total(terms, alias)
    return [(row[0], row[1]) for row in found], found[0][2]


def total(terms: list[QueryTerm], alias: str) -> int:
    """How many pages match any of the terms."""
    docs = SearchDocument._meta.db_table
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {docs} WHERE vector @@ to_tsquery(%s, %s)",
            [CONFIG, expression(terms)],
        )
        return cursor.fetchone()[0]


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
