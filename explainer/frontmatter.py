"""The YAML block at the top of an article or page: its fields, checked with their lines."""

import datetime

from . import legaldata, yamlfile
from .documents import Article, Change, Handout, Site
from .errors import Collector
from .legaldata import LegalData, Source
from .sections import SLUG_RE

REQUIRED = {"title", "summary", "section", "last_reviewed", "sources"}
OPTIONAL = {
    "related",
    "order",
    "penalties",
    "next_review",
    "changes",
    "handout",
    "questions",
}
REVIEW_INTERVAL = datetime.timedelta(days=365)
# Readers' own wording of what a page answers: shown on the page and indexed for search.
QUESTION_CHARS = 200
# A handout must fit on one printed page, so its bullet lists stay short.
HANDOUT_LISTS = ("next", "avoid")
HANDOUT_ITEMS = (2, 5)
HANDOUT_ITEM_CHARS = 160


def split(text: str) -> tuple[str, str, int]:
    """Return (front matter, body, line number where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise yamlfile.YamlError("file must start with a '---' front matter block", 1)
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise yamlfile.YamlError("front matter is not closed with '---'", 1)


def to_article(
    meta, front_text: str, path, site: Site, out: Collector, expected_section: str
) -> tuple[Article, list[Source]] | None:
    """The article the fields describe, and its own sources; None when it cannot be built."""
    before = len(out.problems)
    for name in sorted(REQUIRED - set(meta)):
        out.add(1, f"front matter: missing required field {name!r}")
    for name in sorted(set(meta) - REQUIRED - OPTIONAL):
        out.add(meta.line, f"front matter: unknown field {name!r}")
    if len(out.problems) > before:
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

    def line_of(item: str) -> int:
        return _line_of_item(front_text, item)

    article = Article(
        section=section,
        slug=slug,
        title=str(meta["title"]).strip(),
        summary=str(meta["summary"]).strip(),
        last_reviewed=reviewed,
        next_review=next_review,
        order=int(meta.get("order") or 100),
        path=path,
        related=[str(r) for r in meta.get("related") or []],
        questions=_questions(meta.get("questions"), out, line_of),
        penalties=[str(p) for p in meta.get("penalties") or []],
        changes=_changes(meta.get("changes") or [], out),
        handout=_handout(meta.get("handout"), out, meta.line),
    )
    if section == "charges" and article.handout is None and "handout" not in meta:
        out.add(1, "front matter: charge articles need a 'handout' with next and avoid bullets")
    sources = _sources(meta["sources"], site.data, out, line_of)
    if not any(s.primary for s in sources) and not article.is_page:
        out.add(1, "sources: at least one must be primary (statute, court or government)")
    if len(sources) < (1 if article.is_page else 2):
        out.add(
            1,
            "sources: list at least one source"
            if article.is_page
            else "sources: list at least two sources",
        )
    for key in article.penalties:
        if key not in site.data.offenses:
            out.add(1, f"front matter penalties: unknown offense key {key!r}")
    return article, sources


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
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("date"), datetime.date)
            or not item.get("change")
        ):
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
        if item.endswith(":") and entry.startswith(item):  # a key with its value on its line
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
                out.add(
                    line,
                    f"handout {name}: bullets are plain text; data tags are not "
                    f"rendered there: {item!r}",
                )
            if len(item) > HANDOUT_ITEM_CHARS:
                out.add(
                    line,
                    f"handout {name}: keep each bullet under {HANDOUT_ITEM_CHARS} "
                    f"characters so the handout fits one page: {item[:40]!r}...",
                )
        lists[name] = [item.strip() for item in items]
    return Handout(**lists)


def _sources(raw, data: LegalData, out: Collector, line_of) -> list[Source]:
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
            sources.append(
                Source(
                    f"own-{index}",
                    str(item["label"]),
                    str(item["url"]),
                    bool(item.get("primary", False)),
                    None,
                )
            )
        else:
            out.add(getattr(item, "line", 1), "sources: each is a data key or label + url")
    return sources
