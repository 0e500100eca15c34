"""What the site is made of once loaded: sections, glossary terms, articles and pages.

Plain dataclasses with no loading code, so templates, views and search can use them
without pulling in the parser.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .legaldata import LegalData, Source

TOC_MIN_HEADINGS = 3


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    order: int

    @property
    def url(self) -> str:
        return f"/{self.slug}/"


@dataclass(frozen=True)
class GlossaryTerm:
    slug: str
    term: str
    definition: str
    see: str
    line: int = field(default=0, compare=False)

    @property
    def url(self) -> str:
        return f"/glossary/#{self.slug}"


@dataclass(frozen=True)
class Change:
    date: datetime.date
    change: str
    source: str


@dataclass(frozen=True)
class Handout:
    """The short bullets of a one-page printed handout: what happens next, what not to do."""

    next: list[str]
    avoid: list[str]


@dataclass
class Article:
    section: str
    slug: str
    title: str
    summary: str
    last_reviewed: datetime.date
    next_review: datetime.date
    order: int
    path: Path
    sources: list[Source] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    penalties: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    handout: Handout | None = None
    html: str = ""
    card_html: str = ""
    headings: list[dict] = field(default_factory=list)
    text: str = ""

    @property
    def key(self) -> str:
        return f"{self.section}/{self.slug}"

    @property
    def is_page(self) -> bool:
        """A site page (about, privacy...) rather than an article in a section."""
        return self.section == "pages"

    @property
    def url(self) -> str:
        if self.is_page:
            return f"/{self.slug}/"
        return f"/{self.section}/{self.slug}/"

    @property
    def handout_url(self) -> str:
        return f"{self.url}handout/" if self.handout else ""

    @property
    def toc(self) -> list[dict]:
        return [h for h in self.headings if h["level"] == 2]

    @property
    def show_toc(self) -> bool:
        return len(self.toc) >= TOC_MIN_HEADINGS

    @property
    def heading_ids(self) -> set[str]:
        return {h["id"] for h in self.headings}

    def review_overdue(self, today: datetime.date) -> bool:
        return today > self.next_review


@dataclass
class Site:
    data: LegalData
    sections: dict[str, Section]
    articles: dict[str, Article]
    pages: dict[str, Article]
    glossary: dict[str, GlossaryTerm]
    states: dict = field(default_factory=dict)
    state_charges: dict = field(default_factory=dict)  # charge categories state pages describe
    entry_paths: list = field(default_factory=list)  # the home page's paths, from home.yaml
    synonyms: list = field(default_factory=list)
    intents: list = field(default_factory=list)  # pages some searches need first
    vocabulary: frozenset = frozenset()
    fingerprint: str = ""  # of the content files, to tell a stale search index

    def section_articles(self, section: str) -> list[Article]:
        found = [a for a in self.articles.values() if a.section == section]
        return sorted(found, key=lambda a: (a.order, a.title))

    def article(self, section: str, slug: str) -> Article | None:
        return self.articles.get(f"{section}/{slug}")

    def all_documents(self) -> list[Article]:
        return [*self.pages.values(), *self.articles.values()]

    def reader_urls(self) -> list[str]:
        """Every page a reader can reach, for the site-wide tests and the sitemap."""
        return [
            "/",
            "/glossary/",
            "/states/",
            "/topics/",
            *(s.url for s in self.sections.values()),
            *(j.url for j in self.states.values()),
            *(f"/states/compare/{c}/" for c in self.state_charges),
            *(f"{j.url}{c}/" for j in self.states.values() for c in self.state_charges),
            *(d.url for d in self.all_documents()),
        ]
