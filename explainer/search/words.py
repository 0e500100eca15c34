"""Splitting text into the words that search, synonyms and "did you mean" compare.

One tokenizer for all three, so a word the index knows is spelled the same way everywhere.
Only letters and digits survive, which is also what makes a query safe to hand to FTS5 or
to PostgreSQL's tsquery parser: no quote, operator or control character gets through.
"""

import functools
import re

WORD_RE = re.compile(r"[^\W_]+")
MAX_WORD = 40

# Words too common to help find a page (with the apostrophe-less contractions people type on
# phones). Kept short on purpose: "not" and "after" stay,
# because "what not to do" and "after an arrest" are how readers name real pages.
_STOPWORD_LIST = """
a about am an and any are as at be been being but by can could did do does doing for from
had has have he her him his how i if in into is it its me my of on or our she should so
than that the their them then there these they this those to too us was we were what when
where which who whom why will with would you your
cant dont doesnt didnt im ive isnt wont wasnt arent havent hasnt hadnt shouldnt wouldnt
couldnt werent hes shes thats whats theres youre theyre youve weve theyve gonna wanna gotta
"""
STOPWORDS = frozenset(_STOPWORD_LIST.split())


def words(text: str) -> list[str]:
    """Lower-case words in order, each cut to a sane length."""
    return [w[:MAX_WORD] for w in WORD_RE.findall(text.lower())]


def content_words(text: str) -> list[str]:
    """The words that carry meaning: no stopwords, and no single letters, which are mostly
    left over from a citation's "(b)" or an initial."""
    return [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


# Endings taken off by stem(), longest first. Far cruder than the databases' stemmers, and
# only used to see which words a page's title, questions and headings share with a search
# (search/ranking.py), where "raided" and "raid" must count as the same word.
_ENDINGS = ("ing", "ies", "ed", "es", "ly", "s", "e", "y")


@functools.lru_cache(maxsize=65536)  # the site's vocabulary: a few thousand words
def stem(word: str) -> str:
    for ending in _ENDINGS:
        # A final "e" only comes off a longer word: "share" is "shar" as "shared" is, but
        # "cope" is not "cop", nor "site" "sit".
        if word.endswith(ending) and len(word) - len(ending) >= (4 if ending == "e" else 3):
            return word[: -len(ending)]
    return word
