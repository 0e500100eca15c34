"""Checks that a link written in content leads somewhere real on this site."""

import re
from pathlib import Path
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from .documents import Site
from .errors import Collector, Problem

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


def check_cross_references(site: Site, glossary_path: Path, problems: list[Problem]) -> None:
    """Related articles, links in the Markdown and glossary 'see' links, across all files."""
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


def check_link(target: str, site: Site) -> str | None:
    """Return a problem message for a broken link, or None when it is fine."""
    parts = urlsplit(target)
    if parts.scheme in {"http"}:
        return f"link {target!r}: use https for outside links"
    if parts.scheme in {"https", "mailto", "tel"}:
        return None
    if parts.scheme or parts.netloc:
        return f"link {target!r}: unsupported link type"
    if not parts.path:
        return None  # a same-page #anchor; headings are checked when the page renders
    if not parts.path.startswith("/"):
        return f"link {target!r}: internal links start with /"
    try:
        match = resolve(parts.path)
    except Resolver404:
        return f"broken internal link {target!r}: no such page"
    name, kwargs, fragment = match.url_name, match.kwargs, parts.fragment
    if name == "article":
        article = site.article(kwargs["section"], kwargs["slug"])
        if not article:
            return f"broken internal link {target!r}: no such article"
        if fragment and fragment not in article.heading_ids:
            return f"broken internal link {target!r}: no heading #{fragment} in that article"
    elif name == "section" and kwargs["section"] not in site.sections:
        return f"broken internal link {target!r}: no such section"
    elif name == "glossary" and fragment and fragment not in site.glossary:
        return f"broken internal link {target!r}: no glossary term #{fragment}"
    elif name == "state" and kwargs["code"] not in site.states:
        return f"broken internal link {target!r}: no such state page"
    return None
