"""What search indexes: one plain record per page a reader can land on.

Articles, site pages, glossary terms and state pages all become a SearchDoc with the same
fields, so the index, the vocabulary for "did you mean" and the synonym check all read the
same text. Nothing here touches the database.
"""

import hashlib
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from ..statelaw import FACTS
from .words import words

# Bump when the shape of the index changes, so an index built by older code counts as stale.
INDEX_VERSION = "8"


@dataclass(frozen=True)
class SearchDoc:
    url: str
    kind: str  # article | page | term | state | state-charge
    label: str  # where the result lives, shown above its passage
    title: str
    summary: str
    headings: str
    body: str
    boost: float = 1.0  # multiplies the rank, see BOOST
    questions: str = ""  # readers' own wording of what the page answers, one per line


# Short pages rank high for any word they contain, so without this a glossary line would
# outrank the article that explains the same thing. Articles are what readers come for.
BOOST = {"article": 1.0, "page": 0.8, "state": 0.4, "state-charge": 0.25, "term": 0.2}


def documents(site) -> list[SearchDoc]:
    docs = []
    for article in site.articles.values():
        section = site.sections.get(article.section)
        docs.append(_document(article, "article", section.title if section else ""))
    docs.extend(_document(page, "page", _page_label(page.slug)) for page in site.pages.values())
    docs.extend(
        SearchDoc(term.url, "term", "Glossary", term.term, term.definition, "", "", BOOST["term"])
        for term in site.glossary.values()
    )
    docs.extend(_state(j) for j in site.states.values())
    docs.extend(_state_charges(site))
    return docs


def _state_charges(site) -> list[SearchDoc]:
    """The researched state charge pages, found by state and statute ("ohio 2907.323"): the
    statutes count like headings. Only what is particular to the page: each category's
    introduction is the same in every state."""
    found = []
    for state in site.states.values():
        for key, charge in (state.law.charges if state.law else {}).items():
            category = site.state_charges.get(key)
            if category is None:
                continue
            found.append(
                SearchDoc(
                    f"{state.url}{key}/",
                    "state-charge",
                    "State by state",
                    f"{state.name}: {category.title}",
                    charge.summary.value if charge.summary else "",
                    # The category's short name too ("Possession"): readers' word for it.
                    " \n".join(
                        [category.short, *(f"{s.citation} {s.name}" for s in charge.statutes)]
                    ),
                    "",
                    BOOST["state-charge"],
                )
            )
    return found


# "18 U.S.C. § 2250", "34 U.S.C. § 20913": the section numbers a page relies on.
SECTION_RE = re.compile(r"^\d+ U\.S\.C\. § (\w+)$")


def _document(article, kind: str, label: str) -> SearchDoc:
    # Intake staff search by statute ("2422(b)", "18 usc 2250"), and the reading text has no
    # citation marks: the section numbers of the statutes the page cites count as headings.
    cited = {
        m[1]: None for s in getattr(article, "sources", ()) if (m := SECTION_RE.match(s.label))
    }
    headings = " \n".join([*(unescape(h["name"]) for h in article.headings), " ".join(cited)])
    return SearchDoc(
        article.url,
        kind,
        label,
        article.title,
        article.summary,
        headings,
        article.text,
        BOOST[kind],
        "\n".join(article.questions),
    )


# Pages that help a reader act are labelled as help, not as pages about the site itself.
HELP_PAGES = {"find-a-defense-attorney", "families", "intake"}


def _page_label(slug: str) -> str:
    return "Getting help" if slug in HELP_PAGES else "About this site"


def _state(jurisdiction) -> SearchDoc:
    # Only what is particular to the state, and the labels of the rules its table answers
    # ("Age of consent"): every state page has them, but state pages rank well below
    # articles (BOOST) unless the search names the state, and then its page is the answer.
    # Indexing the rules' values as well made results worse (docs/search.md).
    researched = jurisdiction.law.facts if jurisdiction.law else {}
    who = jurisdiction.contacts
    names = [c.name for c in who.all_contacts() if c.name] if who else []
    return SearchDoc(
        jurisdiction.url,
        "state",
        "State by state",
        jurisdiction.name,
        jurisdiction.differs,
        " \n".join(FACTS[key] for key in FACTS if key in researched),
        " \n".join(names),
        BOOST["state"],
    )


def vocabulary(docs: list[SearchDoc]) -> frozenset[str]:
    """Every word a reader could find, for "did you mean" and the synonym check."""
    found: set[str] = set()
    for doc in docs:
        for text in (doc.title, doc.questions, doc.summary, doc.headings, doc.body):
            found.update(words(text))
    return frozenset(found)


def running_text(docs: list[SearchDoc]) -> str:
    """All indexed text as one string of words with single spaces, each field on its own
    line, so a phrase can be looked up as " word word " (see synonyms.py)."""
    return "\n".join(
        " " + " ".join(words(text)) + " "
        for doc in docs
        for text in (doc.title, doc.questions, doc.summary, doc.headings, doc.body)
    )


def fingerprint(root: Path) -> str:
    """A hash of every content file, so an index built from other content is known stale."""
    digest = hashlib.sha256(f"index-version:{INDEX_VERSION}\n".encode())
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
