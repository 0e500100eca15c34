"""Search: a reader's words in, ranked pages with the matching passage highlighted out.

Three steps, each a plain function: parse() turns raw input into words (and the site's
terms for any readers' words in the synonym table); run_sqlite() / run_postgres() ask the
index for any of them (alternatives(), less the words too common to matter: informative());
shape() turns rows into safe HTML. find() ties them together for the view, and suggest()
offers "did you mean". docs/search.md explains the choices.

Privacy: the query is never logged, stored or put in a cookie. Errors are logged by kind
only, because a database error message can quote the query.
"""

import bisect
import difflib
import functools
import logging
import re
from dataclasses import dataclass, field

from django.db import DatabaseError, connections, transaction
from django.db.models import F
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import searchindex
from .models import SearchDocument
from .synonyms import expand, reader_words
from .words import STOPWORDS, content_words, words

logger = logging.getLogger(__name__)

MAX_QUERY = 200  # longer input is cut, not refused
MAX_WORDS = 12  # bounds the work one query can ask of the database
SHOWN = 10
MIN_PREFIX = 3
COMPLETIONS = 5
# Highlight markers: control characters that never occur in content. Text is escaped
# first and only then are these turned into <mark>, so no page text becomes markup.
START, END = "\x02", "\x03"
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffd]")


@dataclass(frozen=True)
class Query:
    text: str  # what the reader typed, cleaned and cut: shown back in the search box
    words: tuple[str, ...]  # the words that carry meaning, in order, without repeats
    terms: tuple[str, ...] = ()  # the site's terms, from the synonym table
    cut: bool = False
    completions: tuple[str, ...] = ()  # site words the last word may be the start of

    @property
    def empty(self) -> bool:
        return not self.words and not self.terms


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


def parse(raw, synonyms=(), lexicon: "Lexicon | None" = None) -> Query:
    """Clean what the reader typed and find the words and site terms to search for."""
    text = CONTROL_RE.sub(" ", raw if isinstance(raw, str) else "")
    text = " ".join(text.split())
    cut = len(text) > MAX_QUERY
    text = text[:MAX_QUERY].strip()
    meaningful = tuple(dict.fromkeys(content_words(text)))[:MAX_WORDS]
    terms = tuple(expand(set(content_words(text)), synonyms))
    completions = ()
    last = meaningful[-1] if meaningful else ""
    if lexicon and len(last) >= MIN_PREFIX and last not in lexicon.known:
        completions = lexicon.completions(last)  # probably still being typed
    return Query(text, meaningful, terms, cut, completions)


def find(raw, site) -> Results:
    known = lexicon(site.vocabulary, tuple(site.synonyms))
    query = parse(raw, site.synonyms, known)
    if query.empty:
        return Results(query, "empty")
    state = searchindex.status(site)
    if state != "ready":
        logger.error("Search index is %s; run `manage.py build_search_index`.", state)
        return Results(query, "unavailable")
    alias = searchindex.database()
    run = run_postgres if connections[alias].vendor == "postgresql" else run_sqlite
    try:
        rows, total = run(query, alias)
    except DatabaseError as exc:
        logger.error("Search failed with %s.", type(exc).__name__)
        return Results(query, "unavailable")
    return Results(query, "ok", shape(rows), total, suggest(query, known))


@dataclass(frozen=True)
class Term:
    """One thing the index is asked for: a word, a word's beginning, or a phrase."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts5(self) -> str:
        # Words hold only letters and digits (see words.py), so quoting them is enough to
        # keep FTS5 syntax such as NEAR, AND, * or ( from meaning anything.
        return f'"{" ".join(self.words)}"' + ("*" if self.prefix else "")

    def tsquery(self) -> str:
        phrase = " <-> ".join(f"'{w}'" for w in self.words)
        return f"({phrase}{':*' if self.prefix else ''})"


def alternatives(query: Query) -> list[Term]:
    """Any of these may match: the words (the last also as a beginning, and through its
    completions), and the site's terms from the synonym table as phrases."""
    found = [Term((w,)) for w in query.words[:-1]]
    if query.words:
        last = query.words[-1]
        found.append(Term((last,), prefix=len(last) >= MIN_PREFIX))
    found += [Term((w,)) for w in query.completions]
    found += [Term(tuple(words(t))) for t in query.terms]
    return list(dict.fromkeys(found))


