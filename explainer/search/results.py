"""The whole search for the view: a reader's words in, ranked pages with passages out.

find() parses the query (query.py), asks the backend for the database that holds the index
(sqlite.py or postgres.py), shapes the rows into safe HTML (highlight.py) and offers "did
you mean" (lexicon.py). docs/search.md explains the choices.

Privacy: the query is never logged, stored or put in a cookie. Errors are logged by kind
only, because a database error message can quote the query.
"""

import logging
from dataclasses import dataclass, field

from django.db import DatabaseError
from django.utils.safestring import SafeString

from . import index
from .highlight import START, marked
from .lexicon import lexicon, suggest
from .query import Query, parse

logger = logging.getLogger(__name__)

SHOWN = 10


@dataclass(frozen=True)
class Hit:
    url: str
    kind: str
    label: str
    title: SafeString
    passage: SafeString


@dataclass
class Results:
    query: Query
    state: str = "ok"  # ok | empty | unavailable
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    suggestion: str = ""


def find(raw, site) -> Results:
    known = lexicon(site.vocabulary, tuple(site.synonyms))
    query = parse(raw, site.synonyms, known)
    if query.empty:
        return Results(query, "empty")
    state = index.status(site)
    if state != "ready":
        logger.error("Search index is %s; run `manage.py build_search_index`.", state)
        return Results(query, "unavailable")
    alias = index.database()
    try:
        rows, total = index.backend(alias).run(query, alias, SHOWN)
    except DatabaseError as exc:
        logger.error("Search failed with %s.", type(exc).__name__)
        return Results(query, "unavailable")
    return Results(query, "ok", shape(rows), total, suggest(query.text, known))


def shape(rows: list[tuple]) -> list[Hit]:
    """Rows from either database as results; the passage is the body's best match, or the
    summary when only the title or summary matched (glossary terms have no body)."""
    hits = []
    for url, kind, label, title, summary, passage in rows:
        best = passage if START in (passage or "") else summary
        hits.append(Hit(url, kind, label, marked(title), marked(best)))
    return hits
