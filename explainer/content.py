"""Articles, pages, sections and glossary, read from content/ once and checked as a whole.

get_site() loads everything on first use and keeps it; nothing is parsed per request.
Any problem anywhere raises ContentInvalid listing every problem with its file and line,
so a broken article stops `manage.py check`, the tests and a production start-up.
"""

import datetime
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from . import legaldata, markup, states, yamlfile
from .errors import Collector, ContentInvalid, Problem
from .legaldata import LegalData, Source
from .search import documents as searchdocs
from .search import synonyms
from .tags import TagRenderer

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ARTICLE_FIELDS = {"title", "summary", "section", "last_reviewed", "sources"}
OPTIONAL_FIELDS = {
    "related", "order", "penalties", "next_review", "changes", "handout", "questions",
}
# Readers' own wording of what a page answers: shown on the page and indexed for search.
QUESTION_CHARS = 200
PAGES = ("about", "disclaimer", "privacy", "find-a-defense-attorney", "families")
# Pages whose view adds more than the text (the intake script adds state lawyer links).
PAGES_WITH_OWN_VIEW = ("intake",)
REVIEW_INTERVAL = datetime.timedelta(days=365)
TOC_MIN_HEADINGS = 3
# A handout must fit on one printed page, so its bullet lists stay short.
HANDOUT_LISTS = ("next", "avoid")
HANDOUT_ITEMS = (2, 5)
HANDOUT_ITEM_CHARS = 160


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
class Term:
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
    def url(self) -> str:
        if self.section == "pages":
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
    glossary: dict[str, Term]
    states: dict = field(default_factory=dict)
    synonyms: list = field(default_factory=list)
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
            "/", "/glossary/", "/states/",
            *(s.url for s in self.sections.values()),
            *(j.url for j in self.states.values()),
            *(d.url for d in self.all_documents()),
        ]


@functools.cache
def get_site() -> Site:
    return load_site(Path(settings.CONTENT_DIR))


def reset() -> None:
    get_site.cache_clear()


def load_site(root: Path) -> Site:
    problems: list[Problem] = []
    data = legaldata.load(root / "legal-data.yaml", problems)
    sections = _load_sections(root / "sections.yaml", problems)
    glossary = _load_glossary(root / "glossary.yaml", problems)
    site = Site(data, sections, {}, {}, glossary, states.load(root / "states.yaml", problems))

    for path in sorted((root / "articles").rglob("*.md")):
        article = _load_document(path, site, problems, expected_section=path.parent.name)
        if article:
            site.articles[article.key] = article
    for path in sorted((root / "pages").glob("*.md")):
        page = _load_document(path, site, problems, expected_section="pages")
        if page:
            site.pages[page.slug] = page
    for slug in PAGES + PAGES_WITH_OWN_VIEW:
        if slug not in site.pages:
            problems.append(
                Problem(root / "pages" / f"{slug}.md", None, "required page is missing"))
    for slug, page in site.pages.items():
        if slug not in PAGES + PAGES_WITH_OWN_VIEW:
            problems.append(Problem(page.path, 1, f"page {slug!r} has no route; add it to PAGES"))

    _check_cross_references(site, root / "glossary.yaml", problems)
    _check_printed_resources(data, root / "legal-data.yaml", problems)
    indexed = searchdocs.documents(site)
    site.vocabulary = searchdocs.vocabulary(indexed)
    site.synonyms = synonyms.load(root / "synonyms.yaml", searchdocs.running_text(indexed),
                                  problems)
    site.fingerprint = searchdocs.fingerprint(root)
    if problems:
        raise ContentInvalid(problems)
    return site


def _load_sections(path: Path, problems: list[Problem]) -> dict[str, Section]:
    out = Collector(path, problems)
    try:
        raw = yamlfile.load(path)
    except (FileNotFoundError, yamlfile.YamlError) as exc:
        out.add(getattr(exc, "line", None), f"cannot read sections: {exc}")
        return {}
    sections = {}
    for slug, item in (raw or {}).items():
        if not SLUG_RE.match(str(slug)) or not isinstance(item, dict):
            out.add(None, f"section {slug!r} must be a slug mapped to title, intro, order")
            continue
        missing = [f for f in ("title", "intro", "order") if item.get(f) in (None, "")]
        if missing:
            out.add(item.line, f"section {slug!r}: missing {', '.join(missing)}")
            continue
        sections[slug] = Section(slug, str(item["title"]), str(item["intro"]), int(item["order"]))
    return dict(sorted(sections.items(), key=lambda kv: kv[1].order))


