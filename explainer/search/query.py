"""A reader's text as the terms the index is asked for.

parse() turns raw input into words (and the site's terms for any readers' words in the
synonym table); alternatives() turns those into QueryTerms, any of which may match;
informative() drops the ones too common to matter. Only letters and digits survive parsing,
which is what makes every term safe to hand to FTS5 or to PostgreSQL's tsquery parser.
"""

import dataclasses
import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .synonyms import expand, said
from .words import STOPWORDS, content_words, words

MAX_QUERY = 200  # longer input is cut, not refused
MAX_WORDS = 12  # bounds the work one query can ask of the database
MAX_TYPED = 40
MIN_PREFIX = 3
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffd]")


@dataclass(frozen=True)
class Query:
    text: str  # what the reader typed, cleaned and cut: shown back in the search box
    words: tuple[str, ...]  # the words that carry meaning, in order, without repeats
    terms: tuple[str, ...] = ()  # the site's terms, from the synonym table
    cut: bool = False
    completions: tuple[str, ...] = ()  # site words the last word may be the start of
    # (typed, site word) for typed words the site does not use but has one close to
    corrections: tuple[tuple[str, str], ...] = ()
    typed: tuple[str, ...] = ()  # every word typed, common ones too (see intents.py)

    @property
    def empty(self) -> bool:
        return not self.words and not self.terms


@dataclass(frozen=True)
class QueryTerm:
    """One thing the index is asked for: a word, a word's beginning, or a phrase.

    (Not to be confused with a glossary entry, content's Term.)
    """

    words: tuple[str, ...]
    prefix: bool = False
    # Looked for only in the title, readers' questions, summary and headings (see narrowed()).
    heads: bool = False

    def fts5(self) -> str:
        # Words hold only letters and digits (see words.py), so quoting them is enough to
        # keep FTS5 syntax such as NEAR, AND, * or ( from meaning anything.
        star = "*" if self.prefix else ""
        kept = [w for w in self.words if w not in STOPWORDS]
        if 1 < len(kept) < len(self.words):
            # A phrase such as "talk to the police": FTS5 would read where "to" and "the"
            # are on every page to match it, which made such searches the slowest of all.
            # Its meaningful words, within as many words of each other as were left out, find
            # those pages (and, in either order, a few more), much as PostgreSQL's english
            # configuration drops such words from a phrase.
            near = " ".join(f'"{w}"' for w in kept)
            found = f"NEAR({near}{star}, {len(self.words) - len(kept)})"
        else:
            found = f'"{" ".join(self.words)}"' + star
        return f"{{{' '.join(HEADS)}}}: {found}" if self.heads else found

    def tsquery(self) -> str:
        # Weights A and B are the title, questions, summary and headings (postgres.build).
        where = "AB" if self.heads else ""
        marks = [f":{where}" if where else ""] * len(self.words)
        if self.prefix:
            marks[-1] = f":*{where}"
        phrase = " <-> ".join(f"'{w}'{m}" for w, m in zip(self.words, marks, strict=True))
        return f"({phrase})"


def parse(raw, synonyms=(), lexicon: Lexicon | None = None) -> Query:
    """Clean what the reader typed and find the words and site terms to search for."""
    text = CONTROL_RE.sub(" ", raw if isinstance(raw, str) else "")
    text = " ".join(text.split())
    cut = len(text) > MAX_QUERY
    text = text[:MAX_QUERY].strip()
    meaningful = tuple(dict.fromkeys(content_words(text)))[:MAX_WORDS]
    completions, corrections = (), ()
    last = meaningful[-1] if meaningful else ""
    if lexicon and len(last) >= MIN_PREFIX and last not in lexicon.known:
        completions = lexicon.completions(last)  # probably still being typed
    if lexicon:
        corrections = tuple(
            (word, fixed)
            for word in meaningful
            if not (word == last and completions) and (fixed := lexicon.correct(word))
        )
    terms = tuple(expand(understood(meaningful, corrections), synonyms))
    typed = tuple(words(text))[:MAX_TYPED]
    return Query(text, meaningful, terms, cut, completions, corrections, typed)


