"""Putting the pages the database found in order, the same way on both databases, and
deciding whether the best of them answers the search at all.

The database ranks by its own measure (bm25 on SQLite, ts_rank on PostgreSQL) over every
field. Broad pages that mention a bit of everything in their body do well on that measure
for almost any search. So the best few it finds are ordered again by how much of the search
a page's own title, readers' questions, summary and headings cover (each typed word counted
by how rare it is on the site), and the same cover decides whether the site has a page on
what was asked. docs/search.md ("Ranking") has the measurements behind the numbers.
"""

import functools
import math
from dataclasses import dataclass

from .query import Concept
from .words import stem, words

CANDIDATES = 30  # pages the database ranks first, for this module to order
# Final score: the database's score (relative to the best) times (1 + LIFT * cover).
LIFT = 4.0
# A result answers the search when its cover is at least this (see docs/search.md).
ANSWERS = 0.38


@dataclass(frozen=True)
class Candidate:
    id: int
    score: float  # the database's, higher is better
    text: str  # the page's title, questions, summary and headings


@functools.lru_cache(maxsize=4096)
def _words_of(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    found = words(text)
    return frozenset(stem(w) for w in found), tuple(sorted(set(found)))


def weights(found: list[Concept], df: dict, documents: int) -> list[float]:
    """How much each typed word counts: rare words on the site count most (bm25's idf). A
    word no page uses counts as much as the rarest: it often names what the site does not
    cover ("dui", "bankruptcy"), which is what decides that nothing answers the search; but
    a number no page uses counts for nothing."""
    out = []
    for concept in found:
        seen = [df.get(t, 0) for t in concept.terms if df.get(t, 0) > 0]
        if not seen and _loose_number(concept.word):
            out.append(0.0)  # a number no page uses ("6am", "5000") is not the topic
        else:
            out.append(idf(min(seen) if seen else 0, documents))
    return out


def scoped(found: list[Concept], weight: list[float], place: set[str]) -> list[float]:
    """A state named in the search ("ohio sexting charge") counts as much as all the other
    words together: a page on sexting in general, or in another state, answers half of it."""
    named = [c.word in place for c in found]
    rest = sum(w for w, n in zip(weight, named, strict=True) if not n)
    if not any(named) or not rest:
        return weight
    share = rest / sum(named)
    return [share if n else w for w, n in zip(weight, named, strict=True)]


def _loose_number(word: str) -> bool:
    """A time, amount or count ("6am", "5000"); not a short number, which may be part of a
    statute that PostgreSQL indexes whole ("948.075")."""
    return any(c.isdigit() for c in word) and (not word.isdigit() or len(word) >= 4)


def idf(found_in: int, documents: int) -> float:
    """bm25's inverse document frequency: near 0 for a word on every page, high for a rare one."""
    return math.log(1 + (documents - found_in + 0.5) / (found_in + 0.5))


def has(concept: Concept, text: str) -> bool:
    stems, plain = _words_of(text)
    for term in concept.terms:
        if term.prefix and any(w.startswith(term.words[0]) for w in plain):
            return True
        if all(stem(w) in stems for w in term.words):
            return True
    return False


def cover(found: list[Concept], weight: list[float], text: str) -> float:
    """The share of the search (by weight) that this text has, from 0 to 1."""
    total = sum(weight)
    if not total:
        return 0.0
    return sum(w for c, w in zip(found, weight, strict=True) if has(c, text)) / total


def order(candidates: list[Candidate], found: list[Concept], weight: list[float]):
    """The candidates best first, each with its cover."""
    if not candidates:
        return []
    best = max(c.score for c in candidates) or 1.0
    scored = []
    for c in candidates:
        share = cover(found, weight, c.text)
        scored.append((c.score / best * (1 + LIFT * share), -c.id, c, share))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return [(c, share) for _, _, c, share in scored]