def _load_glossary(path: Path, problems: list[Problem]) -> dict[str, Term]:
    out = Collector(path, problems)
    try:
        raw = yamlfile.load(path)
    except (FileNotFoundError, yamlfile.YamlError) as exc:
        out.add(getattr(exc, "line", None), f"cannot read glossary: {exc}")
        return {}
    terms: dict[str, Term] = {}
    for item in raw or []:
        if not isinstance(item, dict):
            out.add(None, "each glossary entry must be a mapping")
            continue
        missing = [f for f in ("slug", "term", "definition") if not item.get(f)]
        if missing:
            out.add(item.line, f"glossary entry: missing {', '.join(missing)}")
            continue
        slug = str(item["slug"])
        if not SLUG_RE.match(slug):
            out.add(item.line, f"glossary slug {slug!r} must be lower-case-hyphenated")
        if slug in terms:
            out.add(item.line, f"glossary slug {slug!r} is defined twice")
        unknown = set(item) - {"slug", "term", "definition", "see"}
        if unknown:
            out.add(item.line, f"glossary entry {slug!r}: unknown field(s) {sorted(unknown)}")
        terms[slug] = Term(slug, str(item["term"]), str(item["definition"]),
                           str(item.get("see") or ""), item.line)
    return dict(sorted(terms.items(), key=lambda kv: kv[1].term.lower()))


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter, body, line number where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise yamlfile.YamlError("file must start with a '---' front matter block", 1)
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    raise yamlfile.YamlError("front matter is not closed with '---'", 1)


def _load_document(path: Path, site: Site, problems: list[Problem], expected_section: str):
    out = Collector(path, problems)
    before = len(problems)
    try:
        front_text, body, body_line = split_front_matter(path.read_text(encoding="utf-8"))
        meta = yamlfile.parse(front_text, line_offset=1)
    except yamlfile.YamlError as exc:
        out.add(exc.line, str(exc))
        return None
    except UnicodeDecodeError:
        out.add(None, "file is not UTF-8 text")
        return None
    if not isinstance(meta, dict):
        out.add(1, "front matter must be a YAML mapping")
        return None

    for name in sorted(ARTICLE_FIELDS - set(meta)):
        out.add(1, f"front matter: missing required field {name!r}")
    for name in sorted(set(meta) - ARTICLE_FIELDS - OPTIONAL_FIELDS):
        out.add(meta.line, f"front matter: unknown field {name!r}")
    if len(problems) > before:
        return None

    slug = path.stem
    if not SLUG_RE.match(slug):
        out.add(1, f"file name {path.name!r} must be a lower-case-hyphenated slug")
    section = str(meta["section"])
    if section != expected_section:
        out.add(1, f"section {section!r} does not match the folder {expected_section!r}")
    elif section != "pages" and section not in site.sections:
        out.add(1, f"section {section!r} is not in sections.yaml")
    for name in ("title", "summary"):
        if not isinstance(meta[name], str) or not meta[name].strip():
            out.add(1, f"front matter: {name!r} must be non-empty text")
    reviewed = meta["last_reviewed"]
    if not isinstance(reviewed, datetime.date):
        out.add(1, "front matter: 'last_reviewed' must be a date like 2026-11-23")
        return None
    next_review = meta.get("next_review") or reviewed + REVIEW_INTERVAL
    if not isinstance(next_review, datetime.date):
        out.add(1, "front matter: 'next_review' must be a date")
        return None

    article = Article(
        section=section, slug=slug, title=str(meta["title"]).strip(),
        summary=str(meta["summary"]).strip(), last_reviewed=reviewed, next_review=next_review,
        order=int(meta.get("order") or 100), path=path,
        related=[str(r) for r in meta.get("related") or []],
        questions=_questions(meta.get("questions"), out, lambda q: _line_of_item(front_text, q)),
        penalties=[str(p) for p in meta.get("penalties") or []],
        changes=_changes(meta.get("changes") or [], out),
        handout=_handout(meta.get("handout"), out, meta.line),
    )
    if section == "charges" and article.handout is None and "handout" not in meta:
        out.add(1, "front matter: charge articles need a 'handout' with next and avoid bullets")
    front_sources = _front_sources(meta["sources"], site.data, out,
                                   lambda key: _line_of_item(front_text, key))
    for key in article.penalties:
        if key not in site.data.offenses:
            out.add(1, f"front matter penalties: unknown offense key {key!r}")

    tags, tag_problems = markup.scan_tags(body, body_line)
    for line, message in tag_problems:
        out.add(line, message)
    renderer = TagRenderer(site.data, site.glossary)
    for tag in tags:
        for message in renderer.check(tag):
            out.add(tag.line, message)
    if len(problems) > before:
        # Still known to the site, so links to it are not reported as broken too.
        return article

    article.sources = renderer.number_sources(front_sources, tags, article.penalties)
    article.html, article.headings = markup.render(body, renderer.render)
    if article.penalties:
        article.card_html = renderer.penalty_table(
            [site.data.offenses[k] for k in article.penalties])
    article.text = markup.reading_text(article.html)
    if not any(s.primary for s in front_sources) and section != "pages":
        out.add(1, "sources: at least one must be primary (statute, court or government)")
    if len(front_sources) < (1 if section == "pages" else 2):
        out.add(1, "sources: list at least two sources" if section != "pages"
                else "sources: list at least one source")
    return article