def understood(typed: tuple[str, ...], corrections) -> list[str]:
    """The meaningful words in order, each misspelled one followed by its site word."""
    fixes = dict(corrections)
    out = []
    for word in typed:
        out += [word, fixes[word]] if word in fixes else [word]
    return out


def alternatives(query: Query) -> list[QueryTerm]:
    """Any of these may match: the words (the last also as a beginning, and through its
    completions), and the site's terms from the synonym table as phrases."""
    found = [QueryTerm((w,)) for w in query.words[:-1]]
    if query.words:
        last = query.words[-1]
        found.append(QueryTerm((last,), prefix=len(last) >= MIN_PREFIX))
    found += [QueryTerm((w,)) for w in query.completions]
    found += [QueryTerm((fixed,)) for _, fixed in query.corrections]
    found += [QueryTerm(tuple(words(t))) for t in query.terms]
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Concept:
    """One meaningful word typed, and every term that would count as finding it: the word
    (the last also as a beginning), its completions and spelling fix, and the site's terms
    for any reader phrase it is part of."""

    word: str
    terms: tuple[QueryTerm, ...]


def concepts(query: Query, synonyms=()) -> list[Concept]:
    typed = understood(query.words, query.corrections)
    fixes = dict(query.corrections)
    found = []
    for index, word in enumerate(query.words):
        last = index == len(query.words) - 1
        terms = [QueryTerm((word,), prefix=last and len(word) >= MIN_PREFIX)]
        if last:
            terms += [QueryTerm((w,)) for w in query.completions]
        if word in fixes:
            terms.append(QueryTerm((fixes[word],)))
        mine = {word, fixes.get(word, word)}
        for entry in synonyms:
            if any(phrase & mine and said(phrase, typed) for phrase in entry.readers):
                terms += [QueryTerm(tuple(words(t))) for t in entry.site]
        found.append(Concept(word, tuple(dict.fromkeys(terms))))
    return found


# The fields that say what a page is about, as against its body.
HEADS = ("title", "questions", "summary", "headings")
# Terms found in more than this share of all pages are left out of the database's ranking.
COMMON = 1 / 4
# Terms found in more than this share of all pages, and in more than BROAD_PAGES, are looked
# for only in HEADS when choosing candidates (narrowed()).
BROAD = 1 / 10
BROAD_PAGES = 500
# When every term is that common, the rarest few are ranked on.
RAREST = 2


def informative(terms: list[QueryTerm], counts: list[int], documents: int) -> list[QueryTerm]:
    """Leave out terms found in more than a quarter of all pages; when every term is that
    common, keep the rarest two.

    bm25 gives such a term little weight (none at all above half), so leaving it out did not
    change a single result on the relevance queries; it only made the database rank
    thousands of pages that match nothing else, which is what made long questions slow on a
    large index (docs/search.md, "Speed"). Such words still count in ranking.cover().
    """
    kept = [t for t, n in zip(terms, counts, strict=True) if n <= documents * COMMON]
    if kept:
        return kept
    rarest = sorted(range(len(terms)), key=lambda i: (counts[i], i))[:RAREST]
    return [terms[i] for i in sorted(rarest)]


def narrowed(terms: list[QueryTerm], counts: list[int], documents: int) -> list[QueryTerm]:
    """The terms for choosing candidates: one found in more than a tenth of all pages, and
    in more than BROAD_PAGES, is looked for only in the fields that say what a page is about
    (HEADS).

    The database scores every page a term matches, and on a large site a word such as
    "federal" or "kids" is in thousands of pages in passing; a page about it has it in its
    title, questions or headings. Scoring a few hundred pages costs little, so on a site the
    size of this one it applies only when a word kept for ranking is on more than 500 of
    its pages (the relevance figures did not change). It made the slowest searches on 10,000
    pages about a fifth faster; docs/search.md ("Speed") has that and its effect on
    relevance. Such words still count in ranking.cover().
    """
    least = max(documents * BROAD, BROAD_PAGES)
    return [
        dataclasses.replace(t, heads=True) if n > least else t
        for t, n in zip(terms, counts, strict=True)
    ]
