"""States named in a search: "penalty for possession in texas", "ohio sexting charge".

State and state charge pages rank below articles (documents.BOOST), which keeps 56 pages
that differ only in their state from crowding searches that name none. A reader who names a
state has said which of them they mean: that state's pages then rank a little above
articles, and the other states' pages are left out. The rest of the search still decides
between the state's pages and the articles ("age of consent in georgia" is the article's
question).
"""

import functools

from .words import words

# The boost of a named state's own page and of its charge pages: well above an article's (1),
# since the reader said which state, and short state pages score lower than long articles on
# the database's measure (docs/search.md: 2.2 and 1.9 put the state's page first more often
# than 1.5 and 1.3 without losing the questions an article answers); the charge pages below the
# state's page, so that the name alone ("wisconsin") leads to the state's page while a search
# that also names a statute or a subject leads to the charge page.
STATE = 2.2
CHARGES = 1.9

# Names readers use besides the one on the state's page.
OTHER_NAMES = {"DC": ("washington dc", "dc"), "VI": ("virgin islands", "usvi")}
# Postal codes readers type for their state ("im 17 in nc"), except those that are also
# common words or mean something else in these searches: in, me, or, oh, hi, ok, pa, ma, de,
# co, id, al, la, ms, mt, mo, ne, mi, ut, va (Veterans Affairs), md (a doctor), sc (Snapchat),
# sd (a memory card), wi (wi-fi), wa, pr, gu.
CODES = "AK AZ AR CA CT FL GA IA KS KY MN NC ND NH NJ NM NV NY RI TN TX VT WV WY"


@functools.lru_cache(maxsize=4)
def _names(states: tuple[tuple[str, str, str], ...]) -> dict[tuple[str, ...], str]:
    """Each name as its words, to the state's address."""
    found = {}
    for code, name, url in states:
        codes = (code.lower(),) if code in CODES.split() else ()
        for spelled in (name, *OTHER_NAMES.get(code, ()), *codes):
            found[tuple(words(spelled))] = url
    return found


def named(typed: tuple[str, ...], states, fixes=None) -> dict[str, tuple[str, ...]]:
    """The addresses of the states the words name, each with the words that named it as
    typed; the longest name wins where names overlap ("west virginia" is not also
    "virginia", "washington dc" not "washington"). fixes: typed word to its spelling fix
    ("michagan" to "michigan"), since state names are among the words readers misspell."""
    names = _names(tuple((s.code, s.name, s.url) for s in states))
    fixes = fixes or {}
    spelled = tuple(fixes.get(w, w) for w in typed)
    longest = max((len(n) for n in names), default=0)
    found, at = {}, 0
    while at < len(typed):
        for size in range(min(longest, len(typed) - at), 0, -1):
            name = spelled[at : at + size]
            if name in names:
                found.setdefault(names[name], tuple(typed[at : at + size]))
                at += size
                break
        else:
            at += 1
    return found


def sql(places: tuple[str, ...]) -> tuple[str, list, str, list]:
    """For a backend's ranking query over SearchDocument rows named `d`: the boost to use
    (raised on the named states' pages, see STATE) and a condition that leaves out the other
    states' pages, each with its parameters."""
    if not places:
        return "d.boost", [], "TRUE", []
    mine = "(" + " OR ".join("d.url LIKE %s" for _ in places) + ")"
    params = [f"{p}%" for p in places]
    return (
        f"(CASE WHEN {mine} THEN (CASE WHEN d.kind = 'state' THEN {STATE} ELSE {CHARGES} END) "
        "ELSE d.boost END)",
        params,
        f"(d.kind NOT IN ('state', 'state-charge') OR {mine})",
        params,
    )