def informative(terms: list[Term], counts: list[int], documents: int) -> list[Term]:
    """Leave out terms found in more than half of all pages, unless every term is.

    bm25 gives such a term no weight at all (its idf is cut to zero), so it cannot change
    the order of results; it only makes the database rank thousands of pages that match
    nothing else, which is what made long questions slow on a large index.
    """
    kept = [t for t, n in zip(terms, counts, strict=True) if n <= documents / 2]
    return kept or terms


def fts5_expression(terms: list[Term]) -> str:
    return " OR ".join(t.fts5() for t in terms)


def tsquery_expression(terms: list[Term]) -> str:
    return " | ".join(t.tsquery() for t in terms)


def run_sqlite(query: Query, alias: str, limit: int = SHOWN) -> tuple[list[tuple], int]:
    fts, docs = searchindex.FTS_TABLE, SearchDocument._meta.db_table
    terms = alternatives(query)
    with connections[alias].cursor() as cursor:
        if len(terms) > 1:
            counts = ", ".join(f"(SELECT count(*) FROM {fts} WHERE {fts} MATCH %s)" for _ in terms)
            cursor.execute(f"SELECT (SELECT count(*) FROM {docs}), {counts}",
                           [t.fts5() for t in terms])
            documents, *found = cursor.fetchone()
            terms = informative(terms, found, documents)
        expression = fts5_expression(terms)
        cursor.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH %s", [expression])
        total = cursor.fetchone()[0]
        # Rank first, then make highlights for the few shown: highlighting every match
        # costs more than ranking them. bm25 is negative (lower is better), so a boost
        # below 1 moves a page down.
        cursor.execute(
            f"SELECT {fts}.rowid FROM {fts} JOIN {docs} d ON d.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s ORDER BY {fts}.rank * d.boost, d.id LIMIT %s",
            [expression, limit],
        )
        ranked = [row[0] for row in cursor.fetchall()]
        if not ranked:
            return [], total
        cursor.execute(
            f"SELECT {fts}.rowid, d.url, d.kind, d.label, highlight({fts}, 0, %s, %s), "
            f"highlight({fts}, 1, %s, %s), snippet({fts}, 3, %s, %s, '…', 28) "
            f"FROM {fts} JOIN {docs} d ON d.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND {fts}.rowid IN ({', '.join(['%s'] * len(ranked))})",
            [START, END, START, END, START, END, expression, *ranked],
        )
        rows = {row[0]: row[1:] for row in cursor.fetchall()}
        return [rows[rowid] for rowid in ranked], total


def run_postgres(query: Query, alias: str, limit: int = SHOWN) -> tuple[list[tuple], int]:
    # The planner prices a table scan without counting that checking @@ row by row unpacks
    # every stored vector, and so picks it over the GIN index for common words: ten times
    # slower on a large index. Turned off for these queries only (SET LOCAL).
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        return _run_postgres(query, alias, limit)


