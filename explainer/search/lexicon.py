"""The words search knows: the site's own and readers' words from the synonym table.

Used to complete a half-typed last word and to offer "did you mean".
"""

import bisect
import difflib
import functools
from dataclasses import dataclass

from .synonyms import reader_words
from .words import STOPWORDS, words

COMPLETIONS = 5


@dataclass(frozen=True)
class Lexicon:
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

    def correct(self, word: str) -> str:
        """The site word a typed word probably means, when the site does not use it."""
        if word in self.known or len(word) < 4 or word.isdigit():
            return ""
        return self.closest(word)

    def closest(self, word: str) -> str:
        # Only words with the same first letter and about the same length are compared:
        # readers rarely get the first letter wrong, and comparing all would take too long.
        candidates = [
            w
            for n in range(len(word) - 2, len(word) + 3)
            for w in self.by_shape.get((word[0], n), ())
        ]
        found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.8)
        return found[0] if found else ""


@functools.lru_cache(maxsize=4)
def lexicon(vocabulary: frozenset[str], synonyms: tuple, more=frozenset()) -> Lexicon:
    """more: other words search understands, such as the intent table's."""
    known = vocabulary | reader_words(list(synonyms)) | more
    by_shape: dict[tuple[str, int], list[str]] = {}
    for word in sorted(known):
        by_shape.setdefault((word[0], len(word)), []).append(word)
    return Lexicon(known, tuple(sorted(known)), {k: tuple(ws) for k, ws in by_shape.items()})


def suggest(text: str, known: Lexicon) -> str:
    """'Did you mean' text when a typed word is unknown but close to one the site uses."""
    typed = words(text)
    changed = []
    for index, word in enumerate(typed):
        if word in known.known or word in STOPWORDS or word.isdigit() or len(word) < 4:
            changed.append(word)
        elif index == len(typed) - 1 and known.starts_a_word(word):
            changed.append(word)  # probably still being typed
        else:
            changed.append(known.closest(word) or word)
    return " ".join(changed) if changed != typed else ""
