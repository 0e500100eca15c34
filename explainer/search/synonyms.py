"""Readers' words for the site's words, from content/synonyms.yaml.

A frightened reader types "cp charge" or "sextorsion", not "child sexual abuse material" or
"sextortion". Each entry lists the words readers use and the site's terms to search for as
well. A site term that appears nowhere on the site could never find anything, so it stops
the content build with its file and line, like any other content mistake.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

from .. import yamlfile
from ..errors import Collector, Problem
from .words import content_words, stem, words

FIELDS = {"readers", "site"}


@dataclass(frozen=True)
class Synonym:
    readers: tuple[frozenset[str], ...]  # each reader phrase as its meaningful words
    site: tuple[str, ...]  # the site's terms, as written
    line: int


def load(path: Path, site_text: str, problems: list[Problem]) -> list[Synonym]:
    """Read and check the synonym file; a missing file simply means no synonyms.

    site_text is every indexed word, as searchdocs.running_text() gives it: each site term
    must occur there as a phrase, or the index could never match it.
    """
    out = Collector(path, problems)
    try:
        raw = yamlfile.load(path)
    except FileNotFoundError:
        return []
    except yamlfile.YamlError as exc:
        out.add(exc.line, str(exc))
        return []
    if not isinstance(raw, list):
        out.add(1, "synonyms must be a list of entries with 'readers' and 'site'")
        return []
    entries, seen = [], {}
    for item in raw:
        line = yamlfile.line_of(item)
        if not isinstance(item, dict) or set(item) != FIELDS:
            out.add(line, "each synonym entry needs exactly 'readers' and 'site'")
            continue
        readers, site = _phrases(item["readers"]), _phrases(item["site"])
        if not readers or not site:
            out.add(line, "'readers' and 'site' must each be a phrase or a list of phrases")
            continue
        phrases = []
        for phrase in readers:
            meaning = frozenset(content_words(phrase))
            if not meaning:
                out.add(
                    line,
                    f"reader phrase {phrase!r} has only common words; it would match "
                    "almost any search",
                )
            elif meaning in seen:
                out.add(
                    line,
                    f"reader phrase {phrase!r} repeats one at line {seen[meaning]} "
                    "(common words and word order do not count)",
                )
            else:
                seen[meaning] = line
                phrases.append(meaning)
        for term in site:
            if not words(term) or f" {' '.join(words(term))} " not in site_text:
                out.add(
                    line,
                    f"site term {term!r} does not appear on any page, so it could never find one",
                )
        entries.append(Synonym(tuple(phrases), tuple(site), line or 0))
    return entries


def _phrases(value) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        return []
    return [i.strip() for i in items]


# A reader phrase counts only when its meaningful words come together in the search, in any
# order: in "she asked for money or she would send my pics", "asked ... pics" is not "asked
# for pics". Allowing even one word between them found fewer right pages (docs/search.md).
NEAR = 0  # other meaningful words allowed between a phrase's words


def said(phrase: frozenset[str], typed: list[str]) -> bool:
    """Whether the meaningful words typed contain the phrase's words close together, any
    word ending allowed ("hurting myself" says "hurt myself")."""
    want = stems(phrase)
    typed, present = _stemmed(tuple(typed))
    if not want <= present:
        return False
    span = len(want) + NEAR
    return any(
        want <= set(typed[start : start + span]) for start, word in enumerate(typed) if word in want
    )


@functools.lru_cache(maxsize=256)
def _stemmed(typed: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The search's words stemmed, in order and as a set: said() is asked about every reader
    phrase in the table for the same search."""
    found = tuple(stem(w) for w in typed)
    return found, frozenset(found)


@functools.lru_cache(maxsize=2048)
def stems(phrase: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in phrase)


def expand(typed: list[str], synonyms: list[Synonym]) -> list[str]:
    """The site's terms for every reader phrase said in the search (see said())."""
    found: list[str] = []
    for entry in synonyms:
        if any(said(phrase, typed) for phrase in entry.readers):
            found.extend(t for t in entry.site if t not in found)
    return found


def reader_words(synonyms: list[Synonym]) -> frozenset[str]:
    """Words search understands through the synonym table, even if no page uses them."""
    return frozenset(w for entry in synonyms for phrase in entry.readers for w in phrase)
