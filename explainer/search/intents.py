"""Pages to put first when most of what a reader typed says what they need, from
content/search-intents.yaml.

Someone who types "fbi", "raided" or "should i talk to them" needs the first-48-hours
checklist, what not to do and a lawyer, whatever other pages mention those words. Writers
list the words and the pages; this module only checks the file and measures how much of a
search an entry explains. Nothing here special-cases a query.
"""

from dataclasses import dataclass
from pathlib import Path

from .. import yamlfile
from ..errors import Collector, Problem
from .synonyms import stems
from .words import STOPWORDS, stem, words

FIELDS = {"name", "readers", "pages"}
# An entry's pages come first only when its phrases explain more than half of the meaningful
# words typed: "fbi raided my house" yes, "fbi took my laptop months ago no charges" no.
MOST = 0.5


@dataclass(frozen=True)
class Intent:
    name: str
    readers: tuple[frozenset[str], ...]  # each phrase as its words (see phrase_words)
    pages: tuple[str, ...]  # addresses, in the order they are shown
    line: int


@dataclass(frozen=True)
class Match:
    intent: Intent | None = None
    share: float = 0.0  # how much of the search the intent's phrases explain, 0 to 1

    @property
    def pages(self) -> tuple[str, ...]:
        return self.intent.pages if self.intent and self.share > MOST else ()


def phrase_words(phrase: str) -> frozenset[str]:
    """A phrase's meaningful words; a phrase of only common words ("what do i do") keeps
    them all, and then matches only a search made of the same common words."""
    every = words(phrase)
    return frozenset(w for w in every if w not in STOPWORDS) or frozenset(every)


def load(path: Path, urls: set[str], problems: list[Problem]) -> list[Intent]:
    """Read and check the intent file; a missing file means no intents."""
    out = Collector(path, problems)
    try:
        raw = yamlfile.load(path)
    except FileNotFoundError:
        return []
    except yamlfile.YamlError as exc:
        out.add(exc.line, str(exc))
        return []
    if not isinstance(raw, list):
        out.add(1, "search intents must be a list of entries with 'name', 'readers' and 'pages'")
        return []
    entries, seen = [], {}
    for item in raw:
        line = yamlfile.line_of(item) or 0
        if not isinstance(item, dict) or set(item) != FIELDS:
            out.add(line, "each search intent needs exactly 'name', 'readers' and 'pages'")
            continue
        readers, pages = _strings(item["readers"]), _strings(item["pages"])
        if not isinstance(item["name"], str) or not readers or not pages:
            out.add(line, "'name' must be text; 'readers' and 'pages' lists of text")
            continue
        phrases = []
        for phrase in readers:
            found = phrase_words(phrase)
            if not found:
                out.add(line, f"reader phrase {phrase!r} has no words")
            elif found in seen:
                out.add(line, f"reader phrase {phrase!r} repeats one at line {seen[found]}")
            else:
                seen[found] = line
                phrases.append(found)
        for page in pages:
            if page not in urls:
                out.add(line, f"page {page!r} is not the address of any page search knows")
        entries.append(Intent(item["name"], tuple(phrases), tuple(pages), line))
    return entries


def _strings(value) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        return []
    return [i.strip() for i in items]


def match(typed: list[str], intents: list[Intent]) -> Match:
    """The intent that explains the largest share of the meaningful words typed (word
    endings aside: "raiding" is "raid")."""
    every = {stem(w) for w in typed}
    meaningful = {stem(w) for w in typed if w not in STOPWORDS}
    best = Match()
    for intent in intents:
        explained: set[str] = set()
        for phrase in intent.readers:
            if stems(phrase) <= every:
                explained |= stems(phrase)
        if not explained:
            continue
        share = len(explained & meaningful) / len(meaningful) if meaningful else 1.0
        if share > best.share:
            best = Match(intent, share)
    return best


def reader_words(intents: list[Intent]) -> frozenset[str]:
    """Words search understands through the intent table, even if no page uses them."""
    return frozenset(w for i in intents for p in i.readers for w in p if w not in STOPWORDS)