def _questions(raw, out: Collector, line_of) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        out.add(line_of("questions:"), "questions: must be a list of questions, one per line")
        return []
    questions = []
    for item in raw:
        if not isinstance(item, str) or not item.strip():
            out.add(line_of("questions:"), f"questions: each entry must be text, not {item!r}")
        elif len(item) > QUESTION_CHARS:
            out.add(line_of(item), f"questions: keep each under {QUESTION_CHARS} characters")
        else:
            questions.append(item.strip())
    return questions


def _changes(raw, out: Collector) -> list[Change]:
    changes = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("date"), datetime.date) \
                or not item.get("change"):
            out.add(getattr(item, "line", None), "changes: each entry needs a date and a change")
            continue
        changes.append(Change(item["date"], str(item["change"]), str(item.get("source") or "")))
    return sorted(changes, key=lambda c: c.date, reverse=True)


def _line_of_item(front_text: str, item: str) -> int:
    """The file line of a '- item' entry in the front matter (YAML keeps no line for strings)."""
    for number, text in enumerate(front_text.splitlines(), start=2):
        entry = text.strip()
        if entry == item or entry.removeprefix("- ").strip("'\"") == item:
            return number
    return 1


def _handout(raw, out: Collector, line: int) -> Handout | None:
    if raw is None:
        return None
    line = getattr(raw, "line", line)
    if not isinstance(raw, dict) or set(raw) != set(HANDOUT_LISTS):
        out.add(line, "handout: must be a mapping with exactly 'next' and 'avoid' lists")
        return None
    lists = {}
    low, high = HANDOUT_ITEMS
    for name in HANDOUT_LISTS:
        items = raw[name]
        if not isinstance(items, list) or not low <= len(items) <= high:
            out.add(line, f"handout {name}: list {low} to {high} bullets")
            return None
        for item in items:
            if not isinstance(item, str) or not item.strip():
                out.add(line, f"handout {name}: each bullet must be non-empty text")
                return None
            if "{{" in item:
                out.add(line, f"handout {name}: bullets are plain text; data tags are not "
                              f"rendered there: {item!r}")
            if len(item) > HANDOUT_ITEM_CHARS:
                out.add(line, f"handout {name}: keep each bullet under {HANDOUT_ITEM_CHARS} "
                              f"characters so the handout fits one page: {item[:40]!r}...")
        lists[name] = [item.strip() for item in items]
    return Handout(**lists)


def _front_sources(raw, data: LegalData, out: Collector, line_of) -> list[Source]:
    if not isinstance(raw, list):
        out.add(1, "sources must be a list")
        return []
    sources = []
    for index, item in enumerate(raw):
        if isinstance(item, str):
            if item not in data.sources:
                out.add(line_of(item), f"sources: unknown source key {item!r}")
                continue
            sources.append(data.sources[item])
        elif isinstance(item, dict) and item.get("label") and item.get("url"):
            if not legaldata.is_https_url(item["url"]):
                out.add(item.line, f"sources: {item['url']!r} must be an https address")
            sources.append(Source(f"own-{index}", str(item["label"]), str(item["url"]),
                                  bool(item.get("primary", False)), None))
        else:
            out.add(getattr(item, "line", 1), "sources: each is a data key or label + url")
    return sources


LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REF_LINK_RE = re.compile(r"^\s*\[[^\]]+\]:\s*(\S+)")


def internal_links(path: Path) -> list[tuple[int, str]]:
    """Every Markdown link target in a file, with its line number."""
    found = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for match in LINK_RE.finditer(text):
            found.append((number, match.group(1)))
        ref = REF_LINK_RE.match(text)
        if ref:
            found.append((number, ref.group(1)))
    return found


def _check_printed_resources(data: LegalData, path: Path, problems: list[Problem]) -> None:
    from .handouts import missing_resources

    for key in missing_resources(data):
        problems.append(Problem(path, None, f"resources: {key!r} is missing; the printed "
                                            "handouts and the intake page list it"))


def _check_cross_references(site: Site, glossary_path: Path, problems: list[Problem]) -> None:
    from .links import check_link

    for doc in site.all_documents():
        out = Collector(doc.path, problems)
        for key in doc.related:
            if key not in site.articles:
                out.add(1, f"related: no article {key!r}")
        for line, target in internal_links(doc.path):
            message = check_link(target, site)
            if message:
                out.add(line, message)
    for term in site.glossary.values():
        if term.see:
            message = check_link(term.see, site)
            if message:
                problems.append(Problem(glossary_path, term.line, message))