def _run_postgres(query: Query, alias: str, limit: int) -> tuple[list[tuple], int]:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

    config = searchindex.PG_CONFIG
    terms = alternatives(query)
    if len(terms) > 1:
        docs = SearchDocument._meta.db_table
        counts = ", ".join(f"(SELECT count(*) FROM {docs} WHERE vector @@ to_tsquery(%s, %s))"
                           for _ in terms)
        with connections[alias].cursor() as cursor:
            cursor.execute(f"SELECT (SELECT count(*) FROM {docs}), {counts}",
                           [v for t in terms for v in (config, t.tsquery())])
            documents, *found = cursor.fetchone()
        terms = informative(terms, found, documents)
    ts_query = SearchQuery(tsquery_expression(terms), search_type="raw", config=config)
    marks = {"start_sel": START, "stop_sel": END, "config": config}
    matches = SearchDocument.objects.using(alias).filter(vector__matches=ts_query)
    rows = (
        matches.annotate(rank=SearchRank(F("vector"), ts_query, normalization=1) * F("boost"))
        .order_by("-rank", "id")
        .annotate(
            title_marked=SearchHeadline("title", ts_query, highlight_all=True, **marks),
            summary_marked=SearchHeadline("summary", ts_query, highlight_all=True, **marks),
            passage=SearchHeadline("body", ts_query, max_words=32, min_words=16,
                                   max_fragments=1, **marks),
        )
        .values_list("url", "kind", "label", "title_marked", "summary_marked", "passage")
    )[:limit]
    return list(rows), matches.count()


def shape(rows: list[tuple]) -> list[Hit]:
    """Rows from either database as results; the passage is the body's best match, or the
    summary when only the title or summary matched (glossary terms have no body)."""
    hits = []
    for url, kind, label, title, summary, passage in rows:
        best = passage if START in (passage or "") else summary
        hits.append(Hit(url, kind, label, marked(title), marked(best)))
    return hits


def marked(text: str) -> SafeString:
    """Escape the text, then turn the highlight markers into <mark> elements (and fold the
    line breaks of the indexed text into spaces)."""
    html = str(escape(" ".join((text or "").split())))
    return mark_safe(html.replace(START, "<mark>").replace(END, "</mark>"))  # noqa: S308


def suggest(query: Query, lexicon: "Lexicon") -> str:
    """'Did you mean' text when a typed word is unknown but close to one the site uses."""
    typed = words(query.text)
    changed = []
    for index, word in enumerate(typed):
        if word in lexicon.known or word in STOPWORDS or word.isdigit() or len(word) < 4:
            changed.append(word)
        elif index == len(typed) - 1 and lexicon.starts_a_word(word):
            changed.append(word)  # probably still being typed
        else:
            changed.append(lexicon.closest(word) or word)
    return " ".join(changed) if changed != typed else ""


@dataclass(frozen=True)
class Lexicon:
    """The words search knows: the site's own, and readers' words from the synonym table."""

    known: frozenset[str]
    ordered: tuple[str, ...]
    by_shape: dict[tuple[str, int], tuple[str, ...]]  # (first letter, length) -> words

    def completions(self, prefix: str) -> tuple[str, ...]:
        """The shortest few words that start with prefix: an index of stemmed words cannot
        match a half-typed word such as "enticem" by prefix alone."""
        at = bisect.bisect_left(self.ordered, prefix)
        found = []
        while at < len(self.ordered) and self.ordered[at].startswith(prefix):
            found.append(self.ordered[at])
            at += 1
        return tuple(sorted(found, key=len)[:COMPLETIONS])

    def starts_a_word(self, prefix: str) -> bool:
        at = bisect.bisect_left(self.ordered, prefix)
        return at < len(self.ordered) and self.ordered[at].startswith(prefix)

    def closest(self, word: str) -> str:
        # Only words with the same first letter and about the same length are compared:
        # readers rarely get the first letter wrong, and comparing all would take too long.
        candidates = [w for n in range(len(word) - 2, len(word) + 3)
                      for w in self.by_shape.get((word[0], n), ())]
        found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.8)
        return found[0] if found else ""


@functools.lru_cache(maxsize=4)
def lexicon(vocabulary: frozenset[str], synonyms: tuple) -> Lexicon:
    known = vocabulary | reader_words(list(synonyms))
    by_shape: dict[tuple[str, int], list[str]] = {}
    for word in sorted(known):
        by_shape.setdefault((word[0], len(word)), []).append(word)
    return Lexicon(known, tuple(sorted(known)), {k: tuple(ws) for k, ws in by_shape.items()})
