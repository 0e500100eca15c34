"""The whole search for the view: a reader's words in, ranked pages with passages out.

find() parses the query (query.py) and checks it against the intent table (intents.py);
index.counts() gives each term's page count (most kept with the index); the backend for the
database that holds the index (sqlite.py or postgres.py) ranks and counts the matches;
ranking.py puts the best of them in order and says whether they answer the search; the
backend highlights the few shown (highlight.py makes them safe HTML); and lexicon.py offers
"did you mean". docs/search.md explains the choices.

Privacy: the query is never logged, stored or put in a cookie. Errors are logged by kind
only, because a database error message can quote the query.
"""

import logging
from dataclasses import dataclass, field

from django.db import DatabaseError, connections
from django.utils.safestring import SafeString

from ..models import SearchDocument
from . import index, intents, places, ranking
from .highlight import START, marked
from .lexicon import lexicon, suggest
from .query import Query, alternatives, concepts, informative, narrowed, parse

logger = logging.getLogger(__name__)

SHOWN = 10
MARKED = 4  # terms highlighted in the results shown


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
    # False when no page covers enough of the search: the page then says the site has no
    # page on it yet (ranking.ANSWERS).
    answered: bool = True
    cover: float = 0.0  # of the first result, from 0 to 1


def find(raw, site) -> Results:
    known = lexicon(site.vocabulary, tuple(site.synonyms), intents.reader_words(site.intents))
    query = parse(raw, site.synonyms, known)
    wanted = intents.match(list(query.typed), site.intents)
    if query.empty and not wanted.pages:
        return Results(query, "empty")
    state = index.status(site)
    if state != "ready":
        logger.error("Search index is %s; run `manage.py build_search_index`.", state)
        return Results(query, "unavailable")
    alias = index.database()
    backend = index.backend(alias)
    try:
        with backend.searching(alias):
            results = _search(query, site, wanted.pages, backend, alias)
    except DatabaseError as exc:
        logger.error("Search failed with %s.", type(exc).__name__)
        return Results(query, "unavailable")
    results.suggestion = suggest(query.text, known)
    return results


def _search(query: Query, site, pinned: tuple[str, ...], backend, alias: str) -> Results:
    terms, found = alternatives(query), concepts(query, site.synonyms)
    ordered, total, df = [], 0, {}
    if terms:
        documents, counts = index.counts(terms, alias)
        df = dict(zip(terms, counts, strict=True))
        terms = informative(terms, counts, documents)
        named = places.named(query.typed, site.states.values(), dict(query.corrections))
        weight = ranking.weights(found, df, documents)
        weight = ranking.scoped(found, weight, {w for name in named.values() for w in name})
        idf = [ranking.idf(df[t], documents) for t in terms]
        narrow = narrowed(terms, [df[t] for t in terms], documents)
        best, total = backend.rank(narrow, alias, ranking.CANDIDATES, idf, tuple(named))
        texts = _headline_text(alias, [i for i, _ in best], named)
        candidates = [ranking.Candidate(i, score, texts[i]) for i, score in best]
        ordered = ranking.order(candidates, found, weight)
    lead = _lead(pinned, [c.id for c, _ in ordered], alias)
    shown = lead + [c.id for c, _ in ordered if c.id not in lead][: SHOWN - len(lead)]
    # Highlighting costs more than ranking, most of it for words on every page: the rarest
    # few are marked.
    by_rarity = sorted(terms, key=lambda t: df[t])
    rows = backend.rows(by_rarity[:MARKED], alias, shown) if terms and shown else {}
    # Pages with none of the rarest terms: the next few, then (rarely needed) all of them.
    # Highlighting with every term of a long question was up to half of a slow search.
    for marking in (by_rarity[MARKED : 2 * MARKED], by_rarity[2 * MARKED :]):
        unmarked = [i for i in shown if i not in rows]
        if unmarked and marking:
            rows |= backend.rows(marking, alias, unmarked)
    unmatched = [i for i in lead if i not in rows]
    if unmatched:
        rows |= _plain_rows(alias, unmatched)
    cover = ordered[0][1] if ordered else 0.0
    answered = bool(lead) or cover >= ranking.ANSWERS
    hits = shape([rows[i] for i in shown if i in rows])
    return Results(query, "ok", hits, total + len(unmatched), answered=answered, cover=cover)


def _lead(pinned: tuple[str, ...], ranked: list[int], alias: str) -> list[int]:
    """The intent's pages, those the search ranks highest first, then the others in the
    order the intent table lists them."""
    if not pinned:
        return []
    ids = dict(SearchDocument.objects.using(alias).filter(url__in=pinned).values_list("url", "id"))
    listed = [ids[u] for u in pinned if u in ids]
    place = {i: n for n, i in enumerate(ranked)}
    return sorted(listed, key=lambda i: (place.get(i, len(ranked)), listed.index(i)))


def _headline_text(alias: str, ids: list[int], named: dict) -> dict[int, str]:
    """Each page's title, readers' questions, summary and headings, for ranking.order()
    (raw SQL: the ORM's own work was a tenth of a search). A page of a state the search
    names also has the words that named it ("nc" is North Carolina's pages' subject, though
    they spell the name out)."""
    if not ids:
        return {}
    docs = SearchDocument._meta.db_table
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"SELECT id, url, title, questions, summary, headings FROM {docs} "
            f"WHERE id IN ({', '.join(['%s'] * len(ids))})",
            ids,
        )
        found = cursor.fetchall()
    texts = {}
    for i, url, *parts in found:
        said = [" ".join(w) for place, w in named.items() if url.startswith(place)]
        texts[i] = "\n".join(parts + said)
    return texts


def _plain_rows(alias: str, ids: list[int]) -> dict[int, tuple]:
    """Rows without highlights, for intent pages that do not contain the words typed."""
    found = SearchDocument.objects.using(alias).filter(id__in=ids)
    return {
        i: (url, kind, label, title, summary, "")
        for i, url, kind, label, title, summary in found.values_list(
            "id", "url", "kind", "label", "title", "summary"
        )
    }


def shape(rows: list[tuple]) -> list[Hit]:
    """Rows from either database as results; the passage is the body's best match, or the
    summary when only the title or summary matched (glossary terms have no body)."""
    hits = []
    for url, kind, label, title, summary, passage in rows:
        best = passage if START in (passage or "") else summary
        hits.append(Hit(url, kind, label, marked(title), marked(best)))
    return hits
